package io.pgsight.sql.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds PostgreSQL-shaped EXPLAIN text. A child node's line is its parent's detail prefix plus
 * "->  "; its details sit six columns further in; InitPlan headers sit at the parent's detail prefix.
 */
public final class ExplainWriter {
    private final List<String> lines = new ArrayList<>();
    private final boolean costs;
    private String parentPrefix;
    private int initPlans;

    public ExplainWriter(boolean costs) {
        this.costs = costs;
    }

    public boolean costs() {
        return costs;
    }

    /** Writes a node, its details, then (via {@code children}) its inputs. */
    public void node(String label, double rows, int width, List<String> details, Runnable children) {
        String cost = costs ? String.format(Locale.ROOT, "  (cost=0.00..%.2f rows=%d width=%d)",
                Math.max(rows, 1) * 0.01 + 1, (long) Math.max(Math.round(rows), 1), width) : "";
        String own;
        if (parentPrefix == null) {
            lines.add(label + cost);
            own = "  ";
        } else {
            lines.add(parentPrefix + "->  " + label + cost);
            own = parentPrefix + "      ";
        }
        for (String d : details) {
            lines.add(own + d);
        }
        String saved = parentPrefix;
        parentPrefix = own;
        children.run();
        parentPrefix = saved;
    }

    /** Within a node's {@code children}: an "InitPlan n (returns $k)" header and its plan. */
    public void subplan(String header, Runnable plan) {
        String p = parentPrefix == null ? "" : parentPrefix;
        lines.add(p + header);
        String saved = parentPrefix;
        parentPrefix = p + "  ";
        plan.run();
        parentPrefix = saved;
    }

    private final java.util.Map<PlanNode, String> refnames = new java.util.IdentityHashMap<>();

    /** Gives every scanned relation a unique reference name the way EXPLAIN does (t, t_1, ...). */
    public void assignNames(PlanNode root) {
        java.util.Set<String> used = new java.util.HashSet<>();
        List<PlanNode> deferred = new ArrayList<>();
        walk(root, used, deferred);
        for (int i = 0; i < deferred.size(); i++) {
            walk(deferred.get(i), used, deferred);
        }
    }

    private void walk(PlanNode n, java.util.Set<String> used, List<PlanNode> deferred) {
        String[] rel = n.scannedRelation();
        if (rel != null) {
            String base = rel[1] != null ? rel[1] : rel[0];
            String name = base;
            for (int k = 1; used.contains(name); k++) {
                name = base + "_" + k;
            }
            used.add(name);
            refnames.put(n, name);
        }
        deferred.addAll(n.initPlans());
        for (PlanNode c : n.children()) {
            walk(c, used, deferred);
        }
    }

    /** "t" or "t alias" for a scan label. */
    public String relationLabel(PlanNode scan, String table, String alias) {
        String ref = refnames.getOrDefault(scan, alias != null ? alias : table);
        return ref.equals(table) ? table : table + " " + ref;
    }

    public int nextInitPlan() {
        return ++initPlans;
    }

    public List<String> lines() {
        return lines;
    }
}
