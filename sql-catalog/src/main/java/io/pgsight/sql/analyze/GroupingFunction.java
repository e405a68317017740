package io.pgsight.sql.analyze;

import io.pgsight.sql.catalog.FunctionBody;
import io.pgsight.sql.catalog.FunctionEntry;
import io.pgsight.sql.spi.PgType;
import io.pgsight.sql.spi.Volatility;

import java.util.List;

/**
 * {@code GROUPING(a, b, ...)} as analysed: a call the planner replaces, once it knows the grouping
 * sets, by the bit mask PostgreSQL returns (bit set for each argument not grouped in the row's set,
 * the first argument the most significant). Evaluating it unreplaced is a planner bug.
 */
public final class GroupingFunction {
    public static final FunctionBody.NativeScalar MARKER = new FunctionBody.NativeScalar((ctx, a) -> {
        throw new IllegalStateException("GROUPING() was not planned");
    });

    private GroupingFunction() {
    }

    static TExpr call(List<TExpr> args, PgType int4) {
        FunctionEntry f = new FunctionEntry(0, "pg_catalog", "grouping", args.stream().map(TExpr::type).toList(),
                args.stream().map(a -> "").toList(), int4, false, false, Volatility.IMMUTABLE, MARKER, List.of(), null,
                null, false);
        return new TExpr.Call(f, args, int4, -1);
    }

    public static boolean is(TExpr e) {
        return e instanceof TExpr.Call c && c.function().body() == MARKER;
    }
}
