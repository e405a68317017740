/**
 * PostgreSQL 15 value semantics and text formats for the built-in types: pure static functions and
 * small immutable values, no SQL parsing and no catalog. Errors are {@link io.pgsight.sql.api.SqlException}
 * with PostgreSQL's SQLSTATEs and message texts.
 */
package io.pgsight.sql.format;
