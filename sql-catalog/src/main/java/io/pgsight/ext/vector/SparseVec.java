package io.pgsight.ext.vector;

import java.util.Arrays;

/**
 * A pgvector {@code sparsevec}: dimension 1..1e9, strictly ascending 0-based indices and their
 * non-zero finite values (at most 16000). Immutable.
 */
public final class SparseVec implements Comparable<SparseVec> {
    public static final int MAX_DIM = 1_000_000_000;
    public static final int MAX_NNZ = 16000;

    private final int dimensions;
    private final int[] indices;
    private final float[] values;

    private SparseVec(int dimensions, int[] indices, float[] values) {
        this.dimensions = dimensions;
        this.indices = indices;
        this.values = values;
    }

    static SparseVec wrap(int dimensions, int[] indices, float[] values) {
        return new SparseVec(dimensions, indices, values);
    }

    public static SparseVec of(int dimensions, int[] indices, float[] values) {
        return new SparseVec(dimensions, indices.clone(), values.clone());
    }

    /** Keeps the non-zero elements of a dense array. */
    static SparseVec fromDense(float[] dense) {
        int nnz = 0;
        for (float f : dense) {
            if (f != 0f) {
                nnz++;
            }
        }
        if (nnz > MAX_NNZ) {
            throw VectorErrors.sparseTooManyElements();
        }
        int[] idx = new int[nnz];
        float[] val = new float[nnz];
        int k = 0;
        for (int i = 0; i < dense.length; i++) {
            if (dense[i] != 0f) {
                idx[k] = i;
                val[k++] = dense[i];
            }
        }
        return new SparseVec(dense.length, idx, val);
    }

    public int dimensions() {
        return dimensions;
    }

    public int nonZeroCount() {
        return indices.length;
    }

    public int index(int k) {
        return indices[k];
    }

    public float value(int k) {
        return values[k];
    }

    int[] indices() {
        return indices;
    }

    float[] values() {
        return values;
    }

    public float[] toDense() {
        float[] dense = new float[dimensions];
        for (int k = 0; k < indices.length; k++) {
            dense[indices[k]] = values[k];
        }
        return dense;
    }

    /** Same result as comparing the dense expansions element-wise, then by dimension. */
    @Override
    public int compareTo(SparseVec o) {
        int na = indices.length;
        int nb = o.indices.length;
        int i = 0;
        int j = 0;
        while (true) {
            int ia = i < na ? indices[i] : Integer.MAX_VALUE;
            int ib = j < nb ? o.indices[j] : Integer.MAX_VALUE;
            int pos = Math.min(ia, ib);
            if (pos >= Math.min(dimensions, o.dimensions)) {
                return Integer.compare(dimensions, o.dimensions);
            }
            float a = ia == pos ? values[i] : 0f;
            float b = ib == pos ? o.values[j] : 0f;
            if (a < b) {
                return -1;
            }
            if (a > b) {
                return 1;
            }
            if (ia == pos) {
                i++;
            }
            if (ib == pos) {
                j++;
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparseVec v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return dimensions * 31 + Arrays.hashCode(indices) * 17 + FloatOrder.hash(values);
    }

    @Override
    public String toString() {
        return SparseVecType.format(this);
    }
}
