/**
 * PL/pgSQL: the syntax tree of DO blocks and plpgsql function bodies ({@link io.pgsight.sql.plpgsql.PlStatement},
 * {@link io.pgsight.sql.plpgsql.PlDeclaration}) and its parser {@link io.pgsight.sql.plpgsql.PlpgsqlParser}.
 *
 * <p>As in PostgreSQL, SQL inside PL/pgSQL is kept as text ({@link io.pgsight.sql.plpgsql.PlExpr}): an expression
 * is evaluated as {@code SELECT <text>}, a statement is run as written. The parser checks their syntax at parse time
 * (like PostgreSQL with check_function_bodies on) and keeps their positions in the original string and the body
 * line numbers used in CONTEXT lines ({@code PL/pgSQL function f(integer) line 4 at RAISE}). Given the routine
 * ({@link io.pgsight.sql.plpgsql.PlRoutine}), it also compiles against the body's namespace
 * ({@link io.pgsight.sql.plpgsql.PlNamespace}) as PostgreSQL does: assignment and INTO targets must be known,
 * non-CONSTANT variables, EXIT/CONTINUE need a loop or label, RETURN forms must suit the result.
 */
package io.pgsight.sql.plpgsql;
