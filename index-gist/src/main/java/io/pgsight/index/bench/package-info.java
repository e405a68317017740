/**
 * Benchmark support that other modules may reuse: deterministic data sets
 * ({@link io.pgsight.index.bench.Datasets}: seed004, gauss128), exact ground truth, and the
 * in-process {@link io.pgsight.index.bench.AnnBenchmark} and
 * {@link io.pgsight.index.bench.KernelBenchmark} mains. Not used by the indexes themselves.
 */
package io.pgsight.index.bench;
