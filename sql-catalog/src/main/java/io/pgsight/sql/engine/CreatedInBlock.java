package io.pgsight.sql.engine;

import io.pgsight.sql.catalog.Catalog;
import io.pgsight.sql.catalog.ExtensionEntry;
import io.pgsight.sql.catalog.FunctionEntry;
import io.pgsight.sql.catalog.IndexEntry;
import io.pgsight.sql.catalog.Sequence;
import io.pgsight.sql.catalog.Table;
import io.pgsight.sql.pgcatalog.ObjectNames;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What CREATE statements inside a transaction block made, as the DROP statements that take it back
 * when the block (or the savepoint it came after) rolls back. A statement's objects are those whose
 * OIDs it allocated: it runs holding the catalog's DDL lock, so no other DDL allocates meanwhile.
 * Later objects drop first (they may depend on earlier ones); IF EXISTS because a drop of an earlier
 * object may already have cascaded to them.
 */
final class CreatedInBlock {
    /** A DROP to run on rollback and the savepoint depth of the statement that created the object. */
    record Undo(int depth, String dropSql) {
    }

    private record Made(int oid, String dropSql) {
    }

    private CreatedInBlock() {
    }

    /** The DROPs for objects with OIDs in [from, to), latest first. */
    static List<String> drops(Catalog c, int from, int to) {
        if (from >= to) {
            return List.of();
        }
        List<Made> made = new ArrayList<>();
        for (Table t : c.relations()) {
            if (in(t.oid(), from, to)) {
                String kind = t.kind() == Table.Kind.VIEW ? "VIEW" : "TABLE";
                made.add(new Made(t.oid(), "DROP " + kind + " IF EXISTS " + name(t.schema(), t.name()) + " CASCADE"));
            }
            for (IndexEntry i : t.indexes()) {
                if (in(i.oid(), from, to) && !in(t.oid(), from, to)) {
                    made.add(new Made(i.oid(), "DROP INDEX IF EXISTS " + name(t.schema(), i.name()) + " CASCADE"));
                }
            }
        }
        for (Sequence s : c.sequences()) {
            if (in(s.oid(), from, to)) {
                made.add(new Made(s.oid(), "DROP SEQUENCE IF EXISTS " + name(s.schema(), s.name()) + " CASCADE"));
            }
        }
        for (FunctionEntry f : c.allFunctions()) {
            if (in(f.oid(), from, to) && f.extension() == null) {
                String args = String.join(", ", f.argumentTypes().stream().map(c::formatType).toList());
                made.add(new Made(f.oid(), "DROP FUNCTION IF EXISTS " + name(f.schema(), f.name()) + "(" + args + ") CASCADE"));
            }
        }
        for (String schema : c.schemaNames()) {
            int oid = c.schemaOid(schema);
            if (in(oid, from, to)) {
                made.add(new Made(oid, "DROP SCHEMA IF EXISTS " + ObjectNames.quoteIdent(schema) + " CASCADE"));
            }
        }
        for (ExtensionEntry e : c.extensions()) {
            if (in(e.oid(), from, to)) {
                made.add(new Made(e.oid(), "DROP EXTENSION IF EXISTS " + ObjectNames.quoteIdent(e.name()) + " CASCADE"));
            }
        }
        made.sort(Comparator.comparingInt(Made::oid).reversed());
        return made.stream().map(Made::dropSql).toList();
    }

    private static boolean in(int oid, int from, int to) {
        return oid >= from && oid < to;
    }

    private static String name(String schema, String name) {
        return ObjectNames.quoteIdent(schema) + "." + ObjectNames.quoteIdent(name);
    }
}
