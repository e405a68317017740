package io.pgsight.sql.builtin.types;

import io.pgsight.sql.builtin.PgErrors;

import java.nio.ByteBuffer;

/**
 * oid and the reg* alias types: Java Integer holding the unsigned 32-bit value's bits. The reg*
 * types here read and print numeric OIDs only; looking names up (regclass 'book') needs the
 * catalog, so the engine wraps these types with name resolution.
 */
public final class OidType extends BaseType {
    private final String sqlName;

    public OidType(String name, int oid, int arrayOid, String sqlName) {
        super(name, oid, arrayOid, 4, 'N', name.equals("oid")); // pg_type marks oid preferred in category N
        this.sqlName = sqlName;
    }

    @Override
    public Object input(String text, int typmod) {
        return parse(text, sqlName);
    }

    /** oidin: an integer in [-2^31, 2^32) with surrounding whitespace. */
    public static int parse(String text, String sqlName) {
        long v = parseLong(text, sqlName, Long.MIN_VALUE, Long.MAX_VALUE);
        if (v < Integer.MIN_VALUE || v > 0xFFFFFFFFL) {
            throw PgErrors.outOfRangeForType(text, sqlName);
        }
        return (int) v;
    }

    @Override
    public String output(Object value) {
        return Integer.toUnsignedString((Integer) value);
    }

    @Override
    public Object receive(byte[] data, int typmod) {
        return BinaryBuffers.exactly(data, 4).getInt();
    }

    @Override
    public byte[] send(Object value) {
        return ByteBuffer.allocate(4).putInt((Integer) value).array();
    }

    /** Optional whitespace and sign around decimal digits. */
    private static long parseLong(String text, String sqlName, long min, long max) {
        int i = 0;
        int n = text.length();
        while (i < n && isSpace(text.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        int digitsStart = i;
        long value = 0; // accumulated negatively so that MIN_VALUE fits
        boolean overflow = false;
        while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            int d = text.charAt(i) - '0';
            if (value < (Long.MIN_VALUE + d) / 10) {
                overflow = true;
            } else {
                value = value * 10 - d;
            }
            i++;
        }
        if (i == digitsStart) {
            throw PgErrors.invalidSyntax(sqlName, text);
        }
        while (i < n && isSpace(text.charAt(i))) {
            i++;
        }
        if (i != n) {
            throw PgErrors.invalidSyntax(sqlName, text);
        }
        if (!negative) {
            if (value == Long.MIN_VALUE) {
                overflow = true;
            }
            value = -value;
        }
        if (overflow || value < min || value > max) {
            throw PgErrors.outOfRangeForType(text, sqlName);
        }
        return value;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }
}
