package io.pgsight.sql.catalog;

import io.pgsight.sql.spi.PgType;
import io.pgsight.sql.spi.Volatility;

import java.util.List;

/**
 * A pg_proc row. {@code argumentTypes} may hold pseudo-types (anyelement, anyarray...), resolved per
 * call; {@code outColumns} names the columns of a record/TABLE result; {@code argumentDefaults} are the DEFAULT
 * expressions of the last input arguments (pronargdefaults of them), already coerced to their types;
 * {@code rowTypeResult}: the result is a table's row type ({@code RETURNS [SETOF] tab}), whose columns
 * {@code outColumns} lists, rather than OUT parameters; {@code procedure}: made by CREATE PROCEDURE, run by CALL only.
 */
public record FunctionEntry(int oid, String schema, String name, List<PgType> argumentTypes, List<String> argumentNames,
                            PgType returnType, boolean returnsSet, boolean strict, Volatility volatility,
                            FunctionBody body, List<OutColumn> outColumns, String extension, String comment,
                            boolean variadic, List<io.pgsight.sql.analyze.TExpr> argumentDefaults,
                            boolean rowTypeResult, boolean procedure) {
    public FunctionEntry {
        argumentTypes = List.copyOf(argumentTypes);
        argumentNames = List.copyOf(argumentNames);
        outColumns = List.copyOf(outColumns);
        argumentDefaults = List.copyOf(argumentDefaults);
    }

    /** A function without argument defaults. */
    public FunctionEntry(int oid, String schema, String name, List<PgType> argumentTypes, List<String> argumentNames,
                         PgType returnType, boolean returnsSet, boolean strict, Volatility volatility,
                         FunctionBody body, List<OutColumn> outColumns, String extension, String comment,
                         boolean variadic) {
        this(oid, schema, name, argumentTypes, argumentNames, returnType, returnsSet, strict, volatility, body,
                outColumns, extension, comment, variadic, List.of(), false, false);
    }

    public record OutColumn(String name, PgType type) {
    }

    /**
     * Whether a call yields a record of the OUT columns. A function with a single OUT column and a
     * scalar return type (jsonb_array_elements's "value") returns that scalar; the column only names it.
     */
    public boolean returnsRecord() {
        return outColumns.size() > 1 || (outColumns.size() == 1 && returnType.oid() == 2249);
    }

    /** {@code name(type, type)} as error messages print it. */
    public String signature(java.util.function.Function<PgType, String> typeName) {
        StringBuilder sb = new StringBuilder(name).append('(');
        for (int i = 0; i < argumentTypes.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(typeName.apply(argumentTypes.get(i)));
        }
        return sb.append(')').toString();
    }
}
