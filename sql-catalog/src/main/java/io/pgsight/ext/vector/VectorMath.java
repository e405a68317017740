package io.pgsight.ext.vector;

import io.pgsight.sql.spi.BitString;

/** Element-wise arithmetic and the shape functions of vector and halfvec, with pgvector's checks. */
final class VectorMath {
    private VectorMath() {
    }

    static void checkSameDimensions(String type, int a, int b) {
        if (a != b) {
            throw VectorErrors.differentDimensions(type, a, b);
        }
    }

    static Vector add(Vector a, Vector b) {
        checkSameDimensions(VectorType.NAME, a.dimensions(), b.dimensions());
        float[] r = new float[a.dimensions()];
        for (int i = 0; i < r.length; i++) {
            r[i] = a.get(i) + b.get(i);
        }
        checkNoOverflow(r);
        return Vector.wrap(r);
    }

    static Vector subtract(Vector a, Vector b) {
        checkSameDimensions(VectorType.NAME, a.dimensions(), b.dimensions());
        float[] r = new float[a.dimensions()];
        for (int i = 0; i < r.length; i++) {
            r[i] = a.get(i) - b.get(i);
        }
        checkNoOverflow(r);
        return Vector.wrap(r);
    }

    static Vector multiply(Vector a, Vector b) {
        checkSameDimensions(VectorType.NAME, a.dimensions(), b.dimensions());
        float[] r = new float[a.dimensions()];
        for (int i = 0; i < r.length; i++) {
            r[i] = a.get(i) * b.get(i);
        }
        for (int i = 0; i < r.length; i++) {
            if (Float.isInfinite(r[i])) {
                throw VectorErrors.overflow();
            }
            if (r[i] == 0f && a.get(i) != 0f && b.get(i) != 0f) {
                throw VectorErrors.underflow();
            }
        }
        return Vector.wrap(r);
    }

    static Vector concat(Vector a, Vector b) {
        int dim = a.dimensions() + b.dimensions();
        if (dim > Vector.MAX_DIM) {
            throw VectorErrors.tooManyDimensions(VectorType.NAME, Vector.MAX_DIM);
        }
        float[] r = new float[dim];
        System.arraycopy(a.elements(), 0, r, 0, a.dimensions());
        System.arraycopy(b.elements(), 0, r, a.dimensions(), b.dimensions());
        return Vector.wrap(r);
    }

    static Vector normalize(Vector a) {
        double norm = Distances.norm(a.elements());
        float[] r = a.toArray();
        if (norm > 0) {
            for (int i = 0; i < r.length; i++) {
                r[i] = (float) (a.get(i) / norm);
            }
            checkNoOverflow(r);
        }
        return Vector.wrap(r);
    }

    static HalfVec add(HalfVec a, HalfVec b) {
        checkSameDimensions(HalfVecType.NAME, a.dimensions(), b.dimensions());
        short[] r = new short[a.dimensions()];
        for (int i = 0; i < r.length; i++) {
            r[i] = halfChecked(a.get(i) + b.get(i));
        }
        return HalfVec.wrap(r);
    }

    static HalfVec subtract(HalfVec a, HalfVec b) {
        checkSameDimensions(HalfVecType.NAME, a.dimensions(), b.dimensions());
        short[] r = new short[a.dimensions()];
        for (int i = 0; i < r.length; i++) {
            r[i] = halfChecked(a.get(i) - b.get(i));
        }
        return HalfVec.wrap(r);
    }

    static HalfVec multiply(HalfVec a, HalfVec b) {
        checkSameDimensions(HalfVecType.NAME, a.dimensions(), b.dimensions());
        short[] r = new short[a.dimensions()];
        for (int i = 0; i < r.length; i++) {
            r[i] = halfChecked(a.get(i) * b.get(i));
            if ((r[i] & 0x7fff) == 0 && a.get(i) != 0f && b.get(i) != 0f) {
                throw VectorErrors.underflow();
            }
        }
        return HalfVec.wrap(r);
    }

    static HalfVec concat(HalfVec a, HalfVec b) {
        int dim = a.dimensions() + b.dimensions();
        if (dim > HalfVec.MAX_DIM) {
            throw VectorErrors.tooManyDimensions(HalfVecType.NAME, HalfVec.MAX_DIM);
        }
        short[] r = new short[dim];
        System.arraycopy(a.elements(), 0, r, 0, a.dimensions());
        System.arraycopy(b.elements(), 0, r, a.dimensions(), b.dimensions());
        return HalfVec.wrap(r);
    }

    static HalfVec normalize(HalfVec a) {
        double norm = Distances.norm(a.toFloats());
        short[] r = a.elements().clone();
        if (norm > 0) {
            for (int i = 0; i < r.length; i++) {
                r[i] = halfChecked((float) (a.get(i) / norm));
            }
        }
        return HalfVec.wrap(r);
    }

    static SparseVec normalize(SparseVec a) {
        double norm = SparseDistances.norm(a);
        if (!(norm > 0)) {
            return a;
        }
        int kept = 0;
        float[] scaled = new float[a.nonZeroCount()];
        for (int k = 0; k < scaled.length; k++) {
            scaled[k] = (float) (a.value(k) / norm);
            if (Float.isInfinite(scaled[k])) {
                throw VectorErrors.overflow();
            }
            if (scaled[k] != 0f) {
                kept++;
            }
        }
        int[] idx = new int[kept];
        float[] val = new float[kept];
        int j = 0;
        for (int k = 0; k < scaled.length; k++) {
            if (scaled[k] != 0f) {
                idx[j] = a.index(k);
                val[j++] = scaled[k];
            }
        }
        return SparseVec.wrap(a.dimensions(), idx, val);
    }

    private static short halfChecked(float f) {
        short h = HalfFloat.fromFloat(f);
        if (HalfFloat.isInfinite(h)) {
            throw VectorErrors.overflow();
        }
        return h;
    }

    private static void checkNoOverflow(float[] r) {
        for (float f : r) {
            if (Float.isInfinite(f)) {
                throw VectorErrors.overflow();
            }
        }
    }

    /** [start, end) of subvector(v, start, count), 0-based, with pgvector's (substring-like) rules. */
    static int[] subvectorRange(int dim, int start, int count, String type) {
        if (count < 1) {
            throw VectorErrors.atLeastOneDimension(type);
        }
        long end = (long) start > (long) dim - count ? dim + 1L : (long) start + count;
        long s = start;
        if (s < 1) {
            s = 1;
        } else if (s > dim) {
            throw VectorErrors.atLeastOneDimension(type);
        }
        if (end - s < 1) {
            throw VectorErrors.atLeastOneDimension(type);
        }
        return new int[] {(int) (s - 1), (int) (end - 1)};
    }

    static Vector subvector(Vector v, int start, int count) {
        int[] r = subvectorRange(v.dimensions(), start, count, VectorType.NAME);
        return Vector.wrap(java.util.Arrays.copyOfRange(v.elements(), r[0], r[1]));
    }

    static HalfVec subvector(HalfVec v, int start, int count) {
        int[] r = subvectorRange(v.dimensions(), start, count, HalfVecType.NAME);
        return HalfVec.wrap(java.util.Arrays.copyOfRange(v.elements(), r[0], r[1]));
    }

    /** Bit i is set iff element i is greater than zero. */
    static BitString binaryQuantize(float[] x) {
        byte[] bytes = new byte[(x.length + 7) / 8];
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0f) {
                bytes[i / 8] |= (byte) (0x80 >>> (i % 8));
            }
        }
        return new BitString(x.length, bytes);
    }
}
