package io.pgsight.sql.builtin.types;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.spi.BitString;

import java.nio.ByteBuffer;

/**
 * bit(n) (1560) and bit varying(n) (1562): values are {@link BitString}s. The typmod is the bit
 * count; bit pads/truncates only on explicit casts and otherwise demands an exact length, bit
 * varying refuses longer strings (PostgreSQL's bit/varbit rules). Input accepts binary digits and
 * an {@code x}/{@code X} prefix for hex.
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
        return applyTypmod(b, typmod, false);
    }

    private static BitString parse(String text) {
        boolean hex = !text.isEmpty() && (text.charAt(0) == 'x' || text.charAt(0) == 'X');
        boolean binPrefix = !text.isEmpty() && (text.charAt(0) == 'b' || text.charAt(0) == 'B');
        String body = hex || binPrefix ? text.substring(1) : text;
        StringBuilder bits = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (hex) {
                int d = Character.digit(c, 16);
                if (d < 0) {
                    throw new SqlException("22P02", "\"" + c + "\" is not a valid hexadecimal digit");
                }
                for (int k = 3; k >= 0; k--) {
                    bits.append((d >> k & 1) == 1 ? '1' : '0');
                }
            } else if (c == '0' || c == '1') {
                bits.append(c);
            } else {
                throw new SqlException("22P02", "\"" + c + "\" is not a valid binary digit");
            }
        }
        return BitString.parse(bits.toString());
    }

    @Override
    public String output(Object value) {
        return value.toString();
    }

    @Override
    public Object receive(byte[] data, int typmod) {
        ByteBuffer b = BinaryBuffers.exactly(data, data.length);
        if (data.length < 4) {
            throw new SqlException("22P03", "insufficient data left in message");
        }
        int len = b.getInt();
        if (len < 0 || (len + 7) / 8 != data.length - 4) {
            throw new SqlException("22P03", "invalid length in external bit string");
        }
        byte[] bytes = new byte[data.length - 4];
        b.get(bytes);
        return applyTypmod(new BitString(len, bytes), typmod, false);
    }

    @Override
    public byte[] send(Object value) {
        BitString s = (BitString) value;
        return ByteBuffer.allocate(4 + s.byteLength()).putInt(s.length()).put(s.toByteArray()).array();
    }

    @Override
    public int typmodIn(int[] modifiers) {
        if (modifiers.length != 1) {
            throw new SqlException("22023", "invalid type modifier");
        }
        if (modifiers[0] < 1) {
            throw new SqlException("22023", "length for type " + (varying ? "varbit" : "bit") + " must be at least 1");
        }
        return modifiers[0];
    }

    @Override
    public Object applyTypmod(Object value, int typmod, boolean explicit) {
        if (typmod <= 0 || value == null) {
            return value;
        }
        BitString b = (BitString) value;
        if (varying) {
            if (b.length() <= typmod) {
                return b;
            }
            if (!explicit) {
                throw new SqlException("22026", "bit string too long for type bit varying(" + typmod + ")");
            }
            return resize(b, typmod);
        }
        if (b.length() == typmod) {
            return b;
        }
        if (!explicit) {
            throw new SqlException("22026", "bit string length " + b.length() + " does not match type bit(" + typmod + ")");
        }
        return resize(b, typmod);
    }

    private static BitString resize(BitString b, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(i < b.length() && b.get(i) ? '1' : '0');
        }
        return BitString.parse(sb.toString());
    }
}
