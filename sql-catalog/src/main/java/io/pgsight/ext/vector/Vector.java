package io.pgsight.ext.vector;

/** A pgvector {@code vector} value: 1..16000 finite float32 elements. Immutable. */
public final class Vector implements Comparable<Vector> {
    public static final int MAX_DIM = 16000;

    private final float[] elements;

    private Vector(float[] elements) {
        this.elements = elements;
    }

    /** Wraps without copying: callers hand over ownership of a freshly built array. */
    static Vector wrap(float[] elements) {
        return new Vector(elements);
    }

    public static Vector of(float... elements) {
        return new Vector(elements.clone());
    }

    public int dimensions() {
        return elements.length;
    }

    public float get(int i) {
        return elements[i];
    }

    /** A copy of the elements. */
    public float[] toArray() {
        return elements.clone();
    }

    /** The backing array, for kernels in this package that only read it. */
    float[] elements() {
        return elements;
    }

    /** pgvector's btree order: element-wise first, then the shorter vector is smaller. */
    @Override
    public int compareTo(Vector o) {
        return FloatOrder.compare(elements, o.elements);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vector v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return FloatOrder.hash(elements);
    }

    @Override
    public String toString() {
        return VectorType.format(this);
    }
}
