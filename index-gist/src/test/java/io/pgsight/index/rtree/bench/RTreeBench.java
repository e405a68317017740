package io.pgsight.index.rtree.bench;

import io.pgsight.index.rtree.KnnCursor;
import io.pgsight.index.rtree.SignatureRTree;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * R-tree build time and exact KNN latency against a sequential scan (not a unit test). Usage:
 * {@code RTreeBench [rows=1000000] [queries=200] [k=10] [clustered|uniform|FILE.f32]}; a {@code .f32}
 * file holds real-pipeline signatures (see imaging's {@code SignatureCorpus}). Every KNN answer is
 * checked against the scan's. Latencies are wall clock and thread CPU time per query.
 */
public final class RTreeBench {
    private static final int D = 16;

    private RTreeBench() {
    }

    public static void main(String[] args) throws java.io.IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int k = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        String data = args.length > 3 ? args[3] : "clustered";
        boolean clustered = data.equals("clustered");
        SplittableRandom rnd = new SplittableRandom(2024);
        if (data.endsWith(".f32")) {
            runOnFile(java.nio.file.Path.of(data), n, queries, k, rnd);
            return;
        }
        float[][] centres = new float[1000][D];
        for (float[] c : centres) {
            for (int d = 0; d < D; d++) {
                c[d] = (float) rnd.nextDouble(0, 2);
            }
        }
        float[] points = new float[n * D];
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            fill(rnd, centres, clustered, points, i * D);
            ids[i] = i;
        }
        System.out.printf("rows %d, %s signatures (16-D), k = %d, %d queries%n", n,
                clustered ? "clustered (1000 Gaussian clusters, sigma 0.08)" : "uniform [0,2)^16", k, queries);

        float[][] qs = new float[queries][D];
        for (float[] q : qs) {
            fill(rnd, centres, clustered, q, 0);
        }
        measure(points, ids, qs, k);
    }

    /**
     * Rows from a file of little-endian float32 signatures (16 per row, e.g. made by imaging's
     * SignatureCorpus from random images); queries are signatures of random rows of the table, as in
     * imgsmlr's README ({@code ORDER BY signature <-> (SELECT signature FROM pat WHERE id = :id)}).
     */
    private static void runOnFile(java.nio.file.Path file, int n, int queries, int k, SplittableRandom rnd)
            throws java.io.IOException {
        long available = java.nio.file.Files.size(file) / (4L * D);
        n = (int) Math.min(n, available);
        float[] points = new float[n * D];
        try (var in = java.nio.channels.FileChannel.open(file)) {
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(n * D * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            while (buf.hasRemaining() && in.read(buf) > 0) {
                // read it all
            }
            buf.flip();
            buf.asFloatBuffer().get(points);
        }
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
        }
        float[][] qs = new float[queries][];
        for (int q = 0; q < queries; q++) {
            int row = rnd.nextInt(n);
            qs[q] = Arrays.copyOfRange(points, row * D, row * D + D);
        }
        System.out.printf("rows %d from %s, queries: %d signatures of random rows, k = %d%n", n, file, queries, k);
        measure(points, ids, qs, k);
    }

    private static void measure(float[] points, long[] ids, float[][] qs, int k) {
        int queries = qs.length;
        long b0 = System.nanoTime();
        long c0 = cpu();
        SignatureRTree tree = SignatureRTree.build(points, ids);
        System.out.printf("build: %.0f ms wall, %.0f ms CPU, height %d, ~%d MB%n", (System.nanoTime() - b0) / 1e6,
                (cpu() - c0) / 1e6, tree.height(), tree.memoryBytes() >> 20);
        // warm-up both paths
        for (int i = 0; i < Math.min(20, queries); i++) {
            knn(tree, qs[i], k);
            scan(points, qs[i], k);
        }
        double[] knnWall = new double[queries];
        double[] knnCpu = new double[queries];
        double[] scanWall = new double[queries];
        double[] scanCpu = new double[queries];
        int mismatches = 0;
        for (int i = 0; i < queries; i++) {
            long w = System.nanoTime();
            long c = cpu();
            double[] a = knn(tree, qs[i], k);
            knnCpu[i] = (cpu() - c) / 1e6;
            knnWall[i] = (System.nanoTime() - w) / 1e6;
            w = System.nanoTime();
            c = cpu();
            double[] b = scan(points, qs[i], k);
            scanCpu[i] = (cpu() - c) / 1e6;
            scanWall[i] = (System.nanoTime() - w) / 1e6;
            if (!Arrays.equals(a, b)) {
                mismatches++;
            }
        }
        System.out.printf("KNN  : p50 %.3f ms, p99 %.3f ms wall; p50 %.3f ms, p99 %.3f ms CPU%n",
                pct(knnWall, 50), pct(knnWall, 99), pct(knnCpu, 50), pct(knnCpu, 99));
        System.out.printf("scan : p50 %.3f ms, p99 %.3f ms wall; p50 %.3f ms, p99 %.3f ms CPU%n",
                pct(scanWall, 50), pct(scanWall, 99), pct(scanCpu, 50), pct(scanCpu, 99));
        System.out.printf("speed-up at p50: %.1fx wall, %.1fx CPU; answers differing from the scan: %d of %d%n",
                pct(scanWall, 50) / pct(knnWall, 50), pct(scanCpu, 50) / pct(knnCpu, 50), mismatches, queries);
    }

    private static void fill(SplittableRandom rnd, float[][] centres, boolean clustered, float[] out, int off) {
        float[] c = centres[rnd.nextInt(centres.length)];
        for (int d = 0; d < D; d++) {
            out[off + d] = clustered ? (float) (c[d] + rnd.nextGaussian() * 0.08) : (float) rnd.nextDouble(0, 2);
        }
    }

    private static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static double[] knn(SignatureRTree tree, float[] q, int k) {
        KnnCursor c = tree.nearest(q);
        double[] out = new double[k];
        for (int i = 0; i < k && c.next(); i++) {
            out[i] = c.distance();
        }
        return out;
    }

    /** The GiST distance of every row, keeping the k smallest (what a Seq Scan + top-k sort does). */
    private static double[] scan(float[] points, float[] q, int k) {
        double[] best = new double[k];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        int n = points.length / D;
        for (int i = 0; i < n; i++) {
            double acc = 0;
            int o = i * D;
            for (int d = 0; d < D; d++) {
                float t = q[d] - points[o + d];
                acc += (double) (t * t);
            }
            double dist = Math.sqrt(acc);
            if (dist < best[k - 1]) {
                int j = k - 1;
                while (j > 0 && best[j - 1] > dist) {
                    best[j] = best[j - 1];
                    j--;
                }
                best[j] = dist;
            }
        }
        return best;
    }

    private static double pct(double[] v, int p) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
    }
}
