package io.pgsight.index.bench;

import io.pgsight.index.Metric;
import io.pgsight.index.NeighborIterator;
import io.pgsight.index.SearchOptions;
import io.pgsight.index.VectorIndex;
import io.pgsight.index.hnsw.HnswIndex;
import io.pgsight.index.hnsw.HnswParams;
import io.pgsight.index.ivfflat.IvfFlatIndex;
import io.pgsight.index.ivfflat.IvfFlatParams;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * In-process ANN benchmark on the baseline data sets (not a unit test). Prints, per data set:
 * build time, index memory, and for hnsw ef_search 40/100/200 and ivfflat probes 1/10/32 the
 * recall@10, single-thread QPS and p50/p99 latency.
 *
 * <pre>
 * java -Xmx6g -cp index-gist/target/classes io.pgsight.index.bench.AnnBenchmark gauss128 seed004
 *   [--rows N] [--threads 2] [--alpha 1.0] [--m 16] [--efc 64] [--lists L] [--only hnsw|ivfflat]
 *   [--upper-widths 1,4,16]   (hnsw beam widths above layer 0 to search with, one table row each)
 * </pre>
 */
public final class AnnBenchmark {
    private static final int K = 10;
    /** Warm-up queries per setting (-Dpgsight.bench.warmup). */
    private static final int WARMUP = Integer.getInteger("pgsight.bench.warmup", 50);

