package io.pgsight.index.bench;

import io.pgsight.index.Metric;
import io.pgsight.index.NeighborIterator;
import io.pgsight.index.pase.PaseHnswIndex;
import io.pgsight.index.pase.PaseHnswParams;
import io.pgsight.index.pase.PaseIvfFlatIndex;
import io.pgsight.index.pase.PaseIvfFlatParams;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * In-process pase index benchmark on data shaped like the pase tutorial's (100 centres of 80
 * values {@code trunc(random()*10000)}, 10,000 rows each, every value scaled by
 * {@code 1.1 - 0.2*random()}): pase_ivfflat with {@code clustering_params = "100,1001"} queried
 * {@code :0:0} (20 per mille of the lists), and pase_hnsw (base_nb_num 16, ef_build 40) queried
 * {@code :40:0}, with existing rows, 10 rows read per query. Prints build time, latency
 * percentiles, recall@10 against exact and how often the row itself came first. Not a unit test;
 * no SQL, so it isolates the index from the server.
 *
 * <pre>
 * java -Xmx4g --add-modules jdk.incubator.vector -cp index-gist/target/classes \
 *   io.pgsight.index.bench.PaseBenchmark [--index ivfflat|hnsw|both] [--rows 1000000] [--queries 400]
 *   [--seed 5] [--extra N (the literal's middle number; default 0 for ivfflat, 40 for hnsw)]
 * </pre>
 */
public final class PaseBenchmark {
    private static final int DIM = 80;
    private static final int K = 10;

    public static void main(String[] args) {
        int rows = 1_000_000;
        int queries = 400;
        long seed = 5;
        Integer extra = null;
        String which = "both";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--queries" -> queries = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--extra" -> extra = Integer.parseInt(args[++i]);
                case "--index" -> which = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        float[][] vectors = tutorialRows(rows, random);
        int[] picks = new int[queries];
        float[][] queryRows = new float[queries][];
        for (int q = 0; q < queries; q++) {
            picks[q] = random.nextInt(rows);
            queryRows[q] = vectors[picks[q]];
        }
        int threads = Runtime.getRuntime().availableProcessors();
        Dataset data = new Dataset("pase tutorial", vectors, queryRows); // row id = position
        long[] ids = data.rowIds();
        long[][] exact = data.groundTruth(K, Metric.L2_SQUARED, threads);
        if (!which.equals("hnsw")) {
            long t0 = System.nanoTime();
            PaseIvfFlatIndex index = PaseIvfFlatIndex.build(new PaseIvfFlatParams(1, 0, DIM, "100,1001"), ids,
                    vectors, threads, null, seed);
            System.out.printf(Locale.ROOT, "pase_ivfflat: rows %d, build %.1f s, index %d MB%n", rows,
                    (System.nanoTime() - t0) / 1e9, index.memoryBytes() >> 20);
            int ratio = extra == null ? 0 : extra;
            run(q -> index.search(q, ratio), vectors, picks, exact, "warm-up");
            run(q -> index.search(q, ratio), vectors, picks, exact, "measured");
        }
        if (!which.equals("ivfflat")) {
            long t0 = System.nanoTime();
            PaseHnswIndex index = PaseHnswIndex.build(DIM, new PaseHnswParams(16, 40, 200), ids, vectors, threads,
                    null);
            System.out.printf(Locale.ROOT, "pase_hnsw: rows %d, build %.1f s, index %d MB%n", rows,
                    (System.nanoTime() - t0) / 1e9, index.memoryBytes() >> 20);
            int ef = extra == null ? 40 : extra;
            run(q -> index.search(q, ef), vectors, picks, exact, "warm-up");
            run(q -> index.search(q, ef), vectors, picks, exact, "measured");
        }
    }

    private static void run(java.util.function.Function<float[], NeighborIterator> search, float[][] vectors,
                            int[] picks, long[][] exact, String label) {
        long[] nanos = new long[picks.length];
        int selfFirst = 0;
        int found = 0;
        for (int q = 0; q < picks.length; q++) {
            float[] query = vectors[picks[q]];
            long[] got = new long[K];
            Arrays.fill(got, -1);
            long start = System.nanoTime();
            NeighborIterator it = search.apply(query);
            for (int r = 0; r < K && it.next(); r++) {
                got[r] = it.rowId();
            }
            it.close();
            nanos[q] = System.nanoTime() - start;
            if (got[0] == picks[q]) {
                selfFirst++;
            }
            for (long id : got) {
                for (long e : exact[q]) {
                    if (id == e) {
                        found++;
                        break;
                    }
                }
            }
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-8s queries %d: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, mean %.2f ms, "
                        + "recall@10 %.4f, own row first %d%n", label, picks.length, nanos[nanos.length / 2] / 1e6,
                nanos[nanos.length * 9 / 10] / 1e6, nanos[nanos.length * 99 / 100] / 1e6,
                Arrays.stream(nanos).average().orElse(0) / 1e6, found / (double) (K * picks.length), selfFirst);
    }

    /** The tutorial's data: gen_float4_arr(gen_float4_arr1(10000, 80), 20), 10,000 rows a centre. */
    static float[][] tutorialRows(int rows, SplittableRandom random) {
        float[][] out = new float[rows][];
        float[] centre = null;
        for (int i = 0; i < rows; i++) {
            if (i % 10_000 == 0) {
                centre = new float[DIM];
                for (int d = 0; d < DIM; d++) {
                    centre[d] = (float) Math.floor(random.nextDouble() * 10000);
                }
            }
            float[] v = new float[DIM];
            for (int d = 0; d < DIM; d++) {
                double u = centre[d];
                v[d] = (float) (u + (u * 20 / 2.0 / 100) - u * 20 / 100 * random.nextDouble());
            }
            out[i] = v;
        }
        return out;
    }
}
