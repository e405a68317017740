package io.pgsight.sql.pgcatalog;

import io.pgsight.sql.exec.EvalContext;
import io.pgsight.sql.exec.ExplainWriter;
import io.pgsight.sql.exec.PlanNode;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Scans a system relation. Rows are computed from the catalog the first time the statement opens
 * the scan and reused by later opens (a nested loop reopens its inner side per outer row).
 */
public record SystemScan(SystemRelation relation, String alias, List<OutputColumn> columns) implements PlanNode {
    @Override
    @SuppressWarnings("unchecked")
    public RowSource open(EvalContext outer) {
        Map<Object, Object> cache = outer.exec().initPlanCache();
        List<Object[]> rows = (List<Object[]>) cache.get(this);
        if (rows == null) {
            rows = relation.rows(new CatalogContext(outer.exec()));
            cache.put(this, rows);
        }
        Iterator<Object[]> it = rows.iterator();
        return () -> {
            outer.exec().checkCancelled();
            return it.hasNext() ? it.next().clone() : null;
        };
    }

    @Override
    public void explain(ExplainWriter w) {
        String label = "Seq Scan on " + relation.name() + (alias != null && !alias.equals(relation.name()) ? " " + alias : "");
        w.node(label, 10, 4 * columns.size(), List.of(), () -> { });
    }
}
