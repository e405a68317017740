package io.pgsight.index.distance;

/**
 * Runs every Vector API kernel a few thousand times on a daemon thread when the kernels are first
 * loaded, so the JIT compiles them (with the vector intrinsics) before the first real query needs
 * them. Until then a kernel runs interpreted or in C1 code, where each vector operation is a
 * boxed Java fallback: measured, the first ivfflat queries after a build that never used the
 * many-vector kernels took several times their steady-state time. Costs a few tens of
 * milliseconds of one core, once; {@code -Dpgsight.index.warmup=false} turns it off.
 */
final class KernelWarmup {
    /** Enough calls for C2's invocation and loop thresholds with the default tiered settings. */
    private static final int CALLS = 6000;

    private KernelWarmup() {
    }

    static void start() {
        if (!Boolean.parseBoolean(System.getProperty("pgsight.index.warmup", "true"))) {
            return;
        }
        Thread t = new Thread(KernelWarmup::run, "pgsight-kernel-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static void run() {
        // two dimensions so both the vector loop and the scalar tail are exercised, and row
        // counts that are not multiples of four, so compiled code has no untaken paths to trap on
        int[] dims = {80, 84};
        float[][] rows = new float[7][];
        float[] flat = new float[7 * 84];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new float[84];
            for (int j = 0; j < 84; j++) {
                rows[i][j] = (i * 31 + j) % 17;
                flat[i * 84 + j] = rows[i][j];
            }
        }
        float[] q = rows[3].clone();
        float[] out = new float[7];
        float sink = 0;
        for (int c = 0; c < CALLS; c++) {
            int dim = dims[c & 1];
            SimdKernels.l2SquaredMany(q, flat, 7, dim, out, 0);
            sink += out[6];
            sink += SimdKernels.l2Squared(q, 0, rows[c % 7], 0, dim);
            sink += SimdKernels.innerProduct(q, 0, rows[c % 7], 0, dim);
            sink += SimdKernels.l1(q, 0, rows[c % 7], 0, dim);
        }
        if (sink == Float.MIN_VALUE) { // keeps the results live
            System.err.print("");
        }
    }
}
