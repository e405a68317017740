package io.pgsight.sql.builtin.window;

import io.pgsight.sql.builtin.CatalogWriter;
import io.pgsight.sql.spi.FunctionDef;
import io.pgsight.sql.spi.Volatility;

import java.util.List;

/** Registers the window functions of the manual (9.22) with their pg_proc signatures. */
public final class WindowFunctions {
    private WindowFunctions() {
    }

    private static void window(CatalogWriter w, String name, String returnType, WindowFunction body, String... args) {
        w.function(new FunctionDef(name, List.of(args), returnType, false, Volatility.IMMUTABLE, false, body,
                List.of(), null));
    }

    public static void register(CatalogWriter w) {
        window(w, "row_number", "int8", WindowFunction.ROW_NUMBER);
        window(w, "rank", "int8", WindowFunction.RANK);
        window(w, "dense_rank", "int8", WindowFunction.DENSE_RANK);
        window(w, "percent_rank", "float8", WindowFunction.PERCENT_RANK);
        window(w, "cume_dist", "float8", WindowFunction.CUME_DIST);
        window(w, "ntile", "int4", WindowFunction.NTILE, "int4");
        window(w, "lag", "anyelement", WindowFunction.LAG, "anyelement");
        window(w, "lag", "anyelement", WindowFunction.LAG, "anyelement", "int4");
        window(w, "lag", "anycompatible", WindowFunction.LAG, "anycompatible", "int4", "anycompatible");
        window(w, "lead", "anyelement", WindowFunction.LEAD, "anyelement");
        window(w, "lead", "anyelement", WindowFunction.LEAD, "anyelement", "int4");
        window(w, "lead", "anycompatible", WindowFunction.LEAD, "anycompatible", "int4", "anycompatible");
        window(w, "first_value", "anyelement", WindowFunction.FIRST_VALUE, "anyelement");
        window(w, "last_value", "anyelement", WindowFunction.LAST_VALUE, "anyelement");
        window(w, "nth_value", "anyelement", WindowFunction.NTH_VALUE, "anyelement", "int4");
    }
}
