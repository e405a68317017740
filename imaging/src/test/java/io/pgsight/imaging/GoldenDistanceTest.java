package io.pgsight.imaging;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** All 961 ordered pairs of distances.tsv, compared as float4 bit patterns. */
class GoldenDistanceTest {

    @Test
    void allDistancesMatchFloatBits() {
        Map<String, Pattern> raw = GoldenImages.patterns();
        Map<String, Pattern> shuffledText = new HashMap<>();
        Map<String, Signature> signatureText = new HashMap<>();
        raw.forEach((file, p) -> {
            shuffledText.put(file, PatternText.parse(PatternText.format(ImgsmlrFunctions.shufflePattern(p))));
            signatureText.put(file, SignatureText.parse(SignatureText.format(ImgsmlrFunctions.patternToSignature(p))));
        });
        List<String> lines = SharedCorpus.text(SharedCorpus.testdata().resolve("distances.tsv")).lines().toList();
        int compared = 0;
        StringBuilder mismatches = new StringBuilder();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            String a = f[0];
            String b = f[1];
            compared += check(mismatches, line, "pattern", f[2], Distances.patternDistance(raw.get(a), raw.get(b)));
            compared += check(mismatches, line, "shuffled", f[3],
                    Distances.patternDistance(shuffledText.get(a), shuffledText.get(b)));
            compared += check(mismatches, line, "signature", f[4],
                    Distances.signatureDistance(signatureText.get(a), signatureText.get(b)));
        }
        assertEquals("", mismatches.toString());
        assertEquals(3 * 961, compared);
    }

    private static int check(StringBuilder out, String line, String what, String expected, float actual) {
        float e = Float.parseFloat(expected);
        if (Float.floatToIntBits(e) != Float.floatToIntBits(actual)) {
            out.append(what).append(" ").append(line).append(" got ").append(actual).append('\n');
        }
        return 1;
    }
}
