/**
 * Hand-written PostgreSQL 15 lexer and parser producing {@link io.pgsight.sql.ast}.
 *
 * <p>Entry points: {@link io.pgsight.sql.parser.SqlParser#parse(String)} (multi-statement strings),
 * {@link io.pgsight.sql.parser.SqlParser#parse(String, int)} (fragments, positions shifted),
 * {@link io.pgsight.sql.parser.SqlParser#parseExpression(String, int)} and
 * {@link io.pgsight.sql.parser.SqlParser#parseTypeName(String)}; {@link io.pgsight.sql.parser.SqlScanner} exposes
 * the lexer for PL/pgSQL.
 *
 * <p>Layout: {@code Lexer} (scan.l's rules) feeds a lazily filled {@code TokenStream}; the recursive-descent parser
 * is layered by concern: {@code ParserBase} (token helpers, names) - {@code ExpressionParser} (precedence climbing
 * over {@code Precedence}, primaries, function calls, windows; type names in {@code TypeNames}) -
 * {@code QueryParser} (SELECT/VALUES/set operations/WITH/FROM) - {@code DmlParser} - {@code DdlParser} -
 * {@code StatementParser} (dispatch and utility statements). Keyword categories follow PostgreSQL's kwlist
 * ({@code Keywords}): reserved words cannot be column names, AS_LABEL words cannot be bare aliases.
 *
 * <p>Errors are {@link io.pgsight.sql.api.SqlException}s, SQLSTATE 42601 (54001 for runaway nesting), with
 * PostgreSQL's messages and 1-based character positions.
 */
package io.pgsight.sql.parser;
