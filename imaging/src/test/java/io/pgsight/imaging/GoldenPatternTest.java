package io.pgsight.imaging;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every image of shared/testdata against the real imgsmlr (libgd 2.3.3): pattern text, shuffled
 * pattern text, signature text of both, all exact.
 */
class GoldenPatternTest {

    @TestFactory
    List<DynamicTest> patternsMatchGolden() {
        List<DynamicTest> tests = new ArrayList<>();
        Path patterns = SharedCorpus.testdata().resolve("patterns");
        for (GoldenImages.Row row : GoldenImages.rows().values()) {
            tests.add(DynamicTest.dynamicTest(row.file(), () -> {
                Pattern p = GoldenImages.patterns().get(row.file());
                Pattern shuffled = ImgsmlrFunctions.shufflePattern(p);
                assertEquals(expected(patterns.resolve(row.file() + ".pattern.txt")), PatternText.format(p), "pattern");
                assertEquals(expected(patterns.resolve(row.file() + ".shuffled.txt")), PatternText.format(shuffled),
                        "shuffled pattern");
                assertEquals(row.signature(), SignatureText.format(ImgsmlrFunctions.patternToSignature(p)), "signature");
                assertEquals(row.shuffledSignature(), SignatureText.format(ImgsmlrFunctions.patternToSignature(shuffled)),
                        "shuffled signature");
            }));
        }
        return tests;
    }

    @Test
    void everyImageIsCovered() {
        long images = GoldenImages.rows().size();
        assertEquals(31, images, "golden.tsv rows");
        assertTrue(SharedCorpus.testdata().resolve("images").toFile().list().length >= images);
    }

    private static String expected(Path file) {
        String s = SharedCorpus.text(file);
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }
}
