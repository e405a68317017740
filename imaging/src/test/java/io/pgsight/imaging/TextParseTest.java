package io.pgsight.imaging;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** imgsmlr's read_float tokenizer: separators, strtof grammar, trailing text, exact error messages. */
class TextParseTest {

    private static float[] sig(String s) {
        return SignatureText.parse(s).toArray();
    }

    private static float[] seq(float first) {
        float[] v = new float[16];
        for (int k = 0; k < 16; k++) {
            v[k] = first + k;
        }
        return v;
    }

    @Test
    void anySeparatorMix() {
        assertArrayEquals(seq(1), sig("1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16"));
        assertArrayEquals(seq(1), sig("((1,2),(3)4,,5 6)7)8(9,10,11,12,13,14,15,16"));
        assertArrayEquals(seq(1), sig("(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17)"));
    }

    @Test
    void minusIsPartOfTheNextNumber() {
        float[] v = sig("1-2-3-4-5-6-7-8-9-10-11-12-13-14-15-16");
        assertEquals(1f, v[0]);
        assertEquals(-2f, v[1]);
        assertEquals(-16f, v[15]);
    }

    @Test
    void strtofForms() {
        float[] v = sig("0x1p-2 0X.8 +inf -INFINITY nan NaN(abc) 2E3 .5 5. 1e-50 3.4028236e38 -0 0x1.8 7 8 9");
        assertEquals(0.25f, v[0]);
        assertEquals(0.5f, v[1]);
        assertEquals(Float.POSITIVE_INFINITY, v[2]);
        assertEquals(Float.NEGATIVE_INFINITY, v[3]);
        assertTrue(Float.isNaN(v[4]) && Float.isNaN(v[5]));
        assertEquals(2000f, v[6]);
        assertEquals(0.5f, v[7]);
        assertEquals(5f, v[8]);
        assertEquals(0f, v[9]);
        assertEquals(Float.POSITIVE_INFINITY, v[10]); // above FLT_MAX + half an ulp
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(v[11]));
        assertEquals(1.5f, v[12]);
    }

    @Test
    void hexPrefixWithoutDigitsIsZeroThenJunk() {
        // strtof reads "0" of "0x", the "x" is left and is not a number
        assertThrows(InvalidTextRepresentationException.class, () -> sig("0x 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16"));
        assertEquals(0f, sig("1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 0x")[15]);
    }

    @Test
    void exponentWithoutDigitsLeavesJunk() {
        // strtof("1e x") reads "1", and "e" is then not a number: invalid input
        assertThrows(InvalidTextRepresentationException.class, () -> sig("1e 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16"));
    }

    @Test
    void overflowAndUnderflow() {
        float[] v = sig("1e50 -1e50 1e-50 3.4028236e38 1.4e-45 2 3 4 5 6 7 8 9 10 11 12");
        assertEquals(Float.POSITIVE_INFINITY, v[0]);
        assertEquals(Float.NEGATIVE_INFINITY, v[1]);
        assertEquals(0f, v[2]);
        assertEquals(Float.POSITIVE_INFINITY, v[3]);
        assertEquals(Float.MIN_VALUE, v[4]);
    }

    @Test
    void whitespaceOnlyBeforeNumbers() {
        assertArrayEquals(seq(1), sig("1,\t2,\n3,4,5,6,7,8,9,10,11,12,13,14,15,16"));
        InvalidTextRepresentationException e = assertThrows(InvalidTextRepresentationException.class,
                () -> sig("1\t,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16"));
        assertEquals("invalid input syntax for type signature: \"1\t,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16\"", e.getMessage());
    }

    @Test
    void tooFewValues() {
        InvalidTextRepresentationException e = assertThrows(InvalidTextRepresentationException.class,
                () -> PatternText.parse("(1,2,3)"));
        assertEquals("invalid input syntax for type pattern: \"(1,2,3)\"", e.getMessage());
        assertThrows(InvalidTextRepresentationException.class, () -> sig("(((((("));
    }

    @Test
    void roundTripIsExactToSixDecimals() {
        float[] v = new float[4096];
        for (int k = 0; k < v.length; k++) {
            v[k] = (k % 7 - 3) / 1000f;
        }
        Pattern p = Pattern.of(v);
        assertEquals(PatternText.format(p), PatternText.format(PatternText.parse(PatternText.format(p))));
    }
}
