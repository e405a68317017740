package io.pgsight.sql.pgcatalog;

import io.pgsight.sql.catalog.Catalog;
import io.pgsight.sql.catalog.Constraint;
import io.pgsight.sql.catalog.IndexEntry;
import io.pgsight.sql.catalog.Table;

import java.util.ArrayList;
import java.util.List;

/** pg_constraint: primary key, unique, foreign key and check constraints of every table. */
final class PgConstraint extends SystemRelation {
    PgConstraint() {
        super("pg_catalog", "pg_constraint", 2606, "oid oid", "conname name", "connamespace oid", "contype char",
                "condeferrable bool", "condeferred bool", "convalidated bool", "conrelid oid", "contypid oid",
                "conindid oid", "conparentid oid", "confrelid oid", "confupdtype char", "confdeltype char",
                "confmatchtype char", "conislocal bool", "coninhcount int4", "connoinherit bool", "conkey int2[]",
                "confkey int2[]", "conpfeqop oid[]", "conppeqop oid[]", "conffeqop oid[]", "confdelsetcols int2[]",
                "conexclop oid[]", "conbin pg_node_tree");
    }

    static int oidOf(Catalog c, Table t, Constraint con) {
        return SyntheticOids.of(c).oid("con:" + t.oid() + ":" + con.name());
    }

    /** The table owning constraint {@code oid} and the constraint, or null. */
    static Object[] find(Catalog c, int oid) {
        for (Table t : c.relations()) {
            for (Constraint con : t.constraints()) {
                if (oidOf(c, t, con) == oid) {
                    return new Object[] {t, con};
                }
            }
        }
        return null;
    }

    @Override
    public List<Object[]> rows(CatalogContext ctx) {
        Catalog c = ctx.catalog();
        List<Object[]> out = new ArrayList<>();
        for (Table t : c.relations()) {
            for (Constraint con : t.constraints()) {
                String type;
                int index = 0;
                int confrel = 0;
                Object confkey = null;
                String upd = " ";
                String del = " ";
                String match = " ";
                String bin = null;
                if (con instanceof Constraint.PrimaryKey pk) {
                    type = "p";
                    index = indexOid(t, pk.indexName());
                } else if (con instanceof Constraint.Unique u) {
                    type = "u";
                    index = indexOid(t, u.indexName());
                } else if (con instanceof Constraint.ForeignKey fk) {
                    type = "f";
                    confrel = fk.referencedTableOid();
                    confkey = CatalogContext.shortArray(fk.referencedColumns());
                    upd = actionCode(fk.onUpdate());
                    del = actionCode(fk.onDelete());
                    match = "s";
                    Table ref = c.relationByOid(confrel);
                    if (ref != null) {
                        for (Constraint rc : ref.constraints()) {
                            if ((rc instanceof Constraint.PrimaryKey || rc instanceof Constraint.Unique)
                                    && rc.columns().equals(fk.referencedColumns())) {
                                index = indexOid(ref, rc instanceof Constraint.PrimaryKey p ? p.indexName()
                                        : ((Constraint.Unique) rc).indexName());
                            }
                        }
                    }
                } else {
                    type = "c";
                    Constraint.Check ch = (Constraint.Check) con;
                    bin = ch.expr() != null ? ch.expr().sql() : ch.sql();
                }
                out.add(new Object[] {oidOf(c, t, con), con.name(), ctx.schemaOid(t.schema()), type, false, false, true,
                        t.oid(), 0, index, 0, confrel, upd, del, match, true, 0, false,
                        CatalogContext.shortArray(con.columns()), confkey, null, null, null, null, null, bin});
            }
        }
        return out;
    }

    static int indexOid(Table t, String name) {
        for (IndexEntry i : t.indexes()) {
            if (i.name().equals(name)) {
                return i.oid();
            }
        }
        return 0;
    }

    /** confupdtype/confdeltype: a no action, r restrict, c cascade, n set null, d set default. */
    static String actionCode(String action) {
        if (action == null) {
            return "a";
        }
        return switch (action.toUpperCase(java.util.Locale.ROOT)) {
            case "RESTRICT" -> "r";
            case "CASCADE" -> "c";
            case "SET NULL" -> "n";
            case "SET DEFAULT" -> "d";
            default -> "a";
        };
    }
}
