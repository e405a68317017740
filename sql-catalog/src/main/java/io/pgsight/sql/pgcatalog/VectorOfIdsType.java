package io.pgsight.sql.pgcatalog;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.spi.PgArray;
import io.pgsight.sql.spi.PgType;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * int2vector (22) and oidvector (30): the catalogs' fixed arrays (pg_index.indkey, pg_proc.proargtypes).
 * Values are one-dimensional {@link PgArray}s with lower bound 0, so {@code indkey[0]} is the first
 * key as in PostgreSQL; text is the elements separated by spaces ({@code 1 2}), binary is array_send's.
 */
final class VectorOfIdsType implements PgType {
    private final String name;
    private final int oid;
    private final int arrayOid;
    private final int elementOid;

    private VectorOfIdsType(String name, int oid, int arrayOid, int elementOid) {
        this.name = name;
        this.oid = oid;
        this.arrayOid = arrayOid;
        this.elementOid = elementOid;
    }

    static VectorOfIdsType int2vector() {
        return new VectorOfIdsType("int2vector", 22, 1006, 21);
    }

    static VectorOfIdsType oidvector() {
        return new VectorOfIdsType("oidvector", 30, 1013, 26);
    }

    /** A value of this type from its elements (Integer OIDs or attnums). */
    PgArray of(List<Integer> values) {
        Object[] els = values.stream().map(v -> elementOid == 21 ? (Object) v.shortValue() : (Object) v).toArray();
        return els.length == 0 ? new PgArray(elementOid, new int[0], new int[0], els)
                : new PgArray(elementOid, new int[] {els.length}, new int[] {0}, els);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int oid() {
        return oid;
    }

    @Override
    public int arrayOid() {
        return arrayOid;
    }

    @Override
    public short length() {
        return -1;
    }

    @Override
    public char category() {
        return 'A';
    }

    @Override
    public int elementOid() {
        return elementOid;
    }

    @Override
    public Object input(String text, int typmod) {
        List<Integer> values = new ArrayList<>();
        for (String part : text.trim().split("\\s+")) {
            if (part.isEmpty()) {
                continue;
            }
            try {
                long v = Long.parseLong(part);
                if (elementOid == 21 ? v < Short.MIN_VALUE || v > Short.MAX_VALUE : v < 0 || v > 0xFFFFFFFFL) {
                    throw new NumberFormatException();
                }
                values.add((int) v);
            } catch (NumberFormatException e) {
                throw new SqlException("22P02", "invalid input syntax for type " + (elementOid == 21 ? "smallint" : "oid")
                        + ": \"" + part + "\"");
            }
        }
        return of(values);
    }

    @Override
    public String output(Object value) {
        PgArray a = (PgArray) value;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < a.length(); i++) {
            if (i > 0) {
                sb.append(' ');
            }
            Object v = a.get(i);
            sb.append(elementOid == 26 ? Integer.toUnsignedString((Integer) v) : v.toString());
        }
        return sb.toString();
    }

    @Override
    public Object receive(byte[] data, int typmod) {
        ByteBuffer b = ByteBuffer.wrap(data);
        int ndim = b.getInt();
        b.getInt();
        b.getInt();
        List<Integer> values = new ArrayList<>();
        if (ndim == 1) {
            int n = b.getInt();
            b.getInt();
            for (int i = 0; i < n; i++) {
                int len = b.getInt();
                values.add(len == 2 ? b.getShort() : b.getInt());
            }
        }
        return of(values);
    }

    @Override
    public byte[] send(Object value) {
        PgArray a = (PgArray) value;
        int width = elementOid == 21 ? 2 : 4;
        ByteBuffer b = ByteBuffer.allocate(20 + a.length() * (4 + width));
        b.putInt(a.length() == 0 ? 0 : 1).putInt(0).putInt(elementOid);
        if (a.length() > 0) {
            b.putInt(a.length()).putInt(0);
            for (int i = 0; i < a.length(); i++) {
                b.putInt(width);
                if (width == 2) {
                    b.putShort((Short) a.get(i));
                } else {
                    b.putInt((Integer) a.get(i));
                }
            }
        }
        return java.util.Arrays.copyOf(b.array(), b.position());
    }
}
