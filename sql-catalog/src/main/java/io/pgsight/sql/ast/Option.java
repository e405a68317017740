package io.pgsight.sql.ast;

/**
 * A generic {@code name [= value]} option (PostgreSQL's DefElem): index storage parameters
 * ({@code WITH (m = 16)}, namespace-qualified ones like {@code toast.x} keep the dotted name), COPY options
 * ({@code FORMAT csv}, {@code HEADER}), EXPLAIN options ({@code COSTS OFF}), CREATE DATABASE options,
 * sequence options. {@code value} is null when only the name was written. Names are case-folded.
 */
public record Option(String name, Value value, int location) {
    /** The value's text, or null when there is none. */
    public String valueText() {
        return value == null ? null : value.text();
    }
}
