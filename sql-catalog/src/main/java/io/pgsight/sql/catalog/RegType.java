package io.pgsight.sql.catalog;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.spi.PgType;

/**
 * regtype and regclass with name lookup in one database's catalog: input takes a name (or a
 * number), output prints the name, as PostgreSQL's reg* types do. Wraps pg_catalog's numeric type.
 */
public final class RegType implements PgType {
    private final PgType base;
    private final Catalog catalog;
    private final boolean isClass;

    public RegType(PgType base, Catalog catalog) {
        this.base = base;
        this.catalog = catalog;
        this.isClass = base.oid() == 2205;
    }

    @Override
    public String name() {
        return base.name();
    }

    @Override
    public int oid() {
        return base.oid();
    }

    @Override
    public int arrayOid() {
        return base.arrayOid();
    }

    @Override
    public short length() {
        return base.length();
    }

    @Override
    public char category() {
        return base.category();
    }

    @Override
    public Object input(String text, int typmod) {
        String t = text.trim();
        if (!t.isEmpty() && t.chars().allMatch(Character::isDigit)) {
            return base.input(t, typmod);
        }
        if (isClass) {
            String n = t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t.toLowerCase(java.util.Locale.ROOT);
            String schema = null;
            int dot = n.indexOf('.');
            if (dot > 0) {
                schema = n.substring(0, dot);
                n = n.substring(dot + 1);
            }
            Table rel = catalog.relation(schema, n);
            if (rel != null) {
                return rel.oid();
            }
            Sequence s = catalog.sequence(schema, n);
            if (s != null) {
                return s.oid();
            }
            IndexEntry i = catalog.indexByName(schema, n);
            if (i != null) {
                return i.oid();
            }
            throw new SqlException("42P01", "relation \"" + t + "\" does not exist");
        }
        PgType ty = catalog.typeByName(t);
        if (ty == null) {
            throw new SqlException("42704", "type \"" + t + "\" does not exist");
        }
        return ty.oid();
    }

    @Override
    public String output(Object value) {
        int oid = (Integer) value;
        if (isClass) {
            Table t = catalog.relationByOid(oid);
            return t != null ? t.name() : Integer.toUnsignedString(oid);
        }
        PgType t = catalog.typeByOid(oid);
        return t == null ? Integer.toUnsignedString(oid) : catalog.formatType(t);
    }

    @Override
    public Object receive(byte[] data, int typmod) {
        return base.receive(data, typmod);
    }

    @Override
    public byte[] send(Object value) {
        return base.send(value);
    }
}
