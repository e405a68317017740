package io.pgsight.sql.plan;

import io.pgsight.sql.exec.EvalContext;
import io.pgsight.sql.exec.ExplainWriter;
import io.pgsight.sql.exec.PlanNode;
import io.pgsight.sql.exec.ValueOrder;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code WITH RECURSIVE name AS (non_recursive UNION [ALL] recursive)}: the non-recursive term's rows
 * seed the working table; the recursive term is re-run over the working table until it yields no
 * (new, for UNION) rows. Everything produced is the result, in production order, as PostgreSQL does.
 */
public record RecursiveUnion(PlanNode nonRecursive, PlanNode recursive, WorkTable workTable, boolean all,
                             List<OutputColumn> columns) implements PlanNode {

    /** Identity of one recursive CTE's working table; the rows live in the execution's map. */
    public static final class WorkTable {
        private final String name;

        public WorkTable(String name) {
            this.name = name;
        }

        String name() {
            return name;
        }
    }

    @Override
    public RowSource open(EvalContext outer) {
        Map<Object, Object> tables = outer.exec().workTables();
        Object saved = tables.get(workTable);
        TreeSet<Object[]> seen = all ? null : new TreeSet<>(ValueOrder.INSTANCE::compare);
        List<Object[]> result = new ArrayList<>();
        io.pgsight.sql.exec.HeldRows held = new io.pgsight.sql.exec.HeldRows(outer.exec());
        List<Object[]> working = keepNew(Nodes.SetOp.drain(nonRecursive, outer, held), seen);
        try {
            while (!working.isEmpty()) {
                result.addAll(working);
                outer.exec().checkCancelled();
                tables.put(workTable, working);
                working = keepNew(Nodes.SetOp.drain(recursive, outer, held), seen);
            }
        } finally {
            if (saved == null) {
                tables.remove(workTable);
            } else {
                tables.put(workTable, saved);
            }
        }
        Iterator<Object[]> it = result.iterator();
        return held.releasingWhenDone(() -> it.hasNext() ? it.next() : null);
    }

    private static List<Object[]> keepNew(List<Object[]> rows, TreeSet<Object[]> seen) {
        if (seen == null) {
            return rows;
        }
        List<Object[]> fresh = new ArrayList<>();
        for (Object[] r : rows) {
            if (seen.add(r)) {
                fresh.add(r);
            }
        }
        return fresh;
    }

    @Override
    public List<PlanNode> children() {
        return List.of(nonRecursive, recursive);
    }

    @Override
    public void explain(ExplainWriter w) {
        w.node("Recursive Union", 10, 8, List.of(), () -> {
            nonRecursive.explain(w);
            recursive.explain(w);
        });
    }

    /** The recursive term's reference to its own CTE: the rows of the previous iteration. */
    public record WorkTableScan(WorkTable workTable, String alias, List<OutputColumn> columns) implements PlanNode {
        @Override
        @SuppressWarnings("unchecked")
        public RowSource open(EvalContext outer) {
            List<Object[]> rows = (List<Object[]>) outer.exec().workTables().get(workTable);
            Iterator<Object[]> it = rows == null ? java.util.Collections.emptyIterator() : rows.iterator();
            return () -> it.hasNext() ? it.next() : null;
        }

        @Override
        public void explain(ExplainWriter w) {
            String label = "WorkTable Scan on " + workTable.name()
                    + (alias.equals(workTable.name()) ? "" : " " + alias);
            w.node(label, 10, 8, List.of(), () -> {
            });
        }
    }
}
