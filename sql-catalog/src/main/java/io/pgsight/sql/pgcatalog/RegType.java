package io.pgsight.sql.pgcatalog;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.builtin.types.BaseType;
import io.pgsight.sql.builtin.types.OidType;
import io.pgsight.sql.catalog.Catalog;

import java.nio.ByteBuffer;

/**
 * An OID alias type (regclass, regtype, regproc, regprocedure, regoper, regoperator, regnamespace,
 * regrole) bound to one database's catalog: input looks names up (a number is taken as the OID
 * itself), output prints the object's name, or the number when no object has that OID.
 */
final class RegType extends BaseType {
    private final Catalog catalog;
    private final ObjectNames.Kind kind;

    RegType(String name, int oid, int arrayOid, Catalog catalog, ObjectNames.Kind kind) {
        super(name, oid, arrayOid, 4, 'N', false);
        this.catalog = catalog;
        this.kind = kind;
    }

    @Override
    public Object input(String text, int typmod) {
        String t = text.trim();
        if (!t.isEmpty() && (Character.isDigit(t.charAt(0)) || t.charAt(0) == '-')) {
            return OidType.parse(text, name());
        }
        if (t.equals("-")) {
            return 0;
        }
        return ObjectNames.lookup(catalog, kind, t);
    }

    @Override
    public String output(Object value) {
        int oid = (Integer) value;
        if (oid == 0) {
            return "-";
        }
        String n = ObjectNames.name(catalog, kind, oid);
        return n != null ? n : Integer.toUnsignedString(oid);
    }

    @Override
    public Object receive(byte[] data, int typmod) {
        if (data.length != 4) {
            throw new SqlException("22P03", "insufficient data left in message");
        }
        return ByteBuffer.wrap(data).getInt();
    }

    @Override
    public byte[] send(Object value) {
        return ByteBuffer.allocate(4).putInt((Integer) value).array();
    }
}
