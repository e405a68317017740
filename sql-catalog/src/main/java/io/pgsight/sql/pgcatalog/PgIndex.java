package io.pgsight.sql.pgcatalog;

import io.pgsight.sql.catalog.IndexEntry;
import io.pgsight.sql.catalog.OperatorClassEntry;
import io.pgsight.sql.catalog.Table;

import java.util.ArrayList;
import java.util.List;

/** pg_index: one row per index. */
final class PgIndex extends SystemRelation {
    PgIndex() {
        super("pg_catalog", "pg_index", 2610, "indexrelid oid", "indrelid oid", "indnatts int2", "indnkeyatts int2",
                "indisunique bool", "indnullsnotdistinct bool", "indisprimary bool", "indisexclusion bool", "indimmediate bool",
                "indisclustered bool", "indisvalid bool", "indcheckxmin bool", "indisready bool", "indislive bool",
                "indisreplident bool", "indkey int2vector", "indcollation oidvector", "indclass oidvector",
                "indoption int2vector", "indexprs pg_node_tree", "indpred pg_node_tree");
    }

    @Override
    public List<Object[]> rows(CatalogContext ctx) {
        List<Object[]> out = new ArrayList<>();
        for (Table t : ctx.catalog().relations()) {
            for (IndexEntry i : t.indexes()) {
                int n = i.keyColumns().size();
                List<Integer> classes = new ArrayList<>();
                List<Integer> colls = new ArrayList<>();
                List<Integer> opts = new ArrayList<>();
                for (int k = 0; k < n; k++) {
                    OperatorClassEntry oc = k < i.operatorClasses().size() ? i.operatorClasses().get(k) : null;
                    classes.add(oc == null ? 0 : oc.oid());
                    colls.add(0);
                    opts.add(0);
                }
                out.add(new Object[] {i.oid(), t.oid(), (short) n, (short) n, i.unique() || i.primary(), false, i.primary(),
                        false, true, false, true, false, true, true, false, CatalogContext.int2vector(i.keyColumns()),
                        CatalogContext.oidvector(colls), CatalogContext.oidvector(classes), CatalogContext.int2vector(opts),
                        null, null});
            }
        }
        return out;
    }
}
