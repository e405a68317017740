package io.pgsight.sql.builtin.array;

import io.pgsight.sql.builtin.types.BuiltinTypes;
import io.pgsight.sql.builtin.types.ValueText;
import io.pgsight.sql.spi.FunctionContext;
import io.pgsight.sql.spi.PgType;

/** Finds the element type OID for an array built from loose values (array_fill, array_agg ...). */
public final class ElementTypes {
    private ElementTypes() {
    }

    /** The OID of argument {@code index}'s type: the engine's resolved type, else the value's class. */
    public static int oidOf(FunctionContext ctx, int index, Object value) {
        String typname = ctx == null ? null : ctx.argumentType(index);
        if (typname != null) {
            PgType t = BuiltinTypes.byName(typname);
            if (t != null) {
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
