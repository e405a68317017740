package io.pgsight.sql.analyze;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.builtin.types.RecordText;
import io.pgsight.sql.spi.FunctionContext;
import io.pgsight.sql.spi.PgType;

import java.util.List;

/**
 * The type {@code record} with its fields known (a function's OUT columns), so {@code (f(x)).n}
 * and {@code (sub.col).n} resolve. Values are Object[] in field order; output is record_out's.
 */
public final class RecordShape implements PgType {
    public record Field(String name, PgType type) {
    }

    private final List<Field> fields;

    public RecordShape(List<Field> fields) {
        this.fields = List.copyOf(fields);
    }

    public List<Field> fields() {
        return fields;
    }

    @Override
    public List<String> fieldNames() {
        return fields.stream().map(Field::name).toList();
    }

    @Override
    public List<PgType> fieldTypes() {
        return fields.stream().map(Field::type).toList();
    }

    /** Index of field {@code name}, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String name() {
        return "record";
    }

    @Override
    public int oid() {
        return 2249;
    }

    @Override
    public int arrayOid() {
        return 2287;
    }

    @Override
    public short length() {
        return -1;
    }

    @Override
    public char category() {
        return 'P';
    }

    @Override
    public Object input(String text, int typmod) {
        throw new SqlException("0A000", "input of anonymous composite types is not implemented");
    }

    @Override
    public String output(Object value) {
        return output(value, null);
    }

    @Override
    public String output(Object value, FunctionContext ctx) {
        Object[] row = (Object[]) value;
        String[] texts = new String[row.length];
        for (int i = 0; i < row.length; i++) {
            PgType t = i < fields.size() ? fields.get(i).type() : null;
            texts[i] = row[i] == null || t == null ? null : ctx == null ? t.output(row[i]) : t.output(row[i], ctx);
        }
        return RecordText.format(texts);
    }

    @Override
    public Object receive(byte[] data, int typmod) {
        throw new SqlException("0A000", "binary input of anonymous composite types is not implemented");
    }

    @Override
    public byte[] send(Object value) {
        // record_send: field count, then per field its type OID, length (-1 for NULL) and binary value
        Object[] row = (Object[]) value;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.nio.ByteBuffer head = java.nio.ByteBuffer.allocate(4).putInt(row.length);
        out.writeBytes(head.array());
        for (int i = 0; i < row.length; i++) {
            PgType t = i < fields.size() ? fields.get(i).type() : null;
            byte[] data = row[i] == null || t == null ? null : t.send(row[i]);
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8)
                    .putInt(t == null ? 0 : t.oid()).putInt(data == null ? -1 : data.length);
            out.writeBytes(b.array());
            if (data != null) {
                out.writeBytes(data);
            }
        }
        return out.toByteArray();
    }
}
