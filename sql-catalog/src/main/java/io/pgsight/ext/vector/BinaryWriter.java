package io.pgsight.ext.vector;

/** Big-endian writes into a fixed-size buffer. */
final class BinaryWriter {
    private final byte[] data;
    private int pos;

    BinaryWriter(int size) {
        data = new byte[size];
    }

    BinaryWriter int16(int v) {
        data[pos++] = (byte) (v >>> 8);
        data[pos++] = (byte) v;
        return this;
    }

    BinaryWriter int32(int v) {
        data[pos++] = (byte) (v >>> 24);
        data[pos++] = (byte) (v >>> 16);
        data[pos++] = (byte) (v >>> 8);
        data[pos++] = (byte) v;
        return this;
    }

    BinaryWriter float32(float f) {
        return int32(Float.floatToRawIntBits(f));
    }

    byte[] bytes() {
        return data;
    }
}
