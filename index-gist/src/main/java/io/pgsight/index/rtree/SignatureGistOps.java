package io.pgsight.index.rtree;

import java.util.List;

/**
 * imgsmlr's gist_signature_ops: boxes in 16-D, volume-based penalty and Guttman quadratic split,
 * KNN distance = minimum Euclidean distance from the query to the box (per-dimension difference and
 * square in float, accumulated in double), exactly as imgsmlr_idx.c computes it.
 *
 * <p>Deliberate differences, neither visible in query results: {@code same} is a real equality
 * test (imgsmlr's memcpy-for-memcmp bug always answered "different" and overwrote a key), and
 * the tree breaks volume ties by margin (see {@link #marginPenalty}) because volumes in 16-D are
 * very often 0, which would make every choice a tie.
 */
public final class SignatureGistOps implements GistOps<Box, float[]> {
    public static final SignatureGistOps INSTANCE = new SignatureGistOps();
    private static final int D = Box.DIMENSIONS;

    private SignatureGistOps() {
    }

    /** The opclass has no search strategies, so every subtree is consistent (recheck would be needed). */
    @Override
    public boolean consistent(Box key, float[] query, int strategy) {
        return true;
    }

    @Override
    public Box union(List<Box> keys) {
        float[] lo = keys.get(0).loArray().clone();
        float[] hi = keys.get(0).hiArray().clone();
        for (int e = 1; e < keys.size(); e++) {
            Box b = keys.get(e);
            for (int k = 0; k < D; k++) {
                lo[k] = lo[k] < b.lo(k) ? lo[k] : b.lo(k);
                hi[k] = hi[k] > b.hi(k) ? hi[k] : b.hi(k);
            }
        }
        return Box.wrap(lo, hi);
    }

    /** Π (hi - lo) in float, in index order from 1.0f. */
    static float volume(float[] lo, int loOff, float[] hi, int hiOff) {
        float v = 1.0f;
        for (int k = 0; k < D; k++) {
            v = v * (hi[hiOff + k] - lo[loOff + k]);
        }
        return v;
    }

    static float volume(Box b) {
        return volume(b.loArray(), 0, b.hiArray(), 0);
    }

    static float unionVolume(Box a, Box b) {
        float v = 1.0f;
        for (int k = 0; k < D; k++) {
            float lo = a.lo(k) < b.lo(k) ? a.lo(k) : b.lo(k);
            float hi = a.hi(k) > b.hi(k) ? a.hi(k) : b.hi(k);
            v = v * (hi - lo);
        }
        return v;
    }

    static float intersectionVolume(Box a, Box b) {
        float v = 1.0f;
        for (int k = 0; k < D; k++) {
            float lo = a.lo(k) > b.lo(k) ? a.lo(k) : b.lo(k);
            float hi = a.hi(k) < b.hi(k) ? a.hi(k) : b.hi(k);
            v = v * Math.max(hi - lo, 0.0f);
        }
        return v;
    }

    /** vol(orig ∪ new) − vol(orig). */
    @Override
    public float penalty(Box original, Box added) {
        return unionVolume(original, added) - volume(original);
    }

    /** Growth of the sum of edge lengths when {@code added} joins {@code original}: the tie-breaker. */
    static float marginPenalty(float[] lo, int off, float[] hi, float[] point) {
        float grow = 0.0f;
        for (int k = 0; k < D; k++) {
            float p = point[k];
            if (p < lo[off + k]) {
                grow += lo[off + k] - p;
            } else if (p > hi[off + k]) {
                grow += p - hi[off + k];
            }
        }
        return grow;
    }

    /** The same penalty on a flattened child-box array (no allocation on the insert path). */
    static float penalty(float[] lo, int off, float[] hi, float[] point) {
        float union = 1.0f;
        float orig = 1.0f;
        for (int k = 0; k < D; k++) {
            float l = lo[off + k];
            float h = hi[off + k];
            float p = point[k];
            union = union * ((h > p ? h : p) - (l < p ? l : p));
            orig = orig * (h - l);
        }
        return union - orig;
    }

