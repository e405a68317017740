package io.pgsight.sql.plan;

import io.pgsight.sql.analyze.TExpr;
import io.pgsight.sql.analyze.WindowCollector.WinCall;
import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.ast.WindowDef;
import io.pgsight.sql.catalog.FunctionBody;
import io.pgsight.sql.exec.EvalContext;
import io.pgsight.sql.exec.ExplainWriter;
import io.pgsight.sql.exec.PlanNode;
import io.pgsight.sql.exec.ValueOrder;
import io.pgsight.sql.spi.AggregateState;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;

/**
 * Computes window functions: input rows are materialised, partitioned and ordered per call, and each
 * call's value is appended to the row. Frames: the default (whole partition, or up to the last peer
 * with ORDER BY), ROWS/RANGE with UNBOUNDED/CURRENT ROW/n PRECEDING|FOLLOWING (n for ROWS).
 */
public record WindowAgg(PlanNode input, List<WinCall> calls, List<OutputColumn> columns) implements PlanNode {
    @Override
    public RowSource open(EvalContext outer) {
        List<Object[]> rows = new ArrayList<>();
        io.pgsight.sql.exec.HeldRows held = new io.pgsight.sql.exec.HeldRows(outer.exec());
        try (RowSource in = input.open(outer)) {
            for (Object[] r = in.next(); r != null; r = in.next()) {
                outer.exec().checkCancelled();
                held.add(r);
                rows.add(r);
            }
        }
        int width = input.columns().size();
        Object[][] out = new Object[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            Object[] r = java.util.Arrays.copyOf(rows.get(i), width + calls.size());
            out[i] = r;
        }
        List<Integer> outputOrder = null;
        for (int c = 0; c < calls.size(); c++) {
            List<Integer> order = compute(calls.get(c), rows, out, width + c, outer);
            if (outputOrder == null) {
                outputOrder = order;
            }
        }
        Iterator<Integer> it = outputOrder == null ? List.<Integer>of().iterator() : outputOrder.iterator();
        return held.releasingWhenDone(() -> it.hasNext() ? out[it.next()] : null);
    }

    private static List<Integer> compute(WinCall call, List<Object[]> rows, Object[][] out, int slot, EvalContext outer) {
        int n = rows.size();
        Object[][] pkeys = new Object[n][];
        Object[][] okeys = new Object[n][];
        for (int i = 0; i < n; i++) {
            EvalContext c = outer.withRow(rows.get(i));
            pkeys[i] = eval(call.partitionBy(), c);
            okeys[i] = eval(call.orderBy(), c);
        }
        Comparator<Integer> byOrder = (a, b) -> compareKeys(okeys[a], okeys[b], call.desc(), call.nullsFirst());
        TreeMap<Object[], List<Integer>> parts = new TreeMap<>(ValueOrder.INSTANCE::compare);
        for (int i = 0; i < n; i++) {
            parts.computeIfAbsent(pkeys[i], k -> new ArrayList<>()).add(i);
        }
        List<Integer> order = new ArrayList<>();
        for (List<Integer> part : parts.values()) {
            part.sort(byOrder);
            order.addAll(part);
            fill(call, part, rows, out, slot, okeys, outer);
        }
        return order;
    }

    private static Object[] eval(List<TExpr> exprs, EvalContext c) {
        Object[] k = new Object[exprs.size()];
        for (int i = 0; i < k.length; i++) {
            k[i] = exprs.get(i).eval(c);
        }
        return k;
    }

    private static int compareKeys(Object[] a, Object[] b, List<Boolean> desc, List<Boolean> nullsFirst) {
        for (int i = 0; i < a.length; i++) {
            Object x = a[i];
            Object y = b[i];
            if (x == null || y == null) {
                if (x == y) {
                    continue;
                }
                return (x == null) == nullsFirst.get(i) ? -1 : 1;
            }
            int c = ValueOrder.INSTANCE.compare(x, y);
            if (c != 0) {
                return desc.get(i) ? -c : c;
            }
        }
        return 0;
    }

