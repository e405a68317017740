package io.pgsight.sql.builtin.types;

import io.pgsight.sql.format.FloatFormat;
import io.pgsight.sql.spi.FunctionContext;

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
        return single() ? (Object) FloatFormat.float4In(text) : (Object) FloatFormat.float8In(text);
    }

    @Override
    public String output(Object value) {
        return single() ? FloatFormat.float4Out((Float) value) : FloatFormat.float8Out((Double) value);
    }

    /** Honours extra_float_digits (1 by default: shortest exact output). */
    @Override
    public String output(Object value, FunctionContext ctx) {
        int efd = extraFloatDigits(ctx);
        return single() ? FloatFormat.float4Out((Float) value, efd) : FloatFormat.float8Out((Double) value, efd);
    }

    private static int extraFloatDigits(FunctionContext ctx) {
        String s = ctx == null ? null : ctx.setting("extra_float_digits");
        if (s == null) {
            return 1;
        }
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
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
