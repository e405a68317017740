package io.pgsight.imaging;

import java.util.Arrays;

/** imgsmlr's {@code signature}: 16 floats summarising a pattern, compared by Euclidean distance. Immutable. */
public final class Signature {
    public static final int SIZE = 16;

    private final float[] values;

    private Signature(float[] values) {
        this.values = values;
    }

    public static Signature of(float[] values) {
        if (values.length != SIZE) {
            throw new IllegalArgumentException("a signature has " + SIZE + " values, got " + values.length);
        }
        return new Signature(values.clone());
    }

    static Signature wrap(float[] values) {
        return new Signature(values);
    }

    public float get(int k) {
        return values[k];
    }

    public float[] toArray() {
        return values.clone();
    }

    float[] raw() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Signature s && Arrays.equals(s.values, values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return SignatureText.format(this);
    }
}
