package io.pgsight.sql.plan;

import io.pgsight.sql.analyze.TExpr;
import io.pgsight.sql.catalog.IndexKey;
import io.pgsight.sql.exec.EvalContext;
import io.pgsight.sql.exec.ExplainWriter;
import io.pgsight.sql.exec.PlanNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Equi-join through a hash table on the inner side: keys are evaluated on each side and compared
 * with {@link IndexKey} equality (same types on both sides, checked by the planner); {@code residual}
 * is re-checked on every candidate pair. INNER and LEFT joins.
 */
public record HashJoin(PlanNode left, PlanNode right, boolean leftJoin, List<TExpr> leftKeys, List<TExpr> rightKeys,
                       TExpr condition, List<OutputColumn> columns, TExpr original) implements PlanNode {
    @Override
    public RowSource open(EvalContext outer) {
        int lw = left.columns().size();
        int rw = right.columns().size();
        Map<Object, List<Object[]>> table = new HashMap<>();
        io.pgsight.sql.exec.HeldRows held = new io.pgsight.sql.exec.HeldRows(outer.exec());
        try (RowSource r = right.open(outer)) {
            for (Object[] row = r.next(); row != null; row = r.next()) {
                outer.exec().checkCancelled();
                Object k = key(rightKeys, outer.withRow(row));
                if (k != null) {
                    held.add(row);
                    table.computeIfAbsent(k, x -> new ArrayList<>()).add(row);
                }
            }
        }
        RowSource l = left.open(outer);
        return held.releasingWhenDone(new RowSource() {
            Object[] cur;
            Iterator<Object[]> matches;
            boolean matched;

            @Override
            public Object[] next() {
                while (true) {
                    if (matches == null) {
                        cur = l.next();
                        if (cur == null) {
                            return null;
                        }
                        Object k = key(leftKeys, outer.withRow(cur));
                        List<Object[]> m = k == null ? null : table.get(k);
                        matches = m == null ? List.<Object[]>of().iterator() : m.iterator();
                        matched = false;
                    }
                    while (matches.hasNext()) {
                        Object[] out = new Object[lw + rw];
                        System.arraycopy(cur, 0, out, 0, lw);
                        System.arraycopy(matches.next(), 0, out, lw, rw);
                        if (condition == null || Boolean.TRUE.equals(condition.eval(outer.withRow(out)))) {
                            matched = true;
                            return out;
                        }
                    }
                    matches = null;
                    if (leftJoin && !matched) {
                        Object[] out = new Object[lw + rw];
                        System.arraycopy(cur, 0, out, 0, lw);
                        return out;
                    }
                }
            }

            @Override
            public void close() {
                l.close();
            }
        });
    }

    private static Object key(List<TExpr> exprs, EvalContext c) {
        List<Object> k = new ArrayList<>(exprs.size());
        for (TExpr e : exprs) {
            Object v = e.eval(c);
            if (v == null) {
                return null;
            }
            k.add(v);
        }
        return IndexKey.of(k);
    }

    @Override
    public List<PlanNode> children() {
        return List.of(left, right);
    }

    @Override
    public void explain(ExplainWriter w) {
        List<String> conds = new ArrayList<>();
        for (int i = 0; i < leftKeys.size(); i++) {
            conds.add("(" + leftKeys.get(i).sql() + " = " + rightKeys.get(i).sql() + ")");
        }
        String cond = conds.size() == 1 ? conds.get(0) : "(" + String.join(" AND ", conds) + ")";
        List<String> d = new ArrayList<>();
        d.add("Hash Cond: " + cond);
        w.node(leftJoin ? "Hash Left Join" : "Hash Join", 100, 8, d, () -> {
            left.explain(w);
            w.node("Hash", 100, 8, List.of(), () -> right.explain(w));
        });
    }
}
