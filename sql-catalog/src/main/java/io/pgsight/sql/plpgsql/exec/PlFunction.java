package io.pgsight.sql.plpgsql.exec;

import io.pgsight.sql.plpgsql.PlStatement;
import io.pgsight.sql.spi.PgType;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compiled PL/pgSQL routine: its parsed body, how it is named in CONTEXT lines, its parameters and result, and
 * the compiled embedded SQL of its statements (filled on first use, reused by later calls in the same top-level
 * statement).
 *
 * @param signature   {@code f(integer)}, or {@code inline_code_block} for DO
 * @param argNames    IN parameter names ("" when unnamed)
 * @param outNames    OUT/TABLE column names (empty when the result is a plain value)
 * @param returnType  the result type (null for DO)
 * @param resultTypes the column types of a result row (OUT / TABLE columns, a table's row type, or the one
 *                    result type), what RETURN QUERY must produce; empty for DO
 */
public record PlFunction(PlStatement.Block body, String signature, List<String> argNames, List<PgType> argTypes,
                         List<String> outNames, List<PgType> outTypes, PgType returnType, boolean returnsSet,
                         List<PgType> resultTypes, Map<Object, Object> compiled) {
    public PlFunction {
        argNames = List.copyOf(argNames);
        argTypes = List.copyOf(argTypes);
        outNames = List.copyOf(outNames);
        outTypes = List.copyOf(outTypes);
        resultTypes = List.copyOf(resultTypes);
    }

    public static PlFunction of(PlStatement.Block body, String signature, List<String> argNames,
                                List<PgType> argTypes, List<String> outNames, List<PgType> outTypes,
                                PgType returnType, boolean returnsSet, List<PgType> resultTypes) {
        return new PlFunction(body, signature, argNames, argTypes, outNames, outTypes, returnType, returnsSet,
                resultTypes, new IdentityHashMap<>());
    }

    public static PlFunction inline(PlStatement.Block body) {
        return of(body, "inline_code_block", List.of(), List.of(), List.of(), List.of(), null, false, List.of());
    }
}
