package io.pgsight.index.rtree;

import java.util.Arrays;

/**
 * An axis-aligned box in {@link #DIMENSIONS} dimensions: the GiST key of gist_signature_ops. A leaf
 * key is a point (lo == hi, the signature itself). Immutable.
 */
public final class Box {
    public static final int DIMENSIONS = 16;

    private final float[] lo;
    private final float[] hi;

    private Box(float[] lo, float[] hi) {
        this.lo = lo;
        this.hi = hi;
    }

    public static Box of(float[] lo, float[] hi) {
        check(lo);
        check(hi);
        return new Box(lo.clone(), hi.clone());
    }

    /** The key of one signature. */
    public static Box point(float[] p) {
        check(p);
        float[] c = p.clone();
        return new Box(c, c);
    }

    static Box wrap(float[] lo, float[] hi) {
        return new Box(lo, hi);
    }

    private static void check(float[] v) {
        if (v.length != DIMENSIONS) {
            throw new IllegalArgumentException("expected " + DIMENSIONS + " dimensions, got " + v.length);
        }
    }

    public float lo(int k) {
        return lo[k];
    }

    public float hi(int k) {
        return hi[k];
    }

    float[] loArray() {
        return lo;
    }

    float[] hiArray() {
        return hi;
    }

    public boolean isPoint() {
        return Arrays.equals(lo, hi);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Box b && Arrays.equals(b.lo, lo) && Arrays.equals(b.hi, hi);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(lo) * 31 + Arrays.hashCode(hi);
    }

    @Override
    public String toString() {
        return "Box" + Arrays.toString(lo) + "-" + Arrays.toString(hi);
    }
}
