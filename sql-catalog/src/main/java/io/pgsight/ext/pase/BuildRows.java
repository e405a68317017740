package io.pgsight.ext.pase;

import java.util.Arrays;

/**
 * The rows a pase index build collects: row ids unboxed and vectors by reference, grown by doubling
 * (a million rows would otherwise cost a million boxed Longs and list copies on top of the table).
 */
final class BuildRows {
    private long[] rowIds = new long[1024];
    private float[][] vectors = new float[1024][];
    private int size;

    void add(long rowId, float[] vector) {
        if (size == rowIds.length) {
            rowIds = Arrays.copyOf(rowIds, size * 2);
            vectors = Arrays.copyOf(vectors, size * 2);
        }
        rowIds[size] = rowId;
        vectors[size] = vector;
        size++;
    }

    long[] rowIds() {
        return Arrays.copyOf(rowIds, size);
    }

    float[][] vectors() {
        return Arrays.copyOf(vectors, size);
    }
}
