package io.pgsight.sql.plan;

import io.pgsight.sql.analyze.AggCollector;
import io.pgsight.sql.analyze.TExpr;
import io.pgsight.sql.exec.EvalContext;
import io.pgsight.sql.exec.ExplainWriter;
import io.pgsight.sql.exec.PlanNode;

import java.util.ArrayList;
import java.util.List;

/**
 * GROUP BY over several grouping sets: one aggregation of the input per set, rows laid out as
 * [aggregates..., every grouping key (null where the set does not group by it)..., mask], the mask
 * holding a bit per key the row's set leaves out (what GROUPING() reads).
 */
record GroupingSetsAggregate(PlanNode input, List<TExpr> keys, List<List<Integer>> sets,
                             List<AggCollector.AggCall> aggs, List<OutputColumn> columns) implements PlanNode {
    GroupingSetsAggregate {
        keys = List.copyOf(keys);
        sets = sets.stream().map(List::copyOf).toList();
        aggs = List.copyOf(aggs);
        columns = List.copyOf(columns);
    }

    /** Bit k set when key k is not grouped in set {@code set}. */
    int absentMask(int set) {
        int mask = (1 << keys.size()) - 1;
        for (int k : sets.get(set)) {
            mask &= ~(1 << k);
        }
        return mask;
    }

    @Override
    public RowSource open(EvalContext outer) {
        int nAggs = aggs.size();
        return new RowSource() {
            int set = -1;
            RowSource current;
            List<Integer> setKeys;
            int mask;

            @Override
            public Object[] next() {
                while (true) {
                    if (current == null) {
                        if (++set >= sets.size()) {
                            return null;
                        }
                        setKeys = sets.get(set);
                        mask = absentMask(set);
                        current = setAggregate(setKeys).open(outer);
                    }
                    Object[] r = current.next();
                    if (r == null) {
                        current.close();
                        current = null;
                        continue;
                    }
                    Object[] out = new Object[nAggs + keys.size() + 1];
                    System.arraycopy(r, 0, out, 0, nAggs);
                    for (int j = 0; j < setKeys.size(); j++) {
                        out[nAggs + setKeys.get(j)] = r[nAggs + j];
                    }
                    out[out.length - 1] = mask;
                    return out;
                }
            }

            @Override
            public void close() {
                if (current != null) {
                    current.close();
                }
            }
        };
    }

    private Nodes.Aggregate setAggregate(List<Integer> setKeys) {
        List<TExpr> k = new ArrayList<>();
        List<OutputColumn> cols = new ArrayList<>(columns.subList(0, aggs.size()));
        for (int i : setKeys) {
            k.add(keys.get(i));
            cols.add(columns.get(aggs.size() + i));
        }
        return new Nodes.Aggregate(input, k, aggs, cols);
    }

    @Override
    public void explain(ExplainWriter w) {
        List<String> d = new ArrayList<>();
        for (List<Integer> set : sets) {
            d.add("Group Key: " + (set.isEmpty() ? "()" : String.join(", ", set.stream().map(i -> keys.get(i).sql()).toList())));
        }
        w.node("MixedAggregate", 10, 8, d, () -> input.explain(w));
    }

    @Override
    public List<PlanNode> children() {
        return List.of(input);
    }
}
