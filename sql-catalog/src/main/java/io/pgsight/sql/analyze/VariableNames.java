package io.pgsight.sql.analyze;

import java.util.HashMap;

/**
 * Parameter names that are PL/pgSQL variables, with the body's {@code #variable_conflict} rule for a name that is
 * both a column in scope and a variable: {@code error} (PostgreSQL's default: the reference is ambiguous),
 * {@code use_column} or {@code use_variable}. An SQL function's parameter name, by contrast, simply loses to the
 * column.
 */
public final class VariableNames extends HashMap<String, Integer> {
    public enum Conflict { ERROR, USE_COLUMN, USE_VARIABLE }

    private final Conflict conflict;

    public VariableNames(Conflict conflict) {
        this.conflict = conflict;
    }

    public Conflict conflict() {
        return conflict;
    }
}
