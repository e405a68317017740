/**
 * The PL/pgSQL interpreter: runs the trees of {@link io.pgsight.sql.plpgsql.PlpgsqlParser} for DO blocks and
 * LANGUAGE plpgsql functions ({@link io.pgsight.sql.plpgsql.exec.PlExecution}).
 *
 * <p>Variables live in numbered slots ({@link io.pgsight.sql.plpgsql.exec.PlVariables}); slot {@code k} is
 * parameter {@code $k+1} of every embedded SQL statement and expression, and names resolve to those parameters
 * (a name that is also a column in scope is ambiguous unless {@code #variable_conflict} says which wins), so SQL is
 * parsed, analysed and planned once per statement node and then run with the current values
 * ({@link io.pgsight.sql.plpgsql.exec.PlSql}). Record fields {@code r.f} are extra parameters; a compiled form
 * is redone when a record it used changes shape. Compiled forms are kept for the current top-level statement.
 *
 * <p>The engine supplies planners, command execution, subtransactions (EXCEPTION blocks roll back to them) and notices
 * through {@link io.pgsight.sql.plpgsql.exec.PlHost}. Errors get PostgreSQL's CONTEXT lines: the function, body
 * line and statement kind, {@code SQL statement "..."} for embedded statements, and positions inside embedded SQL as
 * an internal query ({@code QUERY:} and {@code LINE} in psql). Cursors ({@link io.pgsight.sql.plpgsql.exec.PlCursors})
 * keep their rows for the call; COMMIT and ROLLBACK go to the host, which allows them in non-atomic CALL/DO only.
 */
package io.pgsight.sql.plpgsql.exec;
