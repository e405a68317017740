package io.pgsight.imaging;

import io.pgsight.imaging.text.CFloatFormat;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** %f output: the fast exact path agrees with BigDecimal on the exact binary value everywhere. */
class TextFormatTest {

    private static String reference(float f) {
        if (Float.isNaN(f)) {
            return "NaN";
        }
        if (Float.isInfinite(f)) {
            return f > 0 ? "Infinity" : "-Infinity";
        }
        String sign = (Float.floatToRawIntBits(f) & 0x80000000) != 0 ? "-" : "";
        return sign + new BigDecimal(Math.abs((double) f)).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
    }

    @Test
    void knownSpellings() {
        assertEquals("0.007812", CFloatFormat.format(0.0078125f));
        assertEquals("123456792.000000", CFloatFormat.format(123456789f));
        assertEquals("-0.000000", CFloatFormat.format(-0.0f));
        assertEquals("-0.000000", CFloatFormat.format(-4e-7f));
        assertEquals("0.000000", CFloatFormat.format(5.0e-7f)); // the float is slightly below 5e-7 (PG prints the same)
        assertEquals("NaN", CFloatFormat.format(Float.intBitsToFloat(0xffc00000)));
        assertEquals("Infinity", CFloatFormat.format(Float.POSITIVE_INFINITY));
        assertEquals("-Infinity", CFloatFormat.format(Float.NEGATIVE_INFINITY));
        assertEquals("340282346638528859811704183484516925440.000000", CFloatFormat.format(Float.MAX_VALUE));
        assertEquals("0.000000", CFloatFormat.format(Float.MIN_VALUE));
    }

    @Test
    void randomBitPatternsMatchReference() {
        SplittableRandom rnd = new SplittableRandom(42);
        for (int k = 0; k < 200_000; k++) {
            float f = Float.intBitsToFloat(rnd.nextInt());
            assertEquals(reference(f), CFloatFormat.format(f), () -> Integer.toHexString(Float.floatToRawIntBits(f)));
        }
        for (int k = 0; k < 200_000; k++) {
            float f = (float) (rnd.nextDouble() * 4 - 2);
            assertEquals(reference(f), CFloatFormat.format(f));
        }
    }

    @Test
    void signatureAndPatternShapes() {
        float[] v = new float[16];
        v[0] = 1;
        v[15] = -2.5f;
        assertEquals("(1.000000, 0.000000, 0.000000, 0.000000, 0.000000, 0.000000, 0.000000, 0.000000, 0.000000, "
                + "0.000000, 0.000000, 0.000000, 0.000000, 0.000000, 0.000000, -2.500000)", SignatureText.format(Signature.of(v)));
        String p = PatternText.format(Pattern.of(new float[4096]));
        assertEquals(64 * (2 + 63 * 2 + 64 * 8) + 63 * 2 + 2, p.length());
        assertEquals("((0.000000, 0.000000", p.substring(0, 20));
        assertEquals("0.000000), (0.000000", p.substring(64 * 10 - 8, 64 * 10 + 12));
    }
}
