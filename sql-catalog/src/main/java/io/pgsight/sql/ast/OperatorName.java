package io.pgsight.sql.ast;

/**
 * An operator as written: a symbol such as {@code <->}, {@code ~~} or {@code =}, optionally schema-qualified through
 * {@code OPERATOR(pg_catalog.~)}. {@code !=} is already turned into {@code <>}, as PostgreSQL's lexer does.
 */
public record OperatorName(String schema, String symbol) {
    public static OperatorName of(String symbol) {
        return new OperatorName(null, symbol);
    }

    @Override
    public String toString() {
        return schema == null ? symbol : "OPERATOR(" + schema + "." + symbol + ")";
    }
}
