package io.pgsight.imaging;

import java.util.Arrays;

/**
 * imgsmlr's {@code pattern}: the 64x64 Haar-wavelet matrix of an image. Element {@code (i, j)} is
 * stored at {@code i * 64 + j}; {@code i} is the image column (x) and {@code j} the row (y), as
 * imgsmlr fills it. Immutable.
 */
public final class Pattern {
    public static final int SIDE = 64;
    public static final int SIZE = SIDE * SIDE;

    private final float[] values;

    private Pattern(float[] values) {
        this.values = values;
    }

    /** A pattern holding a copy of {@code values} (4096 floats, row-major {@code [i][j]}). */
    public static Pattern of(float[] values) {
        if (values.length != SIZE) {
            throw new IllegalArgumentException("a pattern has " + SIZE + " values, got " + values.length);
        }
        return new Pattern(values.clone());
    }

    /** Takes ownership of {@code values}; for code in this module that built the array itself. */
    static Pattern wrap(float[] values) {
        return new Pattern(values);
    }

    public float get(int i, int j) {
        return values[i * SIDE + j];
    }

    /** A copy of the 4096 values. */
    public float[] toArray() {
        return values.clone();
    }

    /** Read-only view for this module's math (never mutated). */
    float[] raw() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        // bitwise, so NaN patterns equal themselves
        return o instanceof Pattern p && Arrays.equals(p.values, values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return PatternText.format(this);
    }
}
