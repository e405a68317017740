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
    private final Object[] elements;

    public PgArray(int elementTypeOid, int[] dimensions, int[] lowerBounds, Object[] elements) {
        this.elementTypeOid = elementTypeOid;
        this.dimensions = dimensions;
        this.lowerBounds = lowerBounds;
        this.elements = elements;
    }

    /** A one-dimensional array with lower bound 1 (an empty one has no dimensions). */
    public static PgArray of(int elementTypeOid, Object... elements) {
        if (elements.length == 0) {
            return new PgArray(elementTypeOid, new int[0], new int[0], elements);
        }
        return new PgArray(elementTypeOid, new int[] {elements.length}, new int[] {1}, elements);
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
        return elements.length;
    }

    public Object get(int i) {
        return elements[i];
    }

    public boolean containsNull() {
        for (Object e : elements) {
            if (e == null) {
                return true;
            }
        }
        return false;
    }

    /** A copy of the elements. */
    public Object[] toArray() {
        return elements.clone();
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
                && Arrays.equals(a.lowerBounds, lowerBounds) && Arrays.deepEquals(a.elements, elements);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(elements) * 31 + Arrays.hashCode(dimensions);
    }
}
