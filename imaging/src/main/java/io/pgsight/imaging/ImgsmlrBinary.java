package io.pgsight.imaging;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The in-memory datum layout of imgsmlr's types on x86-64 (the varlena header excluded): pattern =
 * 4096 little-endian float32 in {@code [i][j]} order (16384 bytes, 16388 with the header that
 * {@code pg_column_size} counts), signature = 16 little-endian float32 (64 bytes). Useful for
 * compact storage and for exchanging data with a real imgsmlr's raw datums; imgsmlr itself has no
 * SQL binary I/O.
 */
public final class ImgsmlrBinary {
    public static final int PATTERN_BYTES = Pattern.SIZE * 4;
    public static final int SIGNATURE_BYTES = Signature.SIZE * 4;

    private ImgsmlrBinary() {
    }

    public static byte[] encode(Pattern p) {
        return encode(p.raw());
    }

    public static byte[] encode(Signature s) {
        return encode(s.raw());
    }

    private static byte[] encode(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        return b.array();
    }

    public static Pattern decodePattern(byte[] data) {
        return Pattern.wrap(decode(data, PATTERN_BYTES, "pattern"));
    }

    public static Signature decodeSignature(byte[] data) {
        return Signature.wrap(decode(data, SIGNATURE_BYTES, "signature"));
    }

    private static float[] decode(byte[] data, int expected, String type) {
        if (data.length != expected) {
            throw new IllegalArgumentException("a " + type + " datum has " + expected + " bytes, got " + data.length);
        }
        float[] v = new float[expected / 4];
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }
}
