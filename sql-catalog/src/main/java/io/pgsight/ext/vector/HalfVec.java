package io.pgsight.ext.vector;

/** A pgvector {@code halfvec} value: 1..16000 finite binary16 elements. Immutable. */
public final class HalfVec implements Comparable<HalfVec> {
    public static final int MAX_DIM = 16000;

    private final short[] elements;

    private HalfVec(short[] elements) {
        this.elements = elements;
    }

    static HalfVec wrap(short[] elements) {
        return new HalfVec(elements);
    }

    public static HalfVec ofBits(short... bits) {
        return new HalfVec(bits.clone());
    }

    public int dimensions() {
        return elements.length;
    }

    public short bits(int i) {
        return elements[i];
    }

    public float get(int i) {
        return HalfFloat.toFloat(elements[i]);
    }

    /** The elements widened to float32 (exact). */
    public float[] toFloats() {
        float[] out = new float[elements.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = HalfFloat.toFloat(elements[i]);
        }
        return out;
    }

    short[] elements() {
        return elements;
    }

    @Override
    public int compareTo(HalfVec o) {
        return FloatOrder.compare(toFloats(), o.toFloats());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HalfVec v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return FloatOrder.hash(toFloats());
    }

    @Override
    public String toString() {
        return HalfVecType.format(this);
    }
}
