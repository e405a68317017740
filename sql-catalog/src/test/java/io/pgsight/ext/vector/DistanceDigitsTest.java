package io.pgsight.ext.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Distances printed by PostgreSQL + pgvector in shared/compat (img_search_tutorial, vector_index). */
class DistanceDigitsTest {
    private static final String[] TUTORIAL = {
        "[1.278295,1.166456,0.704525,1.635591,1.179272,0.725781,1.074036,0.830915,0.523037,0.612067,1.07975,0.243584,0.506387,1.178521,0.31259,0.848233]",
        "[1.300864,1.036514,0.681084,1.421582,0.954002,0.651021,0.867988,0.830845,0.569842,0.440449,0.894923,0.434586,0.23099,1.114803,0.376004,0.879671]",
        "[1.455088,1.107952,0.783749,1.558156,1.289234,0.837718,1.20988,1.099071,0.786323,0.630053,1.118337,0.420129,0.20327,1.392078,0.354695,0.848931]",
        "[1.13598,0.966409,0.511403,1.493198,1.411678,0.788363,1.265962,1.156704,0.846647,0.829043,1.175878,0.649633,0.054024,0.526899,0.493013,0.8584]",
        "[0.923006,0.957595,0.674853,1.248724,1.451041,0.850785,1.208893,1.100362,0.713526,0.821084,0.834062,0.736615,0.080968,0.299585,0.590477,0.88533]",
        "[1.168383,0.968744,0.48864,1.20404,1.146849,0.675182,1.620448,1.033073,0.821722,1.039114,0.825412,0.799795,0.048157,0.266015,0.399618,0.884382]",
        "[0.838482,0.939926,0.508792,1.367447,1.199278,0.603948,1.308309,1.907057,0.675983,2.622913,2.673965,1.379834,0.411789,0.944813,0.911067,0.742982]",
        "[0.780195,0.97323,0.504318,1.117188,1.238106,0.711325,1.532953,1.889088,0.661093,2.415049,3.034312,1.528083,0.191395,0.919574,1.229367,0.722581]",
        "[0.786583,0.980868,0.509122,1.126351,1.248422,0.717238,1.54623,1.904647,0.666846,2.436855,3.060714,1.541386,0.193043,0.926404,1.239757,0.720103]",
        "[1.04598,0.719017,0.35017,3.606808,2.119958,0.752329,3.826662,0.923573,0.851265,2.36859,0.656529,0.388878,0.637917,0.617624,0.084856,0.655822]",
        "[1.733423,0.993907,0.428123,2.485144,1.445048,0.461668,3.57601,1.572021,0.980825,2.108804,0.971213,0.510268,0.134478,0.434016,0.185141,0.672939]",
        "[1.516185,0.779294,0.427275,2.047189,1.84828,0.669321,2.901425,1.223345,0.833637,1.605881,0.847704,0.327513,0.659422,0.452265,0.110783,0.694179]",
    };

    private static float[] v(String s) {
        return VectorType.INSTANCE.input(s, -1).toArray();
    }

    private static String f8(double d) {
        return ShortestFloat.float8(d);
    }

    @Test
    void tutorialDistancesMatchToTheDigit() {
        float[] q = v(TUTORIAL[4]);
        String[] l2 = {"1.3842672250098647", "1.2838628689959117", "1.3884756215159808", "0.5904295582823212", "0",
            "0.7044303856359183", "2.9205915110598912", "3.1146687439569747", "3.1549982289159675",
            "4.0453662784754565", "3.202329360025", "2.3612410889796163"};
        String[] ip = {"-12.64145278930664", "-11.518059730529785", "-13.849239349365234", "-13.663403511047363",
            "-12.935578346252441", "-12.993258476257324", "-17.053770065307617", "-17.488771438598633",
            "-17.62978744506836", "-20.00635528564453", "-18.949588775634766", "-16.82598114013672"};
        String[] cos = {"0.0693408387526605", "0.06569462508094592", "0.057470625136285536", "0.010491199605275114",
            "0", "0.018475815571959764", "0.12996650621104422", "0.13693887148833794", "0.13721856459317583",
            "0.15604449915521557", "0.11218729874672317", "0.08761745172810498"};
        for (int i = 0; i < TUTORIAL.length; i++) {
            float[] x = v(TUTORIAL[i]);
            assertEquals(l2[i], f8(Distances.l2(x, q)), "l2 id " + (i + 1));
            assertEquals(ip[i], f8(-Distances.innerProduct(x, q)), "ip id " + (i + 1));
            assertEquals(cos[i], f8(Distances.cosine(x, q)), "cos id " + (i + 1));
        }
    }

    @Test
    void basicsDistances() {
        float[] a = {1, 2, 3};
        float[] b = {4, 5, 6};
        assertEquals("5.196152422706632", f8(Distances.l2(a, b)));
        assertEquals("-32", f8(-Distances.innerProduct(a, b)));
        assertEquals("0.025368153802923787", f8(Distances.cosine(a, b)));
        assertEquals("9", f8(Distances.l1(a, b)));
        assertEquals("NaN", f8(Distances.cosine(new float[] {0, 0}, new float[] {1, 1})));
        assertEquals("2", f8(Distances.cosine(new float[] {1, 1}, new float[] {-1, -1})));
        assertEquals("Infinity", f8(Distances.l2(new float[] {3e38f}, new float[] {-3e38f})));
        assertEquals("3.7416573867739413", f8(Distances.norm(a)));
    }

    /** vector_index.sql's rows: round(sin(i),4) etc. as numeric, converted to float4. */
    private static float[] docRow(int i) {
        double[] raw = {Math.sin(i), Math.cos(i), Math.sin(i * 0.7), Math.cos(i * 1.3)};
        float[] out = new float[4];
        for (int k = 0; k < 4; k++) {
            out[k] = Float.parseFloat(new java.math.BigDecimal(raw[k]).setScale(4, java.math.RoundingMode.HALF_UP)
                    .toPlainString());
        }
        return out;
    }

    @Test
    void vectorIndexBruteForceDistances() {
        assertEquals("0.3616094576544569", f8(Distances.l2(docRow(183), new float[] {0.5f, 0.5f, 0.5f, 0.5f})));
        assertEquals("-1.912850022315979", f8(-Distances.innerProduct(docRow(128), new float[] {1, -1, 0.5f, 0})));
        assertEquals("0.05505901791477519",
                f8(Distances.cosine(docRow(170), new float[] {0.2f, 0.9f, -0.3f, 0.1f})));
        assertEquals("0.9483000040054321", f8(Distances.l1(docRow(174), new float[] {-0.5f, 0, 0.5f, 1})));
        assertEquals("0.15300049102796298", f8(Distances.cosine(docRow(69), new float[] {0.2f, 0.9f, -0.3f, 0.1f})));
    }
}
