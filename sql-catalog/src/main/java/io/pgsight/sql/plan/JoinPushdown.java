package io.pgsight.sql.plan;

import io.pgsight.sql.analyze.ExprRewrite;
import io.pgsight.sql.analyze.TExpr;
import io.pgsight.sql.exec.PlanNode;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Splits a WHERE clause over a comma-separated FROM list ({@code FROM a, b, c WHERE ...}) into the
 * conjuncts each join step can evaluate, so the joins become hash or filtered nested-loop joins
 * instead of a cross product filtered at the top (pgjdbc's metadata queries join nine catalogs that
 * way). The join order stays the FROM order, so the output columns keep their positions.
 */
final class JoinPushdown {
    /**
     * The inputs of a left-deep chain of condition-less inner joins, with their column offsets;
     * {@code lateral[j]} when item j reads the items before it (joined by a {@link LateralJoin}).
     */
    record Chain(List<PlanNode> items, int[] offsets, boolean[] lateral) {
    }

    /**
     * One WHERE conjunct and the FROM items whose columns it reads; {@code items} is null for one that
     * must be evaluated over the whole join (it reads no column, or has a subquery whose correlated
     * references cannot be re-based).
     */
    record Conjunct(TExpr expr, BitSet items) {
        boolean onlyItem(int j) {
            return items != null && items.cardinality() == 1 && items.get(j);
        }

        boolean joinsAt(int j) {
            return items != null && items.cardinality() > 1 && items.length() - 1 == j;
        }
    }

    private JoinPushdown() {
    }

    /** The chain under {@code node}, or null when it is not a cross join of at least two inputs. */
    static Chain chain(PlanNode node) {
        List<PlanNode> reversed = new ArrayList<>();
        List<Boolean> reversedLateral = new ArrayList<>();
        PlanNode cur = node;
        while (true) {
            if (cur instanceof Nodes.NestedLoop nl && nl.kind() == Nodes.JoinKind.INNER && nl.condition() == null
                    && !nl.parameterized()) {
                reversed.add(nl.right());
                reversedLateral.add(false);
                cur = nl.left();
            } else if (cur instanceof LateralJoin lj && lj.kind() == Nodes.JoinKind.INNER && lj.condition() == null) {
                // a lateral item stays a lateral join, but filters on the items before it run below it
                reversed.add(lj.right());
                reversedLateral.add(true);
                cur = lj.left();
            } else {
                break;
            }
        }
        if (reversed.isEmpty()) {
            return null;
        }
        reversed.add(cur);
        reversedLateral.add(false);
        java.util.Collections.reverse(reversed);
        java.util.Collections.reverse(reversedLateral);
        List<PlanNode> items = reversed;
        int[] offsets = new int[items.size() + 1];
        boolean[] lateral = new boolean[items.size()];
        for (int i = 0; i < items.size(); i++) {
            offsets[i + 1] = offsets[i] + items.get(i).columns().size();
            lateral[i] = reversedLateral.get(i);
        }
        return new Chain(items, offsets, lateral);
    }

    /**
     * The conjuncts of {@code where} with the items they read.
     */
    static List<Conjunct> conjuncts(TExpr where, Chain chain) {
        List<TExpr> parts = where instanceof TExpr.Bool b && b.kind() == TExpr.BoolKind.AND ? b.args() : List.of(where);
        List<Conjunct> out = new ArrayList<>();
        int n = chain.items().size();
        for (TExpr part : parts) {
            BitSet items = new BitSet(n);
            boolean pinned = ExprRewrite.any(part, x -> {
                if (x instanceof TExpr.Var v && v.level() == 0) {
                    items.set(itemOf(chain, v.index()));
                }
                return x instanceof TExpr.SubLink;
            });
            out.add(new Conjunct(part, pinned || items.isEmpty() ? null : items));
        }
        return out;
    }

    private static int itemOf(Chain chain, int column) {
        int[] o = chain.offsets();
        for (int i = 0; i < o.length - 1; i++) {
            if (column < o[i + 1]) {
                return i;
            }
        }
        return o.length - 2;
    }
}
