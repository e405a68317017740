package io.pgsight.sql.catalog;

import io.pgsight.sql.spi.PgType;

/** A pg_operator row; {@code left} is null for a prefix operator. */
public record OperatorEntry(int oid, String schema, String symbol, PgType left, PgType right, FunctionEntry function,
                            String commutator, String negator, String extension, String comment) {
    public PgType resultType() {
        return function.returnType();
    }
}
