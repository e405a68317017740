package io.pgsight.sql.builtin.types;

import io.pgsight.sql.spi.PgType;

/** The pg_type facts every built-in type carries; subclasses add the I/O. */
public abstract class BaseType implements PgType {
    private final String name;
    private final int oid;
    private final int arrayOid;
    private final short length;
    private final char category;
    private final boolean preferred;

    protected BaseType(String name, int oid, int arrayOid, int length, char category, boolean preferred) {
        this.name = name;
        this.oid = oid;
        this.arrayOid = arrayOid;
        this.length = (short) length;
        this.category = category;
        this.preferred = preferred;
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
        return length;
    }

    @Override
    public char category() {
        return category;
    }

    @Override
    public boolean preferred() {
        return preferred;
    }

    @Override
    public String toString() {
        return name;
    }
}
