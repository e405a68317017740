package io.pgsight.sql.builtin.types;

import io.pgsight.sql.api.SqlException;

/**
 * A pseudo-type (typtype 'p'): any, anyelement, anyarray, anynonarray, anycompatible..., record, void,
 * internal, trigger. They only appear in signatures; values of them cannot be read or printed, except
 * void (prints as the empty string) and record (the engine prints records from their field types with
 * {@link RecordText}).
 */
public final class PseudoType extends BaseType {
    public PseudoType(String name, int oid, int arrayOid) {
        super(name, oid, arrayOid, name.equals("void") ? 4 : (name.equals("record") ? -1 : 4), 'P', false);
    }

    @Override
    public Object input(String text, int typmod) {
        if (name().equals("record")) {
            throw new SqlException("0A000", "input of anonymous composite types is not implemented");
        }
        throw new SqlException("0A000", "cannot accept a value of type " + name());
    }

    @Override
    public String output(Object value) {
        if (name().equals("void")) {
            return "";
        }
        if (name().equals("record") && value instanceof String s) {
            return s;
        }
        throw new SqlException("0A000", "cannot display a value of type " + name());
    }

    @Override
    public Object receive(byte[] data, int typmod) {
        throw new SqlException("0A000", "cannot accept a value of type " + name());
    }

    @Override
    public byte[] send(Object value) {
        if (name().equals("void")) {
            return new byte[0];
        }
        throw new SqlException("0A000", "cannot display a value of type " + name());
    }
}
