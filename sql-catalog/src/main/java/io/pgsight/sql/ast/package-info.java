/**
 * The raw syntax tree produced by {@link io.pgsight.sql.parser.SqlParser}: immutable records grouped under sealed
 * interfaces, close to PostgreSQL's raw parse tree (gram.y output) so that the analyzer can follow PostgreSQL's
 * parse-analysis rules (column naming, type resolution, error positions).
 *
 * <p>Conventions:
 * <ul>
 *   <li>Identifiers are already case-folded (unquoted names lower-cased, quoted names kept verbatim).</li>
 *   <li>Every {@code location} is a 1-based character (code point) position in the string given to the parser,
 *       0 when unknown. It is what PostgreSQL reports as the error position (ErrorResponse field P).</li>
 *   <li>Optional parts are {@code null}; lists are never null (empty when absent) and unmodifiable.</li>
 *   <li>Nothing here is resolved: names, types, functions and operators are looked up by the analyzer.</li>
 * </ul>
 */
package io.pgsight.sql.ast;
