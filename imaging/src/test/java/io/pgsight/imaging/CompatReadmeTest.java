package io.pgsight.imaging;

import io.pgsight.imaging.resample.Resampler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The image-dependent results of compat/imgsmlr_readme.sql (libgd 2.3.3), and upstream imgsmlr's
 * own expected/imgsmlr_1.out matrices with the older (2.2.3) resampler.
 */
class CompatReadmeTest {
    private static final Map<Integer, Pattern> pattern = new TreeMap<>();
    private static final Map<Integer, Signature> signature = new TreeMap<>();
    private static PsqlOutput out;

    @BeforeAll
    static void buildPatTable() {
        readmeTable(Resampler.GD_2_3_3, pattern, signature);
        out = CompatImages.expected("imgsmlr_readme");
    }

    /** CREATE TABLE pat AS: shuffled pattern and signature, both through ::text:: round trips. */
    static void readmeTable(Resampler resampler, Map<Integer, Pattern> pat, Map<Integer, Signature> sig) {
        CompatImages.patterns(resampler).forEach((id, p) -> {
            pat.put(id, PatternText.parse(PatternText.format(ImgsmlrFunctions.shufflePattern(p))));
            sig.put(id, SignatureText.parse(SignatureText.format(ImgsmlrFunctions.patternToSignature(p))));
        });
    }

    @Test
    void storedSignatures() {
        List<String[]> rows = out.table("SELECT id, signature FROM pat ORDER BY id;");
        assertEquals(12, rows.size());
        for (String[] r : rows) {
            assertEquals(r[1], SignatureText.format(signature.get(Integer.parseInt(r[0]))), "id " + r[0]);
        }
    }

    @Test
    void roundedMatrices() {
        List<String[]> pm = out.table("SELECT p1.id, p2.id, round((p1.pattern <-> p2.pattern)");
        List<String[]> sm = out.table("SELECT p1.id, p2.id, round((p1.signature <-> p2.signature)");
        assertEquals(144, pm.size());
        assertEquals(144, sm.size());
        for (int k = 0; k < 144; k++) {
            int a = Integer.parseInt(pm.get(k)[0]);
            int b = Integer.parseInt(pm.get(k)[1]);
            assertEquals(pm.get(k)[2], PgNumbers.round4(Distances.patternDistance(pattern.get(a), pattern.get(b))),
                    "pattern " + a + "-" + b);
            assertEquals(sm.get(k)[2], PgNumbers.round4(Distances.signatureDistance(signature.get(a), signature.get(b))),
                    "signature " + a + "-" + b);
        }
    }

    @Test
    void unroundedDistancesFromImage1() {
        List<String[]> rows = out.table("SELECT id, pattern <-> (SELECT pattern FROM pat WHERE id = 1) AS pattern_dist,");
        assertEquals(12, rows.size());
        for (String[] r : rows) {
            int id = Integer.parseInt(r[0]);
            assertTrue(PgNumbers.sameFloat4(r[1], Distances.patternDistance(pattern.get(id), pattern.get(1))), "pattern " + id);
            assertTrue(PgNumbers.sameFloat4(r[2], Distances.signatureDistance(signature.get(id), signature.get(1))),
                    "signature " + id);
        }
    }

    @Test
    void nearestThreeBySignature() {
        for (int q : new int[] {1, 4, 7, 10}) {
            List<String[]> rows = out.table("SELECT id FROM pat ORDER BY signature <-> (SELECT signature FROM pat WHERE id = "
                    + q + ") LIMIT 3;");
            List<Integer> expected = rows.stream().map(r -> Integer.parseInt(r[0])).toList();
            Signature s = signature.get(q);
            List<Integer> actual = signature.keySet().stream()
                    .sorted(Comparator.comparingDouble(id -> Distances.signatureDistance(signature.get(id), s)))
                    .limit(3).toList();
            assertEquals(expected, actual, "query " + q);
        }
    }

    @Test
    void twoStageSearch() {
        List<String[]> rows = out.table("LIMIT 10;");
        int q = 2;
        List<Integer> candidates = new ArrayList<>(signature.keySet());
        candidates.remove(Integer.valueOf(q));
        candidates.sort(Comparator.comparingDouble(id -> Distances.signatureDistance(signature.get(id), signature.get(q))));
        List<Integer> top = candidates.stream().limit(100)
                .sorted(Comparator.comparingDouble(id -> Distances.patternDistance(pattern.get(id), pattern.get(q))))
                .limit(10).toList();
        assertEquals(10, rows.size());
        for (int k = 0; k < 10; k++) {
            int id = top.get(k);
            assertEquals(rows.get(k)[0], Integer.toString(id));
            assertTrue(PgNumbers.sameFloat4(rows.get(k)[1], Distances.patternDistance(pattern.get(id), pattern.get(q))));
        }
    }

    /** Upstream's imgsmlr_1.out (libgd with the 2.2.3 resampler, libjpeg-turbo): all 288 rounded values. */
    @Test
    void upstreamImgsmlr1WithOlderResampler() throws Exception {
        Map<Integer, Pattern> pat = new TreeMap<>();
        Map<Integer, Signature> sig = new TreeMap<>();
        readmeTable(Resampler.GD_2_2_3, pat, sig);
        List<String> lines = Files.readAllLines(java.nio.file.Path.of(
                getClass().getResource("/upstream/imgsmlr_1.matrices.txt").toURI()));
        List<String> data = lines.stream().filter(l -> !l.startsWith("#")).toList();
        assertEquals("pattern", data.get(0));
        assertEquals("signature", data.get(13));
        int compared = 0;
        for (int a = 1; a <= 12; a++) {
            String[] pRow = data.get(a).split(" ");
            String[] sRow = data.get(13 + a).split(" ");
            for (int b = 1; b <= 12; b++) {
                assertEquals(pRow[b - 1], PgNumbers.round4(Distances.patternDistance(pat.get(a), pat.get(b))),
                        "pattern " + a + "-" + b);
                assertEquals(sRow[b - 1], PgNumbers.round4(Distances.signatureDistance(sig.get(a), sig.get(b))),
                        "signature " + a + "-" + b);
                compared += 2;
            }
        }
        assertEquals(288, compared);
    }
}
