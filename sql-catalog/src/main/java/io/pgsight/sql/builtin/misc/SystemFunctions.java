package io.pgsight.sql.builtin.misc;

import io.pgsight.sql.format.PgRandom;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.builtin.CatalogWriter;
import io.pgsight.sql.builtin.types.BuiltinTypes;
import io.pgsight.sql.builtin.types.TypeNames;
import io.pgsight.sql.spi.PgType;
import io.pgsight.sql.spi.Volatility;

/**
 * random()/setseed() with PostgreSQL's generator (per session, via FunctionContext.sessionState), and
 * format_type for built-in types. The engine overrides format_type for types it registers later
 * (extension types) since their names live in its catalog.
 */
public final class SystemFunctions {
    private SystemFunctions() {
    }

    /** random(): the session's generator; also called directly by primitive float8 arithmetic. */
    public static double random(io.pgsight.sql.spi.FunctionContext ctx) {
        return ctx.sessionState(PgRandom.class, PgRandom::new).random();
    }

    public static void register(CatalogWriter w) {
        // PostgreSQL keeps the generator per backend: here per session, through the SPI's session state
        w.fn("random", "float8", true, Volatility.VOLATILE, (ctx, a) -> random(ctx));
        w.fn("setseed", "void", true, Volatility.VOLATILE, (ctx, a) -> {
            ctx.sessionState(PgRandom.class, PgRandom::new).setSeed((Double) a[0]);
            return null;
        }, "float8");
        w.fn("format_type", "text", false, Volatility.STABLE, (ctx, a) -> {
            if (a[0] == null) {
                return null;
            }
            return formatType((Integer) a[0], (Integer) a[1]);
        }, "oid", "int4");
    }

    /**
     * format_type(oid, typmod) for built-in types; {@code typmod} null means "not given" (so bpchar prints
     * as character, while a given -1 prints bpchar); "???" for an unknown OID, as PostgreSQL prints.
     */
    public static String formatType(int oid, Integer typmod) {
        PgType t = BuiltinTypes.byOid(oid);
        if (t == null) {
            return "???";
        }
        if (typmod != null && typmod < 0 && t.name().equals("bpchar")) {
            return "bpchar";
        }
        String mod = typmod != null && typmod >= 0 ? t.typmodOut(typmod) : "";
        return TypeNames.display(t.name(), mod);
    }
}
