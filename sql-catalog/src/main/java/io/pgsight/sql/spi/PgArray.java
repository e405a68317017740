package io.pgsight.sql.spi;

import java.util.Arrays;

/**
 * An SQL array value: element type, dimensions with lower bounds, and elements in row-major order
 * (null entries are SQL NULL). Immutable; do not mutate the arrays passed in after construction.
 */
public final class PgArray {
    private final int elementTypeOid;
    private final int[] dimensions;
    private final int[] lowerBounds;
    /** The elements, unless they are all non-null float4 values kept unboxed in {@link #floats}. */
    private final Object[] elements;
    /** float4[] without nulls, stored compactly (4 bytes an element instead of a boxed Float and a reference). */
    private final float[] floats;

    public PgArray(int elementTypeOid, int[] dimensions, int[] lowerBounds, Object[] elements) {
        this.elementTypeOid = elementTypeOid;
        this.dimensions = shared(dimensions);
        this.lowerBounds = shared(lowerBounds);
        float[] f = elementTypeOid == FLOAT4 && elements.length > 0 ? unboxed(elements) : null;
        this.floats = f;
        this.elements = f == null ? elements : null;
    }

    private static final int FLOAT4 = 700;

    /**
     * The one-element bound arrays {1}..{SHARED_MAX}, shared by every value: a table of a million
     * one-dimensional arrays would otherwise hold two million 24-byte int[1] objects. Safe because
     * a PgArray never hands its bound arrays out uncopied.
     */
    private static final int SHARED_MAX = 4096;
    private static final int[][] ONE_ELEMENT = oneElementArrays();

    private static int[][] oneElementArrays() {
        int[][] a = new int[SHARED_MAX + 1][];
        for (int i = 0; i < a.length; i++) {
            a[i] = new int[] {i};
        }
        return a;
    }

    /** The shared array equal to {@code bounds} when there is one, else {@code bounds}. */
    private static int[] shared(int[] bounds) {
        if (bounds.length == 1 && bounds[0] >= 0 && bounds[0] <= SHARED_MAX) {
            return ONE_ELEMENT[bounds[0]];
        }
        return bounds;
    }

    private static float[] unboxed(Object[] elements) {
        float[] f = new float[elements.length];
        for (int i = 0; i < f.length; i++) {
            if (!(elements[i] instanceof Float v)) {
                return null;
            }
            f[i] = v;
        }
        return f;
    }

    /** A one-dimensional array with lower bound 1 (an empty one has no dimensions). */
    public static PgArray of(int elementTypeOid, Object... elements) {
        if (elements.length == 0) {
            return new PgArray(elementTypeOid, new int[0], new int[0], elements);
        }
        return new PgArray(elementTypeOid, new int[] {elements.length}, new int[] {1}, elements);
    }

    /** A one-dimensional float4[] (lower bound 1) over {@code values}, which the caller hands over. */
    public static PgArray ofFloat4(float[] values) {
        return values.length == 0 ? of(FLOAT4) : new PgArray(new int[] {values.length}, values);
    }

    private PgArray(int[] dimensions, float[] floats) {
        this.elementTypeOid = FLOAT4;
        this.dimensions = shared(dimensions);
        this.lowerBounds = ONE_ELEMENT[1];
        this.floats = floats;
        this.elements = null;
    }

    public int elementTypeOid() {
        return elementTypeOid;
    }

    public int dimensionCount() {
        return dimensions.length;
    }

    public int dimension(int i) {
        return dimensions[i];
    }

    public int lowerBound(int i) {
        return lowerBounds[i];
    }

    public int length() {
        return floats != null ? floats.length : elements.length;
    }

    public Object get(int i) {
        return floats != null ? (Object) floats[i] : elements[i];
    }

    /**
     * A copy of the elements as float32 values when this is a compact float4[] (no nulls), else
     * null; lets numeric code skip boxing every element through {@link #get(int)}.
     */
    public float[] float4Copy() {
        return floats == null ? null : floats.clone();
    }

    /**
     * The compact float4 elements themselves, not a copy, or null as for {@link #float4Copy()}. For
     * indexes that keep a row's vector without duplicating it; the caller must never write to it.
     */
    public float[] float4Shared() {
        return floats;
    }

    public boolean containsNull() {
        if (floats != null) {
            return false;
        }
        for (Object e : elements) {
            if (e == null) {
                return true;
            }
        }
        return false;
    }

    /** A copy of the elements. */
    public Object[] toArray() {
        return floats != null ? boxed() : elements.clone();
    }

    private Object[] boxed() {
        Object[] o = new Object[floats.length];
        for (int i = 0; i < o.length; i++) {
            o[i] = floats[i];
        }
        return o;
    }

    public int[] dimensions() {
        return dimensions.clone();
    }

    public int[] lowerBounds() {
        return lowerBounds.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PgArray a && a.elementTypeOid == elementTypeOid && Arrays.equals(a.dimensions, dimensions)
                && Arrays.equals(a.lowerBounds, lowerBounds) && (floats != null && a.floats != null
                ? Arrays.equals(a.floats, floats) : Arrays.deepEquals(a.toArray(), toArray()));
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(floats != null ? boxed() : elements) * 31 + Arrays.hashCode(dimensions);
    }
}
