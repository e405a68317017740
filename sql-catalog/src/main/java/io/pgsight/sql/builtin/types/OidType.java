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
        long v;
        try {
            v = IntegerType.parse(text, sqlName, Long.MIN_VALUE, Long.MAX_VALUE);
        } catch (io.pgsight.sql.api.SqlException e) {
            if (e.sqlState().equals("22003")) {
                throw PgErrors.outOfRangeForType(text, sqlName);
            }
            throw e;
        }
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
}
