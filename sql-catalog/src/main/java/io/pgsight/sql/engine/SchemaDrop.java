package io.pgsight.sql.engine;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.ast.Command;
import io.pgsight.sql.ast.QualifiedName;
import io.pgsight.sql.catalog.Catalog;
import io.pgsight.sql.catalog.Column;
import io.pgsight.sql.catalog.FunctionEntry;
import io.pgsight.sql.catalog.SearchPath;
import io.pgsight.sql.catalog.Sequence;
import io.pgsight.sql.catalog.Table;
import io.pgsight.sql.pgcatalog.ObjectNames;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * DROP SCHEMA: finds what lives in the schema (tables, views, sequences not owned by a serial
 * column, functions), refuses with PostgreSQL's 2BP01 listing them unless CASCADE, else reports
 * them in one NOTICE as PostgreSQL does and drops them before the schema.
 */
final class SchemaDrop {
    /** PostgreSQL lists at most this many objects in the DETAIL (the rest go to its server log). */
    private static final int MAX_REPORTED = 100;

    private record Member(int oid, String description, Runnable drop) {
    }

    private SchemaDrop() {
    }

    /** Drops {@code schema}; {@code dropRelation} runs a DROP TABLE/VIEW ... CASCADE for one relation. */
    static void run(String schema, boolean cascade, Catalog catalog, SearchPath path, SessionImpl session,
                    Consumer<Command.Drop> dropRelation) {
        if (schema.equals("pg_catalog") || schema.equals("information_schema")) {
            throw new SqlException("2BP01", "cannot drop schema " + schema
                    + " because it is required by the database system");
        }
        List<Member> members = members(schema, catalog, path, dropRelation);
        if (!members.isEmpty()) {
            if (!cascade) {
                List<String> lines = new ArrayList<>();
                for (Member m : members) {
                    lines.add(m.description() + " depends on schema " + schema);
                }
                throw new SqlException("2BP01", "cannot drop schema " + schema + " because other objects depend on it")
                        .withDetail(detail(lines))
                        .withHint("Use DROP ... CASCADE to drop the dependent objects too.");
            }
            if (members.size() == 1) {
                session.notice(SqlException.notice("drop cascades to " + members.get(0).description()));
            } else {
                List<String> lines = new ArrayList<>();
                for (Member m : members) {
                    lines.add("drop cascades to " + m.description());
                }
                session.notice(SqlException.notice("drop cascades to " + members.size() + " other objects")
                        .withDetail(detail(lines)));
            }
            for (Member m : members) {
                m.drop().run();
            }
        }
        catalog.removeSchema(schema);
    }

    private static String detail(List<String> lines) {
        if (lines.size() <= MAX_REPORTED) {
            return String.join("\n", lines);
        }
        return String.join("\n", lines.subList(0, MAX_REPORTED)) + "\nand " + (lines.size() - MAX_REPORTED)
                + " other objects (see server log for list)";
    }

    private static List<Member> members(String schema, Catalog catalog, SearchPath path,
                                        Consumer<Command.Drop> dropRelation) {
        List<Member> out = new ArrayList<>();
        Set<String> ownedSequences = new HashSet<>();
        for (Table t : catalog.relations()) {
            if (!t.schema().equals(schema)) {
                continue;
            }
            for (Column c : t.columns()) {
                String d = c.defaultSql();
                if (d != null && d.startsWith("nextval('")) {
                    ownedSequences.add(d.substring(9, d.indexOf('\'', 9)));
                }
            }
            boolean view = t.kind() == Table.Kind.VIEW;
            Command.ObjectKind kind = view ? Command.ObjectKind.VIEW : Command.ObjectKind.TABLE;
            QualifiedName name = new QualifiedName(List.of(schema, t.name()), 0);
            out.add(new Member(t.oid(), (view ? "view " : "table ") + shownName(catalog, path, t.schema(), t.name()),
                    () -> {
                        if (catalog.relation(schema, t.name()) == t) {
                            dropRelation.accept(new Command.Drop(kind, List.of(name), true, true, false, 0));
                        }
                    }));
        }
        for (Sequence s : catalog.sequences()) {
            if (s.schema().equals(schema) && !ownedSequences.contains(s.name())) {
                out.add(new Member(s.oid(), "sequence " + shownName(catalog, path, schema, s.name()),
                        () -> catalog.removeSequence(s)));
            }
        }
        for (FunctionEntry f : catalog.allFunctions()) {
            if (f.schema().equals(schema) && f.extension() == null) {
                List<String> args = f.argumentTypes().stream().map(catalog::formatType).toList();
                String qualified = path.searched(catalog).contains(schema) ? "" : ObjectNames.quoteIdent(schema) + ".";
                out.add(new Member(f.oid(), "function " + qualified + f.name() + "(" + String.join(",", args) + ")",
                        () -> catalog.removeFunction(f)));
            }
        }
        out.sort(Comparator.comparingInt(Member::oid));
        return out;
    }

    /** How PostgreSQL's object descriptions name a relation: qualified unless the search path finds it. */
    private static String shownName(Catalog catalog, SearchPath path, String schema, String name) {
        for (String s : path.searched(catalog)) {
            if (catalog.relationNameTaken(s, name)) {
                return s.equals(schema) ? ObjectNames.quoteIdent(name)
                        : ObjectNames.quoteIdent(schema) + "." + ObjectNames.quoteIdent(name);
            }
        }
        return ObjectNames.quoteIdent(schema) + "." + ObjectNames.quoteIdent(name);
    }
}
