package io.pgsight.sql.analyze;

import io.pgsight.sql.catalog.TypeNames;
import io.pgsight.sql.spi.PgType;

/** Small helpers to print expressions the way EXPLAIN (ruleutils) does. */
public final class ExprDeparse {
    private ExprDeparse() {
    }

    public static String ident(String name) {
        if (name.matches("[a-z_][a-z0-9_$]*")) {
            return name;
        }
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    public static String typeName(PgType t) {
        if (t.name().startsWith("_")) {
            return TypeNames.sqlName(t.name().substring(1)) + "[]";
        }
        return TypeNames.sqlName(t.name());
    }
}
