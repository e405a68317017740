package io.pgsight.sql.analyze;

import java.util.HashMap;

/**
 * Parameter names that are PL/pgSQL variables. PostgreSQL's default {@code plpgsql.variable_conflict = error}
 * makes a name that is both a column in scope and a variable ambiguous, where an SQL function's parameter name
 * simply loses to the column.
 */
public final class VariableNames extends HashMap<String, Integer> {
}
