/**
 * The extension SPI: the only door through which a built-in extension (imgsmlr, vector, pase) adds
 * types, functions, operators, casts, aggregates, settings, access methods and operator classes to
 * a database's catalog, on {@code CREATE EXTENSION}. Extensions are found with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/io.pgsight.sql.spi.Extension}).
 *
 * <p>Values cross this interface as plain Java objects: Boolean, Short, Integer, Long, Float,
 * Double, BigDecimal (numeric), String (text/varchar), byte[] (bytea), {@link io.pgsight.sql.spi.PgArray}
 * (arrays), and whatever object an extension type chooses for its own values (immutable, please).
 * SQL NULL is Java null. Type names are PostgreSQL spellings as a user would write them:
 * {@code "real"}, {@code "float4"}, {@code "double precision"}, {@code "integer[]"}, {@code "vector"},
 * plus the pseudo-types {@code "anyelement"}, {@code "anyarray"}.
 *
 * <p>Errors are thrown as {@link io.pgsight.sql.api.SqlException} with PostgreSQL's SQLSTATE and text.
 */
package io.pgsight.sql.spi;
