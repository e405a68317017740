/**
 * Per-database catalogs: relations ({@link io.pgsight.sql.catalog.Table} with an immutable
 * {@link io.pgsight.sql.catalog.Table.Shape} swapped under the DDL lock), sequences, types, functions
 * ({@link io.pgsight.sql.catalog.FunctionBody}: native, SQL, window, or procedural for a later PL/pgSQL
 * handler), operators, casts, aggregates, access methods, operator classes and extensions. Entries are
 * immutable records in concurrent maps, so readers never lock. {@link io.pgsight.sql.catalog.CatalogRegistrar}
 * is the {@link io.pgsight.sql.spi.ExtensionRegistry} that CREATE EXTENSION and database creation use.
 * User objects take OIDs from one counter starting at 16384 per database, so pg_class-like relations can
 * be exposed later.
 */
package io.pgsight.sql.catalog;
