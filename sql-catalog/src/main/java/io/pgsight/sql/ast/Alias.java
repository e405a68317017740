package io.pgsight.sql.ast;

import java.util.List;

/** A FROM-item alias {@code [AS] name [(col, ...)]}. */
public record Alias(String name, List<Identifier> columns, int location) {
    public Alias {
        columns = List.copyOf(columns);
    }

    public static Alias of(String name, int location) {
        return new Alias(name, List.of(), location);
    }
}
