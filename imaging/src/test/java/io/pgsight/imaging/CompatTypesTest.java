package io.pgsight.imaging;

import io.pgsight.imaging.decode.ImageDecodeException;
import io.pgsight.imaging.resample.Resampler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parts of compat/imgsmlr_types.sql that are functions of text and images, checked against its .out. */
class CompatTypesTest {
    private static PsqlOutput out;
    private static Pattern[] handMade;

    @BeforeAll
    static void load() {
        out = CompatImages.expected("imgsmlr_types");
        handMade = new Pattern[] {null, textPattern(i -> decimal((i * 37) % 101, 100), ","),
            textPattern(i -> decimal((i * 11) % 17, 16), ","), textPattern(i -> i == 0 ? "1" : "0", " ")};
    }

    private static String decimal(int num, int den) {
        return new BigDecimal(num).divide(new BigDecimal(den), MathContext.DECIMAL64).toPlainString();
    }

    private static Pattern textPattern(java.util.function.IntFunction<String> value, String sep) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < 4096; i++) {
            sb.append(i == 0 ? "" : sep).append(value.apply(i));
        }
        return PatternText.parse(sb.append(')').toString());
    }

    private static String md5(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static String cell(String statementStart) {
        return out.table(statementStart).get(0)[0];
    }

    @Test
    void signatureLiterals() {
        for (String literal : List.of("(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16)",
                "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16",
                "((0.1234567,-2.5e-3),(1e2, .5, 7., -0, 1e-7, 3.14159265, 16777217, 0.0000005, 0.0000015, 2, 3, 4, 5, 6))",
                "(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16) and anything after",
                "(nan, inf, -inf, 1e50, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)")) {
            assertEquals(cell("SELECT '" + literal + "'::signature;"), SignatureText.format(SignatureText.parse(literal)), literal);
        }
    }

    @Test
    void signatureDistances() {
        Signature zero = SignatureText.parse("(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)");
        assertTrue(PgNumbers.sameFloat4(cell("SELECT '(0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)'::signature <-> '(3,4"),
                Distances.signatureDistance(zero, SignatureText.parse("(3,4,0,0,0,0,0,0,0,0,0,0,0,0,0,0)"))));
        String[] row = out.table("SELECT '(1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1)'::signature").get(0);
        assertTrue(PgNumbers.sameFloat4(row[0],
                Distances.signatureDistance(SignatureText.parse("(1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1)"), zero)));
        assertTrue(PgNumbers.sameFloat4(row[1], Distances.signatureDistance(
                SignatureText.parse("(0.1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)"),
                SignatureText.parse("(0.2,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0)"))));
    }

    @Test
    void handMadePatterns() throws Exception {
        List<String[]> shape = out.table("SELECT id, length(pat::text), substr(pat::text, 1, 60), right(pat::text, 30)");
        List<String[]> md5s = out.table("SELECT id, md5(pat::text) FROM p ORDER BY id;");
        List<String[]> sigs = out.table("SELECT id, pattern2signature(pat) FROM p ORDER BY id;");
        List<String[]> shuffled = out.table("SELECT id, pattern2signature(shuffle_pattern(pat)), md5(");
        for (int id = 1; id <= 3; id++) {
            String text = PatternText.format(handMade[id]);
            String[] s = shape.get(id - 1);
            assertEquals(s[1], Integer.toString(text.length()));
            assertEquals(s[2], text.substring(0, 60));
            assertEquals(s[3], text.substring(text.length() - 30));
            assertEquals(md5s.get(id - 1)[1], md5(text));
            assertEquals(sigs.get(id - 1)[1], SignatureText.format(ImgsmlrFunctions.patternToSignature(handMade[id])));
            Pattern sh = ImgsmlrFunctions.shufflePattern(handMade[id]);
            assertEquals(shuffled.get(id - 1)[1], SignatureText.format(ImgsmlrFunctions.patternToSignature(sh)));
            assertEquals(shuffled.get(id - 1)[2], md5(PatternText.format(sh)));
            assertEquals(0.0f, Distances.patternDistance(PatternText.parse(text), handMade[id]));
        }
        List<String[]> dist = out.table("SELECT a.id, b.id, a.pat <-> b.pat AS dist");
        for (String[] r : dist) {
            float d = Distances.patternDistance(handMade[Integer.parseInt(r[0])], handMade[Integer.parseInt(r[1])]);
            assertTrue(PgNumbers.sameFloat4(r[2], d), Arrays.toString(r));
            assertTrue(PgNumbers.sameFloat4(r[3], d));
        }
    }

    @Test
    void realImages() throws Exception {
        Pattern jpeg1 = GoldenImages.compute("jpeg", CompatImages.bytes("1.jpg"), Resampler.GD_2_3_3);
        Pattern png2 = GoldenImages.compute("png", CompatImages.bytes("2.png"), Resampler.GD_2_3_3);
        Pattern gif3 = GoldenImages.compute("gif", CompatImages.bytes("3.gif"), Resampler.GD_2_3_3);
        Pattern jpeg4 = GoldenImages.compute("jpeg", CompatImages.bytes("4.jpg"), Resampler.GD_2_3_3);
        assertEquals(cell("SELECT pattern2signature(jpeg2pattern("), SignatureText.format(ImgsmlrFunctions.patternToSignature(jpeg1)));
        assertEquals(cell("SELECT pattern2signature(png2pattern(pg_read_binary_file('/tmp/pgsight-compat/img/2.png')))"),
                SignatureText.format(ImgsmlrFunctions.patternToSignature(png2)));
        assertEquals(cell("SELECT pattern2signature(gif2pattern(pg_read_binary_file('/tmp/pgsight-compat/img/3.gif')))"),
                SignatureText.format(ImgsmlrFunctions.patternToSignature(gif3)));
        assertEquals(cell("SELECT substr(jpeg2pattern("), PatternText.format(jpeg4).substring(0, 200));
        String[] md5s = out.table("SELECT md5(jpeg2pattern(").get(0);
        assertEquals(md5s[0], md5(PatternText.format(jpeg4)));
        assertEquals(md5s[1], md5(PatternText.format(ImgsmlrFunctions.shufflePattern(jpeg4))));
        assertTrue(PgNumbers.sameFloat4(cell("SELECT jpeg2pattern(pg_read_binary_file('/tmp/pgsight-compat/img/1.jpg')) <->"),
                Distances.patternDistance(jpeg1, png2)));
        // the GiST KNN row of table s: distance between images 7 and 1 (unshuffled signatures, no round trip)
        Pattern jpeg7 = GoldenImages.compute("jpeg", CompatImages.bytes("7.jpg"), Resampler.GD_2_3_3);
        List<String[]> knn = out.table("SELECT id, sig <-> (SELECT sig FROM s WHERE id = 4) AS d");
        assertEquals("1", knn.get(1)[0]);
        assertTrue(PgNumbers.sameFloat4(knn.get(1)[1], Distances.signatureDistance(
                ImgsmlrFunctions.patternToSignature(jpeg1), ImgsmlrFunctions.patternToSignature(jpeg7))));
    }

    @Test
    void uniformImageIsAllNaN() {
        Pattern solid = GoldenImages.compute("png", CompatImages.bytes("solid.png"), Resampler.GD_2_3_3);
        assertEquals(cell("SELECT pattern2signature(png2pattern(pg_read_binary_file('/tmp/pgsight-compat/img/solid.png')))"),
                SignatureText.format(ImgsmlrFunctions.patternToSignature(solid)));
        assertEquals(cell("SELECT substr(png2pattern("), PatternText.format(solid).substring(0, 40));
    }

    @Test
    void badImagesGiveTheNotice() {
        byte[] png = CompatImages.bytes("2.png");
        byte[] jpg = CompatImages.bytes("1.jpg");
        assertNotice("Error loading jpeg", () -> ImgsmlrFunctions.jpegToPattern(png, Resampler.GD_2_3_3));
        assertNotice("Error loading png", () -> ImgsmlrFunctions.pngToPattern(jpg, Resampler.GD_2_3_3));
        assertNotice("Error loading gif", () -> ImgsmlrFunctions.gifToPattern(png, Resampler.GD_2_3_3));
        assertNotice("Error loading jpeg", () -> ImgsmlrFunctions.jpegToPattern(new byte[] {0, 1, 2, 3}, Resampler.GD_2_3_3));
        assertNotice("Error loading png", () -> ImgsmlrFunctions.pngToPattern(new byte[0], Resampler.GD_2_3_3));
        assertNotice("Error loading png", () -> ImgsmlrFunctions.pngToPattern(Arrays.copyOf(png, 5000), Resampler.GD_2_3_3));
        assertNotice("Error loading gif", () -> ImgsmlrFunctions.gifToPattern("GIF89a".getBytes(StandardCharsets.US_ASCII),
                Resampler.GD_2_3_3));
        assertNotice("Error loading jpeg", () -> ImgsmlrFunctions.jpegToPattern("not an image".getBytes(StandardCharsets.US_ASCII),
                Resampler.GD_2_3_3));
        assertTrue(SharedCorpus.text(CompatImages.dir().resolve("expected/imgsmlr_types.out"))
                .contains("psql:imgsmlr_types.sql:46: NOTICE:  Error loading jpeg\n"));
    }

    interface Decode {
        Pattern run() throws Exception;
    }

    static void assertNotice(String notice, Decode d) {
        ImageDecodeException e = assertThrows(ImageDecodeException.class, d::run);
        assertEquals(notice, e.getMessage());
    }

    @Test
    void invalidTextErrors() {
        for (String bad : List.of("(1,2,3)", "", "abc", "(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,x)")) {
            InvalidTextRepresentationException e = assertThrows(InvalidTextRepresentationException.class,
                    () -> SignatureText.parse(bad));
            assertEquals("invalid input syntax for type signature: \"" + bad + "\"", e.getMessage());
            assertTrue(SharedCorpus.text(CompatImages.dir().resolve("expected/imgsmlr_types.out"))
                    .contains("ERROR:  " + e.getMessage() + "\n"), bad);
        }
        for (String bad : List.of("(1,2,3)", "garbage")) {
            InvalidTextRepresentationException e = assertThrows(InvalidTextRepresentationException.class,
                    () -> PatternText.parse(bad));
            assertTrue(SharedCorpus.text(CompatImages.dir().resolve("expected/imgsmlr_types.out"))
                    .contains("ERROR:  " + e.getMessage() + "\n"), bad);
        }
    }
}
