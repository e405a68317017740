package io.pgsight.ext.pase;

import java.util.Arrays;

/**
 * A {@code pase} value: float32 elements plus the two header numbers of pase's layout: {@code extra}
 * (ef_search override for pase_hnsw queries, scan ratio in per mille for pase_ivfflat queries) and
 * {@code ds} (distance strategy: 1 = inner product, anything else = squared L2). Immutable.
 */
public final class PaseValue {
    public static final int MAX_DIM = 512;

    private final float[] elements;
    private final int extra;
    private final int ds;

    private PaseValue(float[] elements, int extra, int ds) {
        this.elements = elements;
        this.extra = extra;
        this.ds = ds;
    }

    static PaseValue wrap(float[] elements, int extra, int ds) {
        return new PaseValue(elements, extra, ds);
    }

    public static PaseValue of(float[] elements, int extra, int ds) {
        return new PaseValue(elements.clone(), extra, ds);
    }

    public int dimensions() {
        return elements.length;
    }

    public float get(int i) {
        return elements[i];
    }

    public float[] toArray() {
        return elements.clone();
    }

    float[] elements() {
        return elements;
    }

    public int extra() {
        return extra;
    }

    public int ds() {
        return ds;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PaseValue p && p.extra == extra && p.ds == ds && Arrays.equals(p.elements, elements);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(elements) * 31 + extra * 7 + ds;
    }

    @Override
    public String toString() {
        return PaseType.format(this);
    }
}
