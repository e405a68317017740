package io.pgsight.sql.builtin.array;

import io.pgsight.sql.builtin.types.BuiltinTypes;
import io.pgsight.sql.builtin.types.ValueText;
import io.pgsight.sql.spi.FunctionContext;
import io.pgsight.sql.spi.PgType;

/** Finds the element type OID for an array built from loose values (array_fill, array_agg ...). */
public final class ElementTypes {
    private ElementTypes() {
    }

    /** The last built-in type name looked up and its OID: array_agg asks once per group, with the same name. */
    private record Resolved(String typname, int oid) {
    }

    /** Shared by all threads: an immutable pair, replaced whole (a racing reader sees an older pair or this). */
    private static Resolved last = new Resolved("", 0);

    /** The OID of argument {@code index}'s type: the engine's resolved type, else the value's class. */
    public static int oidOf(FunctionContext ctx, int index, Object value) {
        String typname = ctx == null ? null : ctx.argumentType(index);
        if (typname != null) {
            Resolved r = last;
            if (r.typname().equals(typname)) {
                return r.oid();
            }
            PgType t = BuiltinTypes.byName(typname);
            if (t != null) {
                last = new Resolved(typname, t.oid());
                return t.oid();
            }
        }
        if (value != null) {
            PgType t = ValueText.typeOf(value);
            if (t != null) {
                return t.oid();
            }
        }
        return 0;
    }
}
