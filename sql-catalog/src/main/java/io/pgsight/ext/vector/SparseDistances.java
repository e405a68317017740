package io.pgsight.ext.vector;

/**
 * Distances between sparse vectors: a merge over the sorted indices, missing entries being zero.
 * Sequential float sums with fused multiply-adds, like the dense kernels' scalar tail.
 */
final class SparseDistances {
    private SparseDistances() {
    }

    static double l2Squared(SparseVec a, SparseVec b) {
        float sum = 0f;
        int i = 0;
        int j = 0;
        int[] ia = a.indices();
        int[] ib = b.indices();
        float[] va = a.values();
        float[] vb = b.values();
        while (i < ia.length || j < ib.length) {
            float d;
            if (j >= ib.length || (i < ia.length && ia[i] < ib[j])) {
                d = va[i++];
            } else if (i >= ia.length || ib[j] < ia[i]) {
                d = vb[j++];
            } else {
                d = va[i++] - vb[j++];
            }
            sum = Math.fma(d, d, sum);
        }
        return sum;
    }

    static double innerProduct(SparseVec a, SparseVec b) {
        float sum = 0f;
        int i = 0;
        int j = 0;
        int[] ia = a.indices();
        int[] ib = b.indices();
        while (i < ia.length && j < ib.length) {
            if (ia[i] < ib[j]) {
                i++;
            } else if (ib[j] < ia[i]) {
                j++;
            } else {
                sum = Math.fma(a.values()[i++], b.values()[j++], sum);
            }
        }
        return sum;
    }

    static double cosine(SparseVec a, SparseVec b) {
        float dot = (float) innerProduct(a, b);
        float na = 0f;
        for (float v : a.values()) {
            na = Math.fma(v, v, na);
        }
        float nb = 0f;
        for (float v : b.values()) {
            nb = Math.fma(v, v, nb);
        }
        return Distances.cosineFromSums(dot, na, nb);
    }

    static double l1(SparseVec a, SparseVec b) {
        float sum = 0f;
        int i = 0;
        int j = 0;
        int[] ia = a.indices();
        int[] ib = b.indices();
        float[] va = a.values();
        float[] vb = b.values();
        while (i < ia.length || j < ib.length) {
            if (j >= ib.length || (i < ia.length && ia[i] < ib[j])) {
                sum += Math.abs(va[i++]);
            } else if (i >= ia.length || ib[j] < ia[i]) {
                sum += Math.abs(vb[j++]);
            } else {
                sum += Math.abs(va[i++] - vb[j++]);
            }
        }
        return sum;
    }

    static double norm(SparseVec a) {
        double sum = 0;
        for (float v : a.values()) {
            sum += (double) v * (double) v;
        }
        return Math.sqrt(sum);
    }
}