    private static void fill(WinCall call, List<Integer> part, List<Object[]> rows, Object[][] out, int slot,
                             Object[][] okeys, EvalContext outer) {
        int n = part.size();
        int[] peerStart = new int[n];
        int[] peerEnd = new int[n];
        for (int i = 0; i < n; i++) {
            peerStart[i] = i > 0 && compareKeys(okeys[part.get(i)], okeys[part.get(i - 1)], call.desc(), call.nullsFirst()) == 0
                    ? peerStart[i - 1] : i;
        }
        for (int i = n - 1; i >= 0; i--) {
            peerEnd[i] = i < n - 1 && compareKeys(okeys[part.get(i)], okeys[part.get(i + 1)], call.desc(), call.nullsFirst()) == 0
                    ? peerEnd[i + 1] : i;
        }
        if (call.function() != null && call.function().body() instanceof FunctionBody.Window w) {
            String kind = w.kind().toString();
            int dense = 0;
            for (int i = 0; i < n; i++) {
                int row = part.get(i);
                EvalContext c = outer.withRow(rows.get(row));
                if (peerStart[i] == i) {
                    dense++;
                }
                Object v = switch (kind) {
                    case "ROW_NUMBER" -> (long) (i + 1);
                    case "RANK" -> (long) (peerStart[i] + 1);
                    case "DENSE_RANK" -> (long) dense;
                    case "PERCENT_RANK" -> n <= 1 ? 0.0 : (double) peerStart[i] / (n - 1);
                    case "CUME_DIST" -> (double) (peerEnd[i] + 1) / n;
                    case "NTILE" -> {
                        Object b = call.args().get(0).eval(c);
                        if (b == null) {
                            yield null;
                        }
                        int buckets = ((Number) b).intValue();
                        if (buckets <= 0) {
                            throw new SqlException("22014", "argument of ntile must be greater than zero");
                        }
                        int per = n / buckets;
                        int extra = n % buckets;
                        int bigRows = extra * (per + 1);
                        yield i < bigRows ? i / (per + 1) + 1 : extra + (i - bigRows) / Math.max(per, 1) + 1;
                    }
                    case "LAG", "LEAD" -> {
                        long off = call.args().size() > 1 ? ((Number) call.args().get(1).eval(c)).longValue() : 1;
                        long target = kind.equals("LAG") ? i - off : i + off;
                        if (target < 0 || target >= n) {
                            yield call.args().size() > 2 ? call.args().get(2).eval(c) : null;
                        }
                        yield call.args().get(0).eval(outer.withRow(rows.get(part.get((int) target))));
                    }
                    case "FIRST_VALUE", "LAST_VALUE", "NTH_VALUE" -> {
                        int[] fr = frame(call, i, n, peerStart, peerEnd, c);
                        int pick = kind.equals("FIRST_VALUE") ? fr[0] : kind.equals("LAST_VALUE") ? fr[1]
                                : fr[0] + ((Number) call.args().get(1).eval(c)).intValue() - 1;
                        yield pick < fr[0] || pick > fr[1] ? null
                                : call.args().get(0).eval(outer.withRow(rows.get(part.get(pick))));
                    }
                    default -> throw new SqlException("0A000", "window function " + kind.toLowerCase() + " is not supported");
                };
                out[row][slot] = v;
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            int row = part.get(i);
            EvalContext c = outer.withRow(rows.get(row));
            int[] fr = frame(call, i, n, peerStart, peerEnd, c);
            AggregateState st = call.aggregate().newState().get();
            for (int k = fr[0]; k <= fr[1]; k++) {
                Object[] args = eval(call.args(), outer.withRow(rows.get(part.get(k))));
                boolean nul = false;
                for (Object a : args) {
                    nul |= a == null;
                }
                if (!(nul && call.aggregate().strict())) {
                    st.add(outer.exec(), args);
                }
            }
            out[row][slot] = st.result(outer.exec());
        }
    }

    /** [first, last] partition positions of row {@code i}'s frame (last < first when empty). */
    private static int[] frame(WinCall call, int i, int n, int[] peerStart, int[] peerEnd, EvalContext c) {
        WindowDef.Frame f = call.frame();
        if (f == null) {
            return call.orderBy().isEmpty() ? new int[] {0, n - 1} : new int[] {0, peerEnd[i]};
        }
        boolean rows = f.mode() == WindowDef.FrameMode.ROWS;
        int start = bound(f.start(), call.frameOffsets().get(0), i, n, peerStart, peerEnd, rows, true, c);
        WindowDef.FrameBound endBound = f.end() != null ? f.end()
                : new WindowDef.FrameBound(WindowDef.FrameBoundKind.CURRENT_ROW, null);
        int end = bound(endBound, call.frameOffsets().get(1), i, n, peerStart, peerEnd, rows, false, c);
        return new int[] {Math.max(0, start), Math.min(n - 1, end)};
    }

    private static int bound(WindowDef.FrameBound b, TExpr offset, int i, int n, int[] peerStart, int[] peerEnd,
                             boolean rows, boolean isStart, EvalContext c) {
        return switch (b.kind()) {
            case UNBOUNDED_PRECEDING -> 0;
            case UNBOUNDED_FOLLOWING -> n - 1;
            case CURRENT_ROW -> rows ? i : isStart ? peerStart[i] : peerEnd[i];
            case OFFSET_PRECEDING -> i - (int) ((Number) offset.eval(c)).longValue();
            case OFFSET_FOLLOWING -> i + (int) ((Number) offset.eval(c)).longValue();
        };
    }

    @Override
    public List<PlanNode> children() {
        return List.of(input);
    }

    @Override
    public void explain(ExplainWriter w) {
        w.node("WindowAgg", 100, 8, List.of(), () -> input.explain(w));
    }
}