    /** Guttman's quadratic split with volume as the measure, tie rules as in imgsmlr. */
    @Override
    public Split picksplit(List<Box> keys) {
        int n = keys.size();
        int seed1 = 0;
        int seed2 = 1;
        float worst = -Float.MAX_VALUE;
        boolean first = true;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                float waste = unionVolume(keys.get(i), keys.get(j)) - intersectionVolume(keys.get(i), keys.get(j));
                if (first || waste > worst) {
                    worst = waste;
                    seed1 = i;
                    seed2 = j;
                    first = false;
                }
            }
        }
        if (worst <= 0.0f) {
            // degenerate volumes (common in 16-D): seed with the pair farthest apart instead
            int[] far = farthestPair(keys);
            seed1 = far[0];
            seed2 = far[1];
        }
        boolean[] placed = new boolean[n];
        int[] side = new int[n];
        placed[seed1] = true;
        placed[seed2] = true;
        side[seed1] = -1;
        side[seed2] = 1;
        Box left = keys.get(seed1);
        Box right = keys.get(seed2);
        float leftVol = volume(left);
        float rightVol = volume(right);
        int nLeft = 1;
        int nRight = 1;
        for (int round = 2; round < n; round++) {
            int pick = -1;
            float pickDelta = 0;
            float pickAbs = -1;
            for (int e = 0; e < n; e++) {
                if (placed[e]) {
                    continue;
                }
                float dl = unionVolume(left, keys.get(e)) - leftVol;
                float dr = unionVolume(right, keys.get(e)) - rightVol;
                float delta = dl - dr;
                if (delta == 0.0f || delta != delta) {
                    // volume cannot tell: fall back to margin growth so splits stay spatial
                    delta = marginGrowth(left, keys.get(e)) - marginGrowth(right, keys.get(e));
                }
                if (delta != delta) {
                    delta = 0.0f; // NaN coordinates: no preference
                }
                float abs = Math.abs(delta);
                boolean better = abs > pickAbs
                        || (abs == pickAbs && ((nLeft < nRight && delta < 0) || (nLeft > nRight && delta > 0)));
                if (better) {
                    pick = e;
                    pickDelta = delta;
                    pickAbs = abs;
                }
            }
            placed[pick] = true;
            if (pickDelta < 0 || (pickDelta == 0 && nLeft < nRight)) {
                side[pick] = -1;
                left = union(List.of(left, keys.get(pick)));
                leftVol = volume(left);
                nLeft++;
            } else {
                side[pick] = 1;
                right = union(List.of(right, keys.get(pick)));
                rightVol = volume(right);
                nRight++;
            }
        }
        int[] l = new int[nLeft];
        int[] r = new int[nRight];
        int li = 0;
        int ri = 0;
        for (int e = 0; e < n; e++) {
            if (side[e] < 0) {
                l[li++] = e;
            } else {
                r[ri++] = e;
            }
        }
        return new Split(l, r);
    }

    private static float marginGrowth(Box b, Box e) {
        float grow = 0.0f;
        for (int k = 0; k < D; k++) {
            grow += Math.max(b.lo(k) - e.lo(k), 0.0f) + Math.max(e.hi(k) - b.hi(k), 0.0f);
        }
        return grow;
    }

    private static int[] farthestPair(List<Box> keys) {
        int[] best = {0, 1};
        double far = -1;
        for (int i = 0; i < keys.size(); i++) {
            for (int j = i + 1; j < keys.size(); j++) {
                double d = 0;
                for (int k = 0; k < D; k++) {
                    double c = (keys.get(i).lo(k) + keys.get(i).hi(k)) - (keys.get(j).lo(k) + keys.get(j).hi(k));
                    d += c * c;
                }
                if (d > far) {
                    far = d;
                    best = new int[] {i, j};
                }
            }
        }
        return best;
    }

    @Override
    public boolean same(Box a, Box b) {
        return a.equals(b);
    }

    @Override
    public double distance(Box key, float[] query) {
        return distance(key.loArray(), 0, key.hiArray(), 0, query);
    }

    /** imgsmlr's signature_gist_distance on flattened arrays. */
    static double distance(float[] lo, int loOff, float[] hi, int hiOff, float[] q) {
        double acc = 0.0;
        for (int k = 0; k < D; k++) {
            float x = q[k];
            float l = lo[loOff + k];
            float h = hi[hiOff + k];
            if (x < l) {
                float t = x - l;
                acc += (double) (t * t);
            }
            if (x > h) {
                float t = x - h;
                acc += (double) (t * t);
            }
        }
        return Math.sqrt(acc);
    }

    /** The {@code <->} operator on signatures: float accumulation, float4 result. */
    public static float operatorDistance(float[] a, int off, float[] b) {
        float acc = 0.0f;
        for (int k = 0; k < D; k++) {
            float t = a[off + k] - b[k];
            acc = acc + t * t;
        }
        return (float) Math.sqrt(acc);
    }
}
