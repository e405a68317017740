package io.pgsight.index.distance;

/**
 * The kernels indexes rank with: the Vector API ones ({@link SimdKernels}, about 4× faster at
 * 80–128 dimensions on this machine) when the JVM was started with
 * {@code --add-modules jdk.incubator.vector}, else pgvector-ordered scalar loops
 * ({@link VectorDistances}). {@code -Dpgsight.index.scalar=true} forces the scalar ones. The
 * choice is a static final constant, so the JIT folds the branch away.
 */
public final class DistanceKernels {
    private static final boolean SIMD = detect();

    private DistanceKernels() {
    }

    private static boolean detect() {
        if (Boolean.getBoolean("pgsight.index.scalar")) {
            return false;
        }
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            float[] probe = {1, 2, 3, 4, 5, 6, 7, 8, 9};
            return SimdKernels.l2Squared(probe, 0, probe, 0, probe.length) == 0f;
        } catch (LinkageError | RuntimeException e) {
            return false;
        }
    }

    /** Whether the Vector API kernels are in use. */
    public static boolean simd() {
        return SIMD;
    }

    public static float l2Squared(float[] a, int ao, float[] b, int bo, int n) {
        return SIMD ? SimdKernels.l2Squared(a, ao, b, bo, n) : VectorDistances.l2Squared(a, ao, b, bo, n);
    }

    /**
     * {@link #l2Squared} from {@code q} at {@code qo} to four vectors of {@code n} floats at offsets
     * {@code o0..o3} of {@code v}, into {@code out[at..at+3]}, each bit-identical to its single call.
     */
    public static void l2SquaredFour(float[] q, int qo, float[] v, int o0, int o1, int o2, int o3, int n,
                                     float[] out, int at) {
        if (SIMD) {
            SimdKernels.l2SquaredFour(q, qo, v, o0, o1, o2, o3, n, out, at);
            return;
        }
        out[at] = VectorDistances.l2Squared(q, qo, v, o0, n);
        out[at + 1] = VectorDistances.l2Squared(q, qo, v, o1, n);
        out[at + 2] = VectorDistances.l2Squared(q, qo, v, o2, n);
        out[at + 3] = VectorDistances.l2Squared(q, qo, v, o3, n);
    }

    public static float innerProduct(float[] a, int ao, float[] b, int bo, int n) {
        return SIMD ? SimdKernels.innerProduct(a, ao, b, bo, n) : VectorDistances.innerProduct(a, ao, b, bo, n);
    }

    public static float l1(float[] a, int ao, float[] b, int bo, int n) {
        return SIMD ? SimdKernels.l1(a, ao, b, bo, n) : VectorDistances.l1(a, ao, b, bo, n);
    }

    /** Squared L2 from {@code q} to each of {@code count} vectors stored back to back in {@code v}. */
    public static void l2SquaredMany(float[] q, float[] v, int count, int dim, float[] out, int outOffset) {
        l2SquaredMany(q, v, 0, count, dim, out, outOffset);
    }

    /**
     * Squared L2 from the first {@code dim} values of {@code q} to vectors {@code from} to
     * {@code from + count - 1} of {@code v} (each {@code dim} floats, back to back).
     */
    public static void l2SquaredMany(float[] q, float[] v, int from, int count, int dim, float[] out,
                                     int outOffset) {
        if (SIMD) {
            SimdKernels.l2SquaredMany(q, v, from, count, dim, out, outOffset);
            return;
        }
        for (int i = 0; i < count; i++) {
            out[outOffset + i] = VectorDistances.l2Squared(q, 0, v, (from + i) * dim, dim);
        }
    }

    /** Negative inner product of {@code q} with each of {@code count} vectors stored back to back. */
    public static void negativeInnerProductMany(float[] q, float[] v, int count, int dim, float[] out,
                                                int outOffset) {
        for (int i = 0; i < count; i++) {
            out[outOffset + i] = -innerProduct(q, 0, v, i * dim, dim);
        }
    }
}
