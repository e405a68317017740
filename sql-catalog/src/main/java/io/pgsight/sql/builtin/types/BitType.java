package io.pgsight.sql.builtin.types;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.spi.BitString;

import java.nio.ByteBuffer;

/**
 * bit(n) and bit varying(n): {@link BitString} values; text '0'/'1' digits (or X followed by hex
 * digits); binary int32 bit length then the packed bytes. The typmod is the length n itself (not n+4).
 * bit(n) demands exactly n bits (an explicit cast pads with zeros or truncates); varbit(n) at most n.
 */
public final class BitType extends BaseType {
    private final boolean varying;

    private BitType(String name, int oid, int arrayOid, boolean varying) {
        super(name, oid, arrayOid, -1, 'V', varying);
        this.varying = varying;
    }

    public static BitType bit() {
        return new BitType("bit", 1560, 1561, false);
    }

    public static BitType varbit() {
        return new BitType("varbit", 1562, 1563, true);
    }

    @Override
    public Object input(String text, int typmod) {
        BitString b = parse(text);
        if (typmod >= 0) {
            if (!varying && b.length() != typmod) {
                throw new SqlException("22026", "bit string length " + b.length() + " does not match type bit("
                        + typmod + ")");
            }
            if (varying && b.length() > typmod) {
                throw new SqlException("22026", "bit string too long for type bit varying(" + typmod + ")");
            }
        }
        return b;
    }

    /** bit_in: binary digits, or x/X and hexadecimal digits (4 bits each); an optional leading b/B. */
    public static BitString parse(String text) {
        String s = text;
        boolean hex = false;
        if (!s.isEmpty() && (s.charAt(0) == 'x' || s.charAt(0) == 'X')) {
            hex = true;
            s = s.substring(1);
        } else if (!s.isEmpty() && (s.charAt(0) == 'b' || s.charAt(0) == 'B')) {
            s = s.substring(1);
        }
        StringBuilder bits = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (hex) {
                int v = Character.digit(c, 16);
                if (v < 0 || c > 'f') {
                    throw new SqlException("22P02", "\"" + c + "\" is not a valid hexadecimal digit");
                }
                for (int k = 3; k >= 0; k--) {
                    bits.append(((v >> k) & 1) == 1 ? '1' : '0');
                }
            } else {
                if (c != '0' && c != '1') {
                    throw new SqlException("22P02", "\"" + c + "\" is not a valid binary digit");
                }
                bits.append(c);
            }
        }
        return BitString.parse(bits.toString());
    }

    @Override
    public String output(Object value) {
        return value.toString();
    }

    @Override
    public int typmodIn(int[] modifiers) {
        String sql = varying ? "bit varying" : "bit";
        if (modifiers.length != 1) {
            throw new SqlException("22023", "invalid type modifier");
        }
        if (modifiers[0] < 1) {
            throw new SqlException("22023", "length for type " + sql + " must be at least 1");
        }
        if (modifiers[0] > 83886080) {
            throw new SqlException("22023", "length for type " + sql + " cannot exceed 83886080");
        }
        return modifiers[0];
    }

    @Override
    public String typmodOut(int typmod) {
        return typmod < 0 ? "" : "(" + typmod + ")";
    }

    @Override
    public Object applyTypmod(Object value, int typmod, boolean explicit) {
        if (typmod < 0) {
            return value;
        }
        BitString b = (BitString) value;
        if (b.length() == typmod || (varying && b.length() < typmod)) {
            return b;
        }
        if (!explicit) {
            if (varying) {
                throw new SqlException("22026", "bit string too long for type bit varying(" + typmod + ")");
            }
            throw new SqlException("22026", "bit string length " + b.length() + " does not match type bit("
                    + typmod + ")");
        }
        return resize(b, typmod);
    }

    /** Truncates, or pads with zero bits on the right. */
    public static BitString resize(BitString b, int length) {
        byte[] out = new byte[(length + 7) / 8];
        for (int i = 0; i < Math.min(length, b.length()); i++) {
            if (b.get(i)) {
                out[i / 8] |= (byte) (0x80 >>> (i % 8));
            }
        }
        return new BitString(length, out);
    }

    @Override
    public Object receive(byte[] data, int typmod) {
        ByteBuffer buf = ByteBuffer.wrap(data);
        int length = BinaryBuffers.getInt(buf);
        if (length < 0 || buf.remaining() != (length + 7) / 8) {
            throw new SqlException("22P03", "invalid length in external bit string");
        }
        byte[] bytes = new byte[buf.remaining()];
        buf.get(bytes);
        return applyTypmod(new BitString(length, bytes), typmod, false);
    }

    @Override
    public byte[] send(Object value) {
        BitString b = (BitString) value;
        return ByteBuffer.allocate(4 + b.byteLength()).putInt(b.length()).put(b.toByteArray()).array();
    }

    /** bit_cmp: the common bytes, then the length. */
    public static int compare(BitString a, BitString b) {
        int n = Math.min(a.byteLength(), b.byteLength());
        for (int i = 0; i < n; i++) {
            int c = Integer.compare(a.byteAt(i) & 0xff, b.byteAt(i) & 0xff);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length(), b.length());
    }
}
