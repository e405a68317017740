package io.pgsight.sql.catalog;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.spi.PgType;

/** Pseudo-types (anyelement, anyarray, record, void, ...) for signatures; they hold no values of their own. */
public record PseudoType(String name, int oid) implements PgType {
    public static final int ANY = 2276;
    public static final int ANYELEMENT = 2283;
    public static final int ANYARRAY = 2277;
    public static final int ANYNONARRAY = 2776;
    public static final int ANYCOMPATIBLE = 5077;
    public static final int ANYCOMPATIBLEARRAY = 5078;
    public static final int RECORD = 2249;
    public static final int VOID = 2278;
    public static final int UNKNOWN = 705;
    public static final int CSTRING = 2275;
    public static final int INTERNAL = 2281;
    public static final int TRIGGER = 2279;

    @Override
    public int arrayOid() {
        return 0;
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
        if (oid == UNKNOWN || oid == CSTRING) {
            return text;
        }
        if (oid == VOID) {
            return null;
        }
        throw new SqlException("0A000", "cannot accept a value of type " + name);
    }

    @Override
    public String output(Object value) {
        if (oid == VOID) {
            return "";
        }
        return String.valueOf(value);
    }

    @Override
    public Object receive(byte[] data, int typmod) {
        return input(new String(data, java.nio.charset.StandardCharsets.UTF_8), typmod);
    }

    @Override
    public byte[] send(Object value) {
        return output(value).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** True for any pseudo-type, whoever registered it (pg_catalog's own or this engine's). */
    public static boolean is(PgType t) {
        int o = t.oid();
        return t instanceof PseudoType || t.category() == 'P' || o == ANY || o == ANYELEMENT || o == ANYARRAY
                || o == ANYNONARRAY || o == ANYCOMPATIBLE || o == ANYCOMPATIBLEARRAY || o == RECORD || o == VOID
                || o == UNKNOWN || o == CSTRING || o == INTERNAL || o == TRIGGER || o == 3500 || o == 5079;
    }

    public boolean isPolymorphic() {
        return oid == ANYELEMENT || oid == ANYARRAY || oid == ANYNONARRAY || oid == ANYCOMPATIBLE
                || oid == ANYCOMPATIBLEARRAY;
    }

    static PseudoType[] all() {
        return new PseudoType[] {new PseudoType("any", ANY), new PseudoType("anyelement", ANYELEMENT),
            new PseudoType("anyarray", ANYARRAY), new PseudoType("anynonarray", ANYNONARRAY),
            new PseudoType("anycompatible", ANYCOMPATIBLE), new PseudoType("anycompatiblearray", ANYCOMPATIBLEARRAY),
            new PseudoType("record", RECORD), new PseudoType("void", VOID), new PseudoType("unknown", UNKNOWN),
            new PseudoType("cstring", CSTRING), new PseudoType("internal", INTERNAL),
            new PseudoType("trigger", TRIGGER)};
    }
}
