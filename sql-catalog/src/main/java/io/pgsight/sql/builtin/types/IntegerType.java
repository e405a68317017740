package io.pgsight.sql.builtin.types;

import io.pgsight.sql.format.IntegerFormat;

import java.nio.ByteBuffer;

/** smallint, integer, bigint: Java Short, Integer, Long; text via IntegerFormat; big-endian binary of 2, 4, 8 bytes. */
public final class IntegerType extends BaseType {
    private IntegerType(String name, int oid, int arrayOid, int length) {
        super(name, oid, arrayOid, length, 'N', false);
    }

    public static IntegerType int2() {
        return new IntegerType("int2", 21, 1005, 2);
    }

    public static IntegerType int4() {
        return new IntegerType("int4", 23, 1007, 4);
    }

    public static IntegerType int8() {
        return new IntegerType("int8", 20, 1016, 8);
    }

    @Override
    public Object input(String text, int typmod) {
        return switch (length()) {
            case 2 -> IntegerFormat.int2In(text);
            case 4 -> IntegerFormat.int4In(text);
            default -> IntegerFormat.int8In(text);
        };
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
