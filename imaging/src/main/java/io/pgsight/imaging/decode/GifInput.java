package io.pgsight.imaging.decode;

/** A cursor over the GIF bytes with gd's short-read semantics (a short read copies what is there). */
final class GifInput {
    private final byte[] data;
    private int pos;

    GifInput(byte[] data) {
        this.data = data;
    }

    /** One byte, or -1 at the end. */
    int read() {
        return pos < data.length ? data[pos++] & 0xff : -1;
    }

    /** Copies up to {@code len} bytes and returns how many were copied. */
    int read(byte[] dest, int off, int len) {
        int n = Math.min(len, data.length - pos);
        System.arraycopy(data, pos, dest, off, n);
        pos += n;
        return n;
    }
}
