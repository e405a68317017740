package io.pgsight.sql.pgcatalog;

import io.pgsight.sql.spi.PgType;

/** pg_type facts derived from a {@link PgType}: storage, alignment, by-value, collation. */
final class TypeFacts {
    static final int DEFAULT_COLLATION = 100;
    static final int C_COLLATION = 950;

    private TypeFacts() {
    }

    /** typstorage: what the type declares, else 'x' for built-in variable-length types. */
    static String storage(PgType t) {
        char s = t.storage();
        if (s != 'p') {
            return String.valueOf(s);
        }
        return t.length() == -1 && t.category() != 'U' ? "x" : "p";
    }

    static boolean byValue(PgType t) {
        return t.length() > 0 && t.length() <= 8 && t.oid() != 19;
    }

    static String align(PgType t) {
        return switch (t.length()) {
            case 1, -2 -> "c";
            case 2 -> "s";
            case 8 -> "d";
            case 4 -> "i";
            case 64 -> "c";
            default -> t.category() == 'A' || t.oid() == 1700 ? "i" : (t.length() == -1 ? "i" : "d");
        };
    }

    static int collation(PgType t) {
        return switch (t.oid()) {
            case 25, 1043, 1042 -> DEFAULT_COLLATION;
            case 19 -> C_COLLATION;
            default -> 0;
        };
    }

    static String typtype(PgType t) {
        return t.category() == 'P' ? "p" : "b";
    }
}
