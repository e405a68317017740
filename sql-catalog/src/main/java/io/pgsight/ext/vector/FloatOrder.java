package io.pgsight.ext.vector;

/** Element-then-length comparison and a hash consistent with it (so -0 and 0 hash alike). */
final class FloatOrder {
    private FloatOrder() {
    }

    static int compare(float[] a, float[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (a[i] < b[i]) {
                return -1;
            }
            if (a[i] > b[i]) {
                return 1;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    static int hash(float[] a) {
        int h = a.length;
        for (float f : a) {
            h = h * 31 + Float.floatToIntBits(f == 0f ? 0f : f);
        }
        return h;
    }
}
