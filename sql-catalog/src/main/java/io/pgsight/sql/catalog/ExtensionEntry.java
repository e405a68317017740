package io.pgsight.sql.catalog;

/** A pg_extension row. */
public record ExtensionEntry(int oid, String name, String version, String schema, String comment) {
}
