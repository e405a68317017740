package io.pgsight.sql.builtin.types;

import java.nio.ByteBuffer;

/** real and double precision: Java Float and Double; IEEE 754 big-endian binary. */
public final class FloatType extends BaseType {
    private FloatType(String name, int oid, int arrayOid, int length, boolean preferred) {
        super(name, oid, arrayOid, length, 'N', preferred);
    }

    public static FloatType float4() {
        return new FloatType("float4", 700, 1021, 4, false);
    }

    public static FloatType float8() {
        return new FloatType("float8", 701, 1022, 8, true);
    }

    private boolean single() {
        return length() == 4;
    }

    @Override
    public Object input(String text, int typmod) {
        return single() ? (Object) FloatText.parseFloat(text) : (Object) FloatText.parseDouble(text, "double precision");
    }

    @Override
    public String output(Object value) {
        return single() ? FloatText.format((Float) value) : FloatText.format((Double) value);
    }

    @Override
    public Object receive(byte[] data, int typmod) {
        ByteBuffer b = BinaryBuffers.exactly(data, length());
        return single() ? (Object) b.getFloat() : (Object) b.getDouble();
    }

    @Override
    public byte[] send(Object value) {
        if (single()) {
            return ByteBuffer.allocate(4).putFloat((Float) value).array();
        }
        return ByteBuffer.allocate(8).putDouble((Double) value).array();
    }
}
