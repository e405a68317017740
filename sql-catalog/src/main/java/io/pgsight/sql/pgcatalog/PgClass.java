package io.pgsight.sql.pgcatalog;

import io.pgsight.sql.catalog.AccessMethodEntry;
import io.pgsight.sql.catalog.Catalog;
import io.pgsight.sql.catalog.Constraint;
import io.pgsight.sql.catalog.IndexEntry;
import io.pgsight.sql.catalog.Sequence;
import io.pgsight.sql.catalog.Table;

import java.util.ArrayList;
import java.util.List;

/** pg_class: tables, views, their indexes, sequences, and the system relations themselves. */
final class PgClass extends SystemRelation {
    PgClass() {
        super("pg_catalog", "pg_class", 1259, "oid oid", "relname name", "relnamespace oid", "reltype oid",
                "reloftype oid", "relowner oid", "relam oid", "relfilenode oid", "reltablespace oid", "relpages int4",
                "reltuples float4", "relallvisible int4", "reltoastrelid oid", "relhasindex bool", "relisshared bool",
                "relpersistence char", "relkind char", "relnatts int2", "relchecks int2", "relhasrules bool",
                "relhastriggers bool", "relhassubclass bool", "relrowsecurity bool", "relforcerowsecurity bool",
                "relispopulated bool", "relreplident char", "relispartition bool", "relrewrite oid",
                "relfrozenxid int4", "relminmxid int4", "relacl aclitem[]", "reloptions text[]", "relpartbound pg_node_tree");
    }

    @Override
    public List<Object[]> rows(CatalogContext ctx) {
        Catalog c = ctx.catalog();
        List<Object[]> out = new ArrayList<>();
        java.util.Set<Integer> withTriggers = new java.util.HashSet<>();
        for (Table t : c.relations()) {
            for (Constraint con : t.constraints()) {
                if (con instanceof Constraint.ForeignKey fk) {
                    // PostgreSQL enforces a foreign key with triggers on both tables
                    withTriggers.add(t.oid());
                    withTriggers.add(fk.referencedTableOid());
                }
            }
        }
        for (Table t : c.relations()) {
            boolean view = t.kind() == Table.Kind.VIEW;
            int checks = (int) t.constraints().stream().filter(x -> x instanceof Constraint.Check).count();
            Object[] r = row(t.oid(), t.name(), ctx.schemaOid(t.schema()), view ? 0 : PgAm.HEAP, !t.indexes().isEmpty(),
                    view ? "v" : "r", t.columns().size(), checks, view, null);
            r[20] = withTriggers.contains(t.oid());
            out.add(r);
            for (IndexEntry i : t.indexes()) {
                AccessMethodEntry am = c.accessMethod(i.accessMethod());
                List<String> opts = c.relOptions(i.oid());
                out.add(row(i.oid(), i.name(), ctx.schemaOid(t.schema()), am == null ? 0 : am.oid(), false, "i",
                        i.keyColumns().size(), 0, false, opts.isEmpty() ? null : CatalogContext.textArray(opts)));
            }
        }
        for (Sequence s : c.allSequences()) {
            out.add(row(s.oid(), s.name(), ctx.schemaOid(s.schema()), 0, false, "S", 3, 0, false, null));
        }
        for (SystemRelation r : SystemRelations.all()) {
            out.add(row(r.oid(), r.name(), ctx.schemaOid(r.schema()), PgAm.HEAP, false, "r", r.columns().size(), 0,
                    false, null));
        }
        return out;
    }

    private static Object[] row(int oid, String name, int namespace, int am, boolean hasIndex, String kind, int natts,
                                int checks, boolean rules, Object options) {
        return new Object[] {oid, name, namespace, 0, 0, CatalogContext.SUPERUSER_OID, am, oid, 0, 0, -1f, 0, 0,
                hasIndex, false, "p", kind, (short) natts, (short) checks, rules, false, false, false, false, true, "d",
                false, 0, 0, 0, null, options, null};
    }
}