    public static void main(String[] args) {
        List<String> names = new ArrayList<>();
        int rows = -1;
        int threads = 2;
        float alpha = HnswParams.DEFAULT_ALPHA;
        int m = 16;
        int efc = 64;
        int lists = -1;
        String only = "";
        int[] upperWidths = {1};
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--alpha" -> alpha = Float.parseFloat(args[++i]);
                case "--m" -> m = Integer.parseInt(args[++i]);
                case "--efc" -> efc = Integer.parseInt(args[++i]);
                case "--lists" -> lists = Integer.parseInt(args[++i]);
                case "--only" -> only = args[++i];
                case "--upper-widths" -> upperWidths = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt)
                        .toArray();
                default -> names.add(args[i]);
            }
        }
        if (names.isEmpty()) {
            names = List.of("gauss128", "seed004");
        }
        for (String name : names) {
            Dataset data = switch (name) {
                case "gauss128" -> rows > 0 ? Datasets.gauss128(rows) : Datasets.gauss128();
                case "seed004" -> rows > 0 ? Datasets.seed004(rows) : Datasets.seed004();
                default -> throw new IllegalArgumentException("unknown data set " + name);
            };
            int listCount = lists > 0 ? lists : (name.equals("seed004") ? 1000 : 200);
            run(data, threads, new HnswParams(m, efc).withAlpha(alpha), new IvfFlatParams(listCount), only, upperWidths);
        }
    }

    private static void run(Dataset data, int threads, HnswParams hnswParams, IvfFlatParams ivfParams, String only,
                            int[] upperWidths) {
        System.out.printf(Locale.ROOT, "%n== %s: %d x %d, %d queries, %d build threads, %s, ivfflat lists=%d,"
                        + " simd kernels=%s ==%n", data.name(), data.vectors().length, data.dimensions(),
                data.queries().length, threads, hnswParams, ivfParams.lists(),
                io.pgsight.index.distance.DistanceKernels.simd());
        long t0 = System.nanoTime();
        long[][] truth = data.groundTruth(K, Metric.L2, threads);
        System.out.printf(Locale.ROOT, "exact ground truth: %.1f s%n", (System.nanoTime() - t0) / 1e9);
        System.out.println("| index | setting | recall@10 | QPS | QPS per CPU s | p50 ms | p99 ms | build s | build CPU s"
                + " | index MiB | heap delta MiB |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        long baseline = usedHeap();
        HnswIndex hnsw = null;
        IvfFlatIndex ivf = null;
        if (!only.equals("ivfflat")) {
            long before = usedHeap();
            long start = System.nanoTime();
            long cpu = processCpu();
            hnsw = HnswIndex.build(data.dimensions(), Metric.L2, hnswParams, data.rowIds(), data.vectors(),
                    threads, (phase, done, total) -> { });
            double build = (System.nanoTime() - start) / 1e9;
            double buildCpu = (processCpu() - cpu) / 1e9;
            long delta = usedHeap() - before;
            System.out.printf(Locale.ROOT, "hnsw build: %.1f s, %.0f distance calls per insert (%.0f pruning)%n", build,
                    hnsw.insertDistanceCalls() / (double) data.vectors().length,
                    hnsw.pruneDistanceCalls() / (double) data.vectors().length);
            for (int width : upperWidths) {
                hnsw.setUpperSearchWidth(width);
                for (int ef : new int[] {40, 100, 200}) {
                    SearchOptions options = new SearchOptions(ef, 1, false, 20_000, 1, () -> { });
                    report("hnsw", "ef_search=" + ef + (upperWidths.length > 1 ? ", upper width " + width : ""), hnsw,
                            options, data, truth, build, buildCpu, delta);
                }
            }
        }
        if (!only.equals("hnsw")) {
            long before = usedHeap();
            long start = System.nanoTime();
            long cpu = processCpu();
            long[] kmeansIterations = new long[1];
            long[] phaseStart = {System.nanoTime()};
            ivf = IvfFlatIndex.build(data.dimensions(), Metric.L2, ivfParams, data.rowIds(),
                    data.vectors(), threads, (phase, done, total) -> {
                        if (phase.equals("performing k-means")) {
                            kmeansIterations[0] = done;
                        } else if (phase.equals("assigning tuples") && phaseStart[0] > 0) {
                            System.out.printf(Locale.ROOT, "ivfflat k-means: %d iterations, %.1f s%n",
                                    kmeansIterations[0], (System.nanoTime() - start) / 1e9);
                            phaseStart[0] = 0;
                        }
                    });
            double build = (System.nanoTime() - start) / 1e9;
            double buildCpu = (processCpu() - cpu) / 1e9;
            long delta = usedHeap() - before;
            for (int probes : new int[] {1, 10, 32}) {
                SearchOptions options = new SearchOptions(40, probes, false, 20_000, probes, () -> { });
                report("ivfflat", "probes=" + probes, ivf, options, data, truth, build, buildCpu, delta);
            }
        }
        long all = usedHeap();
        System.out.printf(Locale.ROOT, "heap used after GC: %.0f MiB with the data set, ground truth and %s;"
                        + " indexes alone %.0f MiB (by heap delta), %.0f MiB (by memoryBytes)%n", all / 1048576.0,
                hnsw != null && ivf != null ? "both indexes" : "one index", (all - baseline) / 1048576.0,
                ((hnsw == null ? 0 : hnsw.memoryBytes()) + (ivf == null ? 0 : ivf.memoryBytes())) / 1048576.0);
    }

    private static void report(String kind, String setting, VectorIndex index, SearchOptions options, Dataset data,
                               long[][] truth, double build, double buildCpu, long heapDelta) {
        float[][] queries = data.queries();
        for (int i = 0; i < WARMUP; i++) {
            topK(index, queries[i % queries.length], options);
        }
        long[] latency = new long[queries.length];
        double recall = 0;
        long total = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        for (int q = 0; q < queries.length; q++) {
            long s = System.nanoTime();
            long[] found = topK(index, queries[q], options);
            latency[q] = System.nanoTime() - s;
            Set<Long> expected = new HashSet<>();
            for (long id : truth[q]) {
                expected.add(id);
            }
            int hit = 0;
            for (long id : found) {
                if (expected.contains(id)) {
                    hit++;
                }
            }
            recall += (double) hit / truth[q].length;
        }
        double seconds = (System.nanoTime() - total) / 1e9;
        double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
        Arrays.sort(latency);
        System.out.printf(Locale.ROOT, "| %s | %s | %.4f | %.0f | %.0f | %.2f | %.2f | %.1f | %.1f | %.0f | %.0f |%n",
                kind, setting, recall / queries.length, queries.length / seconds, queries.length / cpuSeconds,
                latency[latency.length / 2] / 1e6,
                latency[(int) Math.min(latency.length - 1, Math.ceil(latency.length * 0.99) - 1)] / 1e6, build,
                buildCpu, index.memoryBytes() / 1048576.0, heapDelta / 1048576.0);
    }

    private static long[] topK(VectorIndex index, float[] query, SearchOptions options) {
        NeighborIterator it = index.search(query, options);
        long[] out = new long[K];
        int n = 0;
        while (n < K && it.next()) {
            out[n++] = it.rowId();
        }
        return Arrays.copyOf(out, n);
    }

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    /** CPU time of the whole process (all threads), nanoseconds. */
    private static long processCpu() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return 0;
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
