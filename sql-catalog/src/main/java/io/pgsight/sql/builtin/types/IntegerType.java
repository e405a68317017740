package io.pgsight.sql.builtin.types;

import io.pgsight.sql.builtin.PgErrors;
import io.pgsight.sql.format.IntegerFormat;

import java.nio.ByteBuffer;

/** smallint, integer, bigint: Java Short, Integer, Long; big-endian binary of 2, 4, 8 bytes. */
public final class IntegerType extends BaseType {
    private final String sqlName;
    private final long min;
    private final long max;

    private IntegerType(String name, int oid, int arrayOid, int length, boolean preferred, String sqlName,
                        long min, long max) {
        super(name, oid, arrayOid, length, 'N', preferred);
        this.sqlName = sqlName;
        this.min = min;
        this.max = max;
    }

    public static IntegerType int2() {
        return new IntegerType("int2", 21, 1005, 2, false, "smallint", Short.MIN_VALUE, Short.MAX_VALUE);
    }

    public static IntegerType int4() {
        return new IntegerType("int4", 23, 1007, 4, false, "integer", Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    public static IntegerType int8() {
        return new IntegerType("int8", 20, 1016, 8, false, "bigint", Long.MIN_VALUE, Long.MAX_VALUE);
    }

    @Override
    public Object input(String text, int typmod) {
        return switch (length()) {
            case 2 -> IntegerFormat.int2In(text);
            case 4 -> IntegerFormat.int4In(text);
            default -> IntegerFormat.int8In(text);
        };
    }

    /** Integer input for the oid types: optional whitespace and sign around decimal digits. */
    public static long parse(String text, String sqlName, long min, long max) {
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

    @Override
    public String output(Object value) {
        return value.toString();
    }

    @Override
    public Object receive(byte[] data, int typmod) {
        ByteBuffer b = BinaryBuffers.exactly(data, length());
        return switch (length()) {
            case 2 -> b.getShort();
            case 4 -> b.getInt();
            default -> b.getLong();
        };
    }

    @Override
    public byte[] send(Object value) {
        long v = ((Number) value).longValue();
        ByteBuffer b = ByteBuffer.allocate(length());
        switch (length()) {
            case 2 -> b.putShort((short) v);
            case 4 -> b.putInt((int) v);
            default -> b.putLong(v);
        }
        return b.array();
    }
}
