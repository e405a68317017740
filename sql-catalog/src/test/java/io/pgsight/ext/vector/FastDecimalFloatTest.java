package io.pgsight.ext.vector;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fast decimal path must give the correctly rounded float whenever it answers at all. */
class FastDecimalFloatTest {

    @Test
    void agreesWithExactRoundingOnRandomDecimals() {
        SplittableRandom random = new SplittableRandom(42);
        int answered = 0;
        for (int n = 0; n < 200_000; n++) {
            String text = randomDecimal(random);
            float scanned = CFloatScanner.strtof(text, 0).value();
            if (scanned >= Float.MIN_NORMAL && scanned < Float.MAX_VALUE) {
                assertCorrectlyRounded(text, scanned); // the scanner, fast path or not
            }
            float fast = parse(text);
            if (Float.isNaN(fast)) {
                continue;
            }
            answered++;
            assertCorrectlyRounded(text, fast);
        }
        assertTrue(answered > 150_000, "the fast path should cover typical inputs, answered " + answered);
    }

    @Test
    void shortestFloatTextsRoundTrip() {
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < 200_000; n++) {
            float f = Float.intBitsToFloat(random.nextInt());
            if (Float.isNaN(f) || Float.isInfinite(f) || Math.abs(f) < Float.MIN_NORMAL) {
                continue;
            }
            String text = Float.toString(Math.abs(f)).replace("E", "e");
            float fast = parse(text);
            if (!Float.isNaN(fast)) {
                assertEquals(Math.abs(f), fast, text);
            }
        }
    }

    @Test
    void halfwayCasesGoToTheExactPath() {
        // 1 + 2^-24 is exactly halfway between the floats 1 and 1 + 2^-23
        String halfway = new BigDecimal(1.0 + Math.pow(2, -24)).toPlainString();
        assertTrue(Float.isNaN(parse(halfway)) || parse(halfway) == 1.0f);
        assertEquals(1.0f, CFloatScanner.strtof(halfway, 0).value());
        // and a hair above it rounds up
        assertEquals(Math.nextUp(1.0f), CFloatScanner.strtof("1.00000005960464477539062501", 0).value());
    }

    @Test
    void vectorTextParsesLikeBefore() {
        assertEquals(0.1f, CFloatScanner.strtof("0.1", 0).value());
        assertEquals(-1.5e-7f, CFloatScanner.strtof("-1.5e-7", 0).value());
        assertEquals(3.4028235e38f, CFloatScanner.strtof("3.4028235e38", 0).value());
        assertEquals(1.0e-45f, CFloatScanner.strtof("1.4e-45", 0).value());
        assertEquals(123456.79f, CFloatScanner.strtof("123456.789", 0).value());
        assertEquals(0f, CFloatScanner.strtof("0.000", 0).value());
    }

    private static float parse(String text) {
        int e = Math.max(text.indexOf('e'), text.indexOf('E'));
        return FastDecimalFloat.parse(text, 0, e < 0 ? text.length() : e, text.length());
    }

    private static void assertCorrectlyRounded(String text, float f) {
        BigDecimal x = new BigDecimal(text);
        BigDecimal err = x.subtract(new BigDecimal(f)).abs();
        BigDecimal up = x.subtract(new BigDecimal(Math.nextUp(f))).abs();
        BigDecimal down = x.subtract(new BigDecimal(Math.nextDown(f))).abs();
        assertTrue(err.compareTo(up) <= 0 && err.compareTo(down) <= 0, text + " -> " + f);
        if (err.compareTo(up) == 0 || err.compareTo(down) == 0) {
            assertEquals(0, Float.floatToIntBits(f) & 1, "tie must round to even: " + text);
        }
    }

    private static String randomDecimal(SplittableRandom random) {
        StringBuilder b = new StringBuilder();
        int intDigits = random.nextInt(4);
        for (int i = 0; i < intDigits; i++) {
            b.append((char) ('0' + random.nextInt(10)));
        }
        if (intDigits == 0 || random.nextBoolean()) {
            b.append('.');
            int frac = 1 + random.nextInt(12);
            for (int i = 0; i < frac; i++) {
                b.append((char) ('0' + random.nextInt(10)));
            }
        }
        if (random.nextInt(4) == 0) {
            b.append('e').append(random.nextBoolean() ? "-" : "+").append(random.nextInt(30));
        }
        String s = b.toString();
        return s.equals(".") ? "0.5" : s;
    }
}
