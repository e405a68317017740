package io.pgsight.index.bench;

import io.pgsight.index.NeighborIterator;
import io.pgsight.index.pase.PaseIvfFlatIndex;
import io.pgsight.index.pase.PaseIvfFlatParams;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * In-process pase_ivfflat query benchmark on data shaped like the pase tutorial's (100 centres of
 * 80 values {@code trunc(random()*10000)}, 10,000 rows each, every value scaled by
 * {@code 1.1 - 0.2*random()}), index {@code clustering_params = "100,1001"}, queries {@code :0:0}
 * (20 per mille of the lists) with existing rows, 10 rows read per query. Prints build time, list
 * sizes, the rows a query scans, latency percentiles and how often the row itself came first.
 * Not a unit test; no SQL, so it isolates the index from the server.
 *
 * <pre>
 * java -Xmx4g --add-modules jdk.incubator.vector -cp index-gist/target/classes \
 *   io.pgsight.index.bench.PaseIvfBenchmark [--rows 1000000] [--queries 400] [--seed 5] [--ratio 0]
 * </pre>
 */
public final class PaseIvfBenchmark {
    private static final int DIM = 80;
    private static final int K = 10;

    public static void main(String[] args) {
        int rows = 1_000_000;
        int queries = 400;
        long seed = 5;
        int ratio = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--queries" -> queries = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--ratio" -> ratio = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        float[][] vectors = tutorialRows(rows, random);
        long[] ids = new long[rows];
        for (int i = 0; i < rows; i++) {
            ids[i] = i + 1;
        }
        long t0 = System.nanoTime();
        PaseIvfFlatIndex index = PaseIvfFlatIndex.build(new PaseIvfFlatParams(1, 0, DIM, "100,1001"), ids, vectors,
                Runtime.getRuntime().availableProcessors(), null, seed);
        double buildSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "rows %d, build %.1f s, index %d MB%n", rows, buildSeconds,
                index.memoryBytes() >> 20);

        int[] picks = new int[queries];
        for (int q = 0; q < queries; q++) {
            picks[q] = random.nextInt(rows);
        }
        run(index, vectors, picks, ratio, "warm-up");
        run(index, vectors, picks, ratio, "measured");
    }

    private static void run(PaseIvfFlatIndex index, float[][] vectors, int[] picks, int ratio, String label) {
        long[] nanos = new long[picks.length];
        int selfFirst = 0;
        for (int q = 0; q < picks.length; q++) {
            float[] query = vectors[picks[q]];
            long start = System.nanoTime();
            NeighborIterator it = index.search(query, ratio);
            long first = -1;
            for (int r = 0; r < K && it.next(); r++) {
                if (r == 0) {
                    first = it.rowId();
                }
            }
            nanos[q] = System.nanoTime() - start;
            if (first == picks[q] + 1) {
                selfFirst++;
            }
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-8s queries %d: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, mean %.2f ms, "
                        + "own row first %d%n", label, picks.length, nanos[nanos.length / 2] / 1e6,
                nanos[nanos.length * 9 / 10] / 1e6, nanos[nanos.length * 99 / 100] / 1e6,
                Arrays.stream(nanos).average().orElse(0) / 1e6, selfFirst);
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
