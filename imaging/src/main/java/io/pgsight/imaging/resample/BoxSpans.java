package io.pgsight.imaging.resample;

/**
 * For one axis of gdImageCopyResampled's float variants: which source indices each of the 64
 * destination positions covers, with the portion libgd computes for each (same float expressions,
 * same order). The portions depend only on the destination position, so computing them once per
 * axis instead of once per destination pixel changes no bit of the result.
 */
final class BoxSpans {
    final int[] start;
    final int[] end;
    final int[] index;
    final float[] portion;

    private BoxSpans(int[] start, int[] end, int[] index, float[] portion) {
        this.start = start;
        this.end = end;
        this.index = index;
        this.portion = portion;
    }

    private static float floorf(float f) {
        return (float) Math.floor(f);
    }

    static BoxSpans of(int sourceLength, int destLength) {
        int[] start = new int[destLength];
        int[] end = new int[destLength];
        int cap = sourceLength + 2 * destLength + 4;
        int[] index = new int[cap];
        float[] portion = new float[cap];
        int k = 0;
        float n = (float) sourceLength;
        float dl = (float) destLength;
        for (int d = 0; d < destLength; d++) {
            float s1 = ((float) d * n) / dl;
            float s2 = ((float) (d + 1) * n) / dl;
            start[d] = k;
            float s = s1;
            do {
                float p;
                if (floorf(s) == floorf(s1)) {
                    p = (float) (1.0 - (double) (s - floorf(s)));
                    if (p > s2 - s1) {
                        p = s2 - s1;
                    }
                    s = floorf(s);
                } else if (s == floorf(s2)) {
                    p = s2 - floorf(s2);
                } else {
                    p = 1.0f;
                }
                if (k == index.length) {
                    index = java.util.Arrays.copyOf(index, k * 2);
                    portion = java.util.Arrays.copyOf(portion, k * 2);
                }
                index[k] = (int) s;
                portion[k] = p;
                k++;
                s += 1.0f;
            } while (s < s2);
            end[d] = k;
        }
        return new BoxSpans(start, end, index, portion);
    }
}
