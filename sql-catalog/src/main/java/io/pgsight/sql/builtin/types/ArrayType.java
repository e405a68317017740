package io.pgsight.sql.builtin.types;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.builtin.PgErrors;
import io.pgsight.sql.spi.FunctionContext;
import io.pgsight.sql.spi.PgArray;
import io.pgsight.sql.spi.PgType;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * An array type ({@code _int4} ...) over an element type: values are {@link PgArray}; text form
 * {@code {1,2,NULL}} with PostgreSQL's quoting; binary form ndim, hasnull, element OID, (size, lower
 * bound) per dimension, then length-prefixed elements (-1 for NULL). The typmod applies to elements.
 */
public final class ArrayType extends BaseType {
    private final PgType element;

    public ArrayType(PgType element) {
        super("_" + element.name(), element.arrayOid(), 0, -1, 'A', false);
        this.element = element;
    }

    public PgType element() {
        return element;
    }

    @Override
    public int elementOid() {
        return element.oid();
    }

    @Override
    public Object input(String text, int typmod) {
        return input(text, typmod, null);
    }

    @Override
    public Object input(String text, int typmod, FunctionContext ctx) {
        ArrayText.Parsed p = ArrayText.parse(text);
        Object[] values = new Object[p.elements().length];
        for (int i = 0; i < values.length; i++) {
            String e = p.elements()[i];
            values[i] = e == null ? null : element.input(e, typmod, ctx);
        }
        return new PgArray(element.oid(), p.dims(), p.lowerBounds(), values);
    }

    @Override
    public String output(Object value) {
        return output(value, null);
    }

    @Override
    public String output(Object value, FunctionContext ctx) {
        PgArray a = (PgArray) value;
        if (a.dimensionCount() == 0) {
            return "{}";
        }
        StringBuilder sb = new StringBuilder();
        boolean decorated = false;
        for (int i = 0; i < a.dimensionCount(); i++) {
            decorated |= a.lowerBound(i) != 1;
        }
        if (decorated) {
            for (int i = 0; i < a.dimensionCount(); i++) {
                sb.append('[').append(a.lowerBound(i)).append(':')
                        .append(a.lowerBound(i) + a.dimension(i) - 1).append(']');
            }
            sb.append('=');
        }
        int[] index = {0};
        appendLevel(sb, a, 0, index, ctx);
        return sb.toString();
    }

    private void appendLevel(StringBuilder sb, PgArray a, int level, int[] index, FunctionContext ctx) {
        sb.append('{');
        for (int i = 0; i < a.dimension(level); i++) {
            if (i > 0) {
                sb.append(',');
            }
            if (level + 1 < a.dimensionCount()) {
                appendLevel(sb, a, level + 1, index, ctx);
            } else {
                Object e = a.get(index[0]++);
                if (e == null) {
                    sb.append("NULL");
                } else {
                    appendQuoted(sb, element.output(e, ctx));
                }
            }
        }
        sb.append('}');
    }

    /** array_out's quoting of one element. */
    public static void appendQuoted(StringBuilder sb, String s) {
        boolean quote = s.isEmpty() || s.equalsIgnoreCase("NULL");
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == '{' || c == '}' || c == ',' || c == '"' || c == '\\' || ArrayText.isSpace(c);
        }
        if (!quote) {
            sb.append(s);
            return;
        }
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        sb.append('"');
    }

    @Override
    public int typmodIn(int[] modifiers) {
        return element.typmodIn(modifiers);
    }

    @Override
    public String typmodOut(int typmod) {
        return element.typmodOut(typmod);
    }

    @Override
    public Object applyTypmod(Object value, int typmod, boolean explicit) {
        if (typmod < 0) {
            return value;
        }
        PgArray a = (PgArray) value;
        Object[] out = a.toArray();
        for (int i = 0; i < out.length; i++) {
            if (out[i] != null) {
                out[i] = element.applyTypmod(out[i], typmod, explicit);
            }
        }
        return new PgArray(a.elementTypeOid(), a.dimensions(), a.lowerBounds(), out);
    }

    @Override
    public Object receive(byte[] data, int typmod) {
        ByteBuffer b = ByteBuffer.wrap(data);
        int ndim = BinaryBuffers.getInt(b);
        int flags = BinaryBuffers.getInt(b);
        int elemOid = BinaryBuffers.getInt(b);
        if (ndim < 0 || ndim > 6) {
            throw PgErrors.invalidBinary("invalid number of dimensions: " + ndim);
        }
        if (flags != 0 && flags != 1) {
            throw PgErrors.invalidBinary("invalid array flags");
        }
        if (elemOid != element.oid()) {
            PgType got = BuiltinTypes.byOid(elemOid);
            throw new SqlException("42804", "binary data has array element type " + Integer.toUnsignedString(elemOid)
                    + " (" + (got == null ? "???" : TypeNames.display(got.name(), "")) + ") instead of expected "
                    + element.oid() + " (" + TypeNames.display(element.name(), "") + ")");
        }
        int[] dims = new int[ndim];
        int[] lbs = new int[ndim];
        long total = ndim == 0 ? 0 : 1;
        for (int i = 0; i < ndim; i++) {
            dims[i] = BinaryBuffers.getInt(b);
            lbs[i] = BinaryBuffers.getInt(b);
            total *= dims[i];
        }
        if (total > 134_217_727L || total < 0) {
            throw new SqlException("54000", "array size exceeds the maximum allowed (134217727)");
        }
        Object[] values = new Object[(int) total];
        for (int i = 0; i < values.length; i++) {
            int len = BinaryBuffers.getInt(b);
            if (len == -1) {
                continue;
            }
            if (len < 0 || len > b.remaining()) {
                throw PgErrors.invalidBinary("insufficient data left in message");
            }
            byte[] e = new byte[len];
            b.get(e);
            values[i] = element.receive(e, typmod);
        }
        if (total == 0) {
            return new PgArray(element.oid(), new int[0], new int[0], values);
        }
        return new PgArray(element.oid(), dims, lbs, values);
    }

    @Override
    public byte[] send(Object value) {
        PgArray a = (PgArray) value;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer head = ByteBuffer.allocate(12 + 8 * a.dimensionCount());
        head.putInt(a.dimensionCount()).putInt(a.containsNull() ? 1 : 0).putInt(element.oid());
        for (int i = 0; i < a.dimensionCount(); i++) {
            head.putInt(a.dimension(i)).putInt(a.lowerBound(i));
        }
        out.writeBytes(head.array());
        for (int i = 0; i < a.length(); i++) {
            Object e = a.get(i);
            if (e == null) {
                out.writeBytes(ByteBuffer.allocate(4).putInt(-1).array());
            } else {
                byte[] bytes = element.send(e);
                out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
                out.writeBytes(bytes);
            }
        }
        return out.toByteArray();
    }
}
