package io.pgsight.sql.spi;

import java.util.Arrays;

/**
 * A value of the built-in {@code bit}/{@code bit varying} types as it crosses the SPI: a bit count
 * and the bits packed most-significant first (PostgreSQL's layout; unused trailing bits are zero).
 * Immutable.
 */
public final class BitString {
    private final int length;
    private final byte[] bytes;

    public BitString(int length, byte[] bytes) {
        if (length < 0 || bytes.length != (length + 7) / 8) {
            throw new IllegalArgumentException("bit length " + length + " does not fit " + bytes.length + " bytes");
        }
        this.length = length;
        this.bytes = bytes.clone();
        int spare = bytes.length * 8 - length;
        if (spare > 0) {
            this.bytes[bytes.length - 1] &= (byte) (0xff << spare);
        }
    }

    /** From a string of '0'/'1' characters (no validation beyond that). */
    public static BitString parse(String bits) {
        byte[] b = new byte[(bits.length() + 7) / 8];
        for (int i = 0; i < bits.length(); i++) {
            char c = bits.charAt(i);
            if (c == '1') {
                b[i / 8] |= (byte) (0x80 >>> (i % 8));
            } else if (c != '0') {
                throw new IllegalArgumentException("not a bit string: " + bits);
            }
        }
        return new BitString(bits.length(), b);
    }

    public int length() {
        return length;
    }

    public boolean get(int i) {
        return (bytes[i / 8] & (0x80 >>> (i % 8))) != 0;
    }

    /** A copy of the packed bytes. */
    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** The packed byte at {@code i} (read-only access without copying). */
    public byte byteAt(int i) {
        return bytes[i];
    }

    public int byteLength() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BitString b && b.length == length && Arrays.equals(b.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes) * 31 + length;
    }

    /** PostgreSQL's text form: the bits as '0'/'1' characters. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(get(i) ? '1' : '0');
        }
        return sb.toString();
    }
}
