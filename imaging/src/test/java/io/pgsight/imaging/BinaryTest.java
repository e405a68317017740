package io.pgsight.imaging;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BinaryTest {
    @Test
    void roundTripAndLayout() {
        float[] v = new float[4096];
        v[1] = 1.0f; // [0][1]
        v[4095] = -2.0f;
        Pattern p = Pattern.of(v);
        byte[] b = ImgsmlrBinary.encode(p);
        assertEquals(16384, b.length);
        assertEquals(0x3f, b[7] & 0xff); // 1.0f = 0x3f800000, little-endian, second float
        assertEquals(0x80, b[6] & 0xff);
        assertEquals(p, ImgsmlrBinary.decodePattern(b));
        Signature s = Signature.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, Float.NaN});
        assertEquals(s, ImgsmlrBinary.decodeSignature(ImgsmlrBinary.encode(s)));
        assertThrows(IllegalArgumentException.class, () -> ImgsmlrBinary.decodeSignature(new byte[63]));
    }
}
