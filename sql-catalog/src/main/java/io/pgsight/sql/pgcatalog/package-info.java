/**
 * pg_catalog and information_schema as real relations computed from the engine's catalog.
 *
 * <p>The planner asks {@link io.pgsight.sql.pgcatalog.SystemRelations} before the user catalog (as
 * PostgreSQL's implicit search path puts pg_catalog first); a {@link io.pgsight.sql.pgcatalog.SystemScan}
 * materialises a relation's rows once per statement from the catalog as it stands then. Clients'
 * SQL (psql's backslash commands, pgjdbc's DatabaseMetaData, pgvector-java's type lookup) is run by
 * the ordinary engine: nothing here recognises query strings.
 *
 * <p>OIDs: built-in types keep PostgreSQL's; tables, indexes, sequences, functions and extension
 * objects keep the catalog's; rows the catalog keeps without an OID (constraints, defaults, operator
 * families) get one from {@link io.pgsight.sql.pgcatalog.SyntheticOids}, fixed at first sight.
 * PostgreSQL 15's own pg_type/pg_operator/pg_proc rows and descriptions that the engine does not
 * implement come from {@code pg15-builtin-catalog.tsv}, extracted from postgres.bki by
 * {@code sql-catalog/src/build/pg15_catalog_from_bki.py}, so listings such as {@code \do <->} match.
 *
 * <p>{@link io.pgsight.sql.pgcatalog.CatalogFunctions} registers the functions clients call with these
 * relations (visibility tests, format_type, pg_get_*def, descriptions, privileges, sizes) and the
 * reg* types bound to one database's catalog.
 */
package io.pgsight.sql.pgcatalog;
