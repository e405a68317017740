package io.pgsight.index.rtree;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The support functions of gist_signature_ops. */
class SignatureGistOpsTest {
    private static final SignatureGistOps OPS = SignatureGistOps.INSTANCE;

    private static float[] filled(float v) {
        float[] a = new float[16];
        Arrays.fill(a, v);
        return a;
    }

    @Test
    void unionIsTheBoundingBox() {
        float[] a = filled(1);
        float[] b = filled(3);
        b[0] = -1;
        Box u = OPS.union(List.of(Box.point(a), Box.point(b)));
        assertEquals(-1f, u.lo(0));
        assertEquals(1f, u.hi(0));
        assertEquals(1f, u.lo(5));
        assertEquals(3f, u.hi(5));
    }

    @Test
    void penaltyIsVolumeGrowth() {
        Box unit = Box.of(filled(0), filled(1));
        assertEquals(0f, OPS.penalty(unit, Box.point(filled(0.5f))));
        float[] out = filled(0.5f);
        out[3] = 2;
        assertEquals(1f, OPS.penalty(unit, Box.point(out)));
        assertEquals(0f, OPS.penalty(Box.point(filled(0)), Box.point(filled(0))), "a leaf's volume is 0");
    }

    @Test
    void distanceIsZeroInsideAndEuclideanToTheBox() {
        Box unit = Box.of(filled(0), filled(1));
        assertEquals(0.0, OPS.distance(unit, filled(0.5f)));
        float[] q = filled(0.5f);
        q[0] = 4;
        q[1] = -4;
        assertEquals(5.0, OPS.distance(unit, q));
        float[] p = filled(0);
        float[] r = filled(0);
        r[0] = 0.1f;
        r[1] = 0.2f;
        double expected = Math.sqrt((double) (0.1f * 0.1f) + (double) (0.2f * 0.2f));
        assertEquals(expected, OPS.distance(Box.point(p), r));
        assertEquals((float) Math.sqrt(0.1f * 0.1f + 0.2f * 0.2f), SignatureGistOps.operatorDistance(p, 0, r));
    }

    @Test
    void sameIsARealEqualityTest() {
        assertTrue(OPS.same(Box.point(filled(1)), Box.point(filled(1))));
        assertFalse(OPS.same(Box.point(filled(1)), Box.point(filled(2))));
        assertTrue(OPS.consistent(Box.point(filled(1)), filled(9), 1));
    }

    @Test
    void picksplitPartitionsIntoTwoNonEmptyGroups() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (int t = 0; t < 50; t++) {
            List<Box> keys = new ArrayList<>();
            int n = 5 + rnd.nextInt(60);
            for (int i = 0; i < n; i++) {
                float[] p = new float[16];
                for (int k = 0; k < 16; k++) {
                    p[k] = t % 2 == 0 ? (float) rnd.nextDouble() : (i < n / 2 ? 0f : 5f) + (float) rnd.nextDouble() * 0.01f;
                }
                keys.add(Box.point(p));
            }
            GistOps.Split s = OPS.picksplit(keys);
            assertTrue(s.left().length > 0 && s.right().length > 0);
            assertEquals(n, s.left().length + s.right().length);
            boolean[] seen = new boolean[n];
            for (int i : s.left()) {
                seen[i] = true;
            }
            for (int i : s.right()) {
                assertFalse(seen[i]);
                seen[i] = true;
            }
            if (t % 2 == 1) {
                // two far-apart clusters are separated
                int leftLow = (int) Arrays.stream(s.left()).filter(i -> i < n / 2).count();
                assertTrue(leftLow == 0 || leftLow == s.left().length, "clusters split cleanly");
            }
        }
    }
}
