package io.pgsight.sql.plan;

import io.pgsight.sql.analyze.AggCollector;
import io.pgsight.sql.analyze.Functions;
import io.pgsight.sql.analyze.TExpr;
import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.catalog.IndexEntry;
import io.pgsight.sql.catalog.Table;
import io.pgsight.sql.exec.EvalContext;
import io.pgsight.sql.exec.ExplainWriter;
import io.pgsight.sql.exec.PlanNode;
import io.pgsight.sql.exec.ValueOrder;
import io.pgsight.sql.spi.AggregateState;
import io.pgsight.sql.spi.IndexInstance;
import io.pgsight.sql.storage.RowVersion;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The executable plan nodes. Each opens a fresh pull-based row stream. */
public final class Nodes {
    private Nodes() {
    }

    static List<String> filterDetail(TExpr filter) {
        return filter == null ? List.of() : List.of("Filter: " + strip(filter.sql()));
    }

    static String strip(String s) {
        return s.startsWith("(") ? s : "(" + s + ")";
    }

    static boolean isTrue(Object o) {
        return Boolean.TRUE.equals(o);
    }

    /** Sequential scan of a table's visible row versions, optionally filtered. */
    public record SeqScan(Table table, String alias, List<OutputColumn> columns, TExpr filter) implements PlanNode {
        @Override
        public RowSource open(EvalContext outer) {
            Iterator<RowVersion> it = table.storage().scan();
            int width = table.columns().size();
            return () -> {
                while (it.hasNext()) {
                    outer.exec().checkCancelled();
                    RowVersion v = it.next();
                    if (!v.visibleTo(outer.exec().snapshot())) {
                        continue;
                    }
                    Object[] row = materialize(table, v, width);
                    if (filter == null || isTrue(filter.eval(outer.withRow(row)))) {
                        return row;
                    }
                }
                return null;
            };
        }

        @Override
        public void explain(ExplainWriter w) {
            String label = "Seq Scan on " + w.relationLabel(this, table.name(), alias);
            w.node(label, table.storage().versionCount(), 4 * columns.size(), filterDetail(filter), () -> { });
        }

        @Override
        public String[] scannedRelation() {
            return new String[] {table.name(), alias};
        }
    }

    /** The row's values padded to the table's width (columns added later read their missing value). */
    public static Object[] materialize(Table t, RowVersion v, int width) {
        Object[] stored = v.values();
        Object[] row = new Object[width];
        for (int i = 0; i < width; i++) {
            row[i] = t.value(stored, i + 1);
        }
        return row;
    }

    /** Primary-key/unique equality lookup through the engine's equality index. */
    public record IndexLookup(Table table, String alias, IndexEntry index, TExpr key, List<OutputColumn> columns,
                              TExpr filter, String condition) implements PlanNode {
        @Override
        public RowSource open(EvalContext outer) {
            Object k = key.eval(outer);
            Iterator<Long> ids = k == null ? List.<Long>of().iterator()
                    : ((io.pgsight.sql.catalog.EqualityIndex) index.instance()).lookup(k).stream().sorted().iterator();
            int width = table.columns().size();
            return () -> {
                while (ids.hasNext()) {
                    RowVersion v = table.storage().get(ids.next());
                    if (v == null || !v.visibleTo(outer.exec().snapshot())) {
                        continue;
                    }
                    Object[] row = materialize(table, v, width);
                    if (filter == null || isTrue(filter.eval(outer.withRow(row)))) {
                        return row;
                    }
                }
                return null;
            };
        }

        @Override
        public void explain(ExplainWriter w) {
            List<String> d = new ArrayList<>();
            d.add("Index Cond: " + condition);
            d.addAll(filterDetail(filter));
            w.node("Index Scan using " + index.name() + " on " + w.relationLabel(this, table.name(), alias), 1,
                    4 * columns.size(), d, () -> { });
        }

        @Override
        public String[] scannedRelation() {
            return new String[] {table.name(), alias};
        }
    }

    /** KNN: rows in index order of {@code column op query}; visibility and filters re-checked here. */
    public record IndexKnnScan(Table table, String alias, IndexEntry index, String operator, TExpr keyExpr, TExpr query,
                               List<OutputColumn> columns, TExpr filter, String orderByText) implements PlanNode {
        @Override
        public RowSource open(EvalContext outer) {
            Object q = query.eval(outer);
            if (q == null) {
                return () -> null;
            }
            IndexInstance.OrderedScan scan = index.instance().orderedScan(operator, q, outer.exec());
            int width = table.columns().size();
            java.util.Set<Long> seen = new java.util.HashSet<>();
            return new RowSource() {
                @Override
                public Object[] next() {
                    while (scan.next()) {
                        outer.exec().checkCancelled();
                        long id = scan.rowId();
                        if (!seen.add(id)) {
                            continue;
                        }
                        RowVersion v = table.storage().get(id);
                        if (v == null || !v.visibleTo(outer.exec().snapshot())) {
                            continue;
                        }
                        Object[] row = materialize(table, v, width);
                        if (filter == null || isTrue(filter.eval(outer.withRow(row)))) {
                            return row;
                        }
                    }
                    return null;
                }

                @Override
                public void close() {
                    scan.close();
                }
            };
        }

        @Override
        public void explain(ExplainWriter w) {
            List<String> d = new ArrayList<>();
            d.add("Order By: " + orderByText);
            d.addAll(filterDetail(filter));
            w.node("Index Scan using " + index.name() + " on " + w.relationLabel(this, table.name(), alias), 10,
                    4 * columns.size(), d, () -> { });
        }

        @Override
        public String[] scannedRelation() {
            return new String[] {table.name(), alias};
        }
    }

    /** Rows computed from expression lists (VALUES, SELECT without FROM). */
    public record ValuesScan(List<List<TExpr>> rows, List<OutputColumn> columns, boolean isResult) implements PlanNode {
        @Override
        public RowSource open(EvalContext outer) {
            Iterator<List<TExpr>> it = rows.iterator();
            return () -> {
                if (!it.hasNext()) {
                    return null;
                }
                List<TExpr> r = it.next();
                Object[] out = new Object[r.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = r.get(i).eval(outer.withRow(new Object[0]));
                }
                return out;
            };
        }

        @Override
        public void explain(ExplainWriter w) {
            w.node(isResult ? "Result" : "Values Scan on \"*VALUES*\"", rows.size(), 4, List.of(), () -> { });
        }
    }

    /** A set-returning function (or several, zipped) in FROM, optionally WITH ORDINALITY. */
    public record FunctionScan(List<TExpr.SrfCall> calls, List<Integer> widths, boolean ordinality, String alias,
                               List<OutputColumn> columns) implements PlanNode {
        @Override
        public RowSource open(EvalContext outer) {
            return open(outer, false);
        }

        @Override
        public RowSource openTransient(EvalContext outer) {
            return open(outer, true);
        }

        private RowSource open(EvalContext outer, boolean transientRows) {
            // opened once per SQL-function call, read once per element: arrays, no list look-ups per row
            @SuppressWarnings("unchecked")
            Iterator<Object>[] iterators = new Iterator[calls.size()];
            int[] width = new int[calls.size()];
            boolean[] recordResult = new boolean[calls.size()];
            for (int k = 0; k < iterators.length; k++) {
                TExpr.SrfCall c = calls.get(k);
                Object[] args = new Object[c.args().size()];
                boolean nullArg = false;
                for (int i = 0; i < args.length; i++) {
                    args[i] = c.args().get(i).eval(outer);
                    nullArg |= args[i] == null;
                }
                iterators[k] = nullArg && c.function().strict() ? java.util.Collections.emptyIterator()
                        : Functions.invokeSet(c.function(), args, outer);
                width[k] = widths.get(k);
                recordResult[k] = c.function().returnsRecord();
            }
            long[] n = {0};
            int rowWidth = columns.size();
            if (iterators.length == 1 && !ordinality) {
                Iterator<Object> it = iterators[0];
                Object[] shared = transientRows ? new Object[rowWidth] : null;
                // place() writes every column of a one-column row of a scalar function; else clear first
                boolean clear = rowWidth > 1 || recordResult[0];
                return () -> {
                    outer.exec().checkCancelled();
                    if (!it.hasNext()) {
                        return null;
                    }
                    Object[] row = shared;
                    if (row == null) {
                        row = new Object[rowWidth];
                    } else if (clear) {
                        java.util.Arrays.fill(row, null);
                    }
                    place(it.next(), width[0], recordResult[0], row, 0);
                    return row;
                };
            }
            return () -> {
                outer.exec().checkCancelled();
                Object[] row = new Object[rowWidth];
                boolean any = false;
                int pos = 0;
                for (int k = 0; k < iterators.length; k++) {
                    Iterator<Object> it = iterators[k];
                    int w = width[k];
                    if (it.hasNext()) {
                        any = true;
                        place(it.next(), w, recordResult[k], row, pos);
                    }
                    pos += w;
                }
                if (!any) {
                    return null;
                }
                if (ordinality) {
                    row[pos] = ++n[0];
                }
                return row;
            };
        }

        /** One function's value into its {@code width} columns of the row from {@code pos}. */
        private static void place(Object v, int width, boolean recordResult, Object[] row, int pos) {
            if (width == 1 && !(v instanceof Object[] && recordResult)) {
                row[pos] = v instanceof Object[] a && a.length == 1 ? a[0] : v;
            } else {
                Object[] a = (Object[]) v;
                System.arraycopy(a, 0, row, pos, Math.min(width, a.length));
            }
        }

        @Override
        public void explain(ExplainWriter w) {
            w.node("Function Scan on " + calls.get(0).function().name()
                    + (alias != null && !alias.equals(calls.get(0).function().name()) ? " " + alias : ""), 1000, 4,
                    List.of(), () -> { });
        }
    }

    public record Filter(PlanNode input, TExpr filter) implements PlanNode {
        @Override
        public List<OutputColumn> columns() {
            return input.columns();
        }

        @Override
        public RowSource open(EvalContext outer) {
            RowSource in = input.open(outer);
            return new RowSource() {
                @Override
                public Object[] next() {
                    for (Object[] r = in.next(); r != null; r = in.next()) {
                        if (isTrue(filter.eval(outer.withRow(r)))) {
                            return r;
                        }
                    }
                    return null;
                }

                @Override
                public void close() {
                    in.close();
                }
            };
        }

        @Override
        public List<PlanNode> children() {
            return List.of(input);
        }

        @Override
        public void explain(ExplainWriter w) {
            input.explain(w);
        }
    }

    /** Computes output expressions; set-returning calls at the top of an expression expand rows (ProjectSet). */
    public record Project(PlanNode input, List<TExpr> exprs, List<OutputColumn> columns, boolean hidden) implements PlanNode {
        @Override
        public RowSource open(EvalContext outer) {
            RowSource in = input.open(outer);
            boolean hasSrf = false;   // a loop, not a stream: opened once per SQL-function call
            for (TExpr e : exprs) {
                hasSrf |= e instanceof TExpr.SrfCall;
            }
            if (!hasSrf) {
                return new RowSource() {
                    @Override
                    public Object[] next() {
                        Object[] r = in.next();
                        if (r == null) {
                            return null;
                        }
                        EvalContext c = outer.withRow(r);
                        Object[] out = new Object[exprs.size()];
                        for (int i = 0; i < out.length; i++) {
                            out[i] = exprs.get(i).eval(c);
                        }
                        return out;
                    }

                    @Override
                    public void close() {
                        in.close();
                    }
                };
            }
            return new RowSource() {
                Object[] cur;
                List<Iterator<Object>> its;

                @Override
                public Object[] next() {
                    while (true) {
                        if (cur == null) {
                            cur = in.next();
                            if (cur == null) {
                                return null;
                            }
                            its = new ArrayList<>();
                            EvalContext c = outer.withRow(cur);
                            for (TExpr e : exprs) {
                                if (e instanceof TExpr.SrfCall s) {
                                    Object[] args = new Object[s.args().size()];
                                    boolean nul = false;
                                    for (int i = 0; i < args.length; i++) {
                                        args[i] = s.args().get(i).eval(c);
                                        nul |= args[i] == null;
                                    }
                                    its.add(nul && s.function().strict() ? List.of().iterator()
                                            : Functions.invokeSet(s.function(), args, c));
                                } else {
                                    its.add(null);
                                }
                            }
                        }
                        EvalContext c = outer.withRow(cur);
                        Object[] out = new Object[exprs.size()];
                        boolean any = false;
                        for (int i = 0; i < out.length; i++) {
                            Iterator<Object> it = its.get(i);
                            if (it == null) {
                                out[i] = exprs.get(i).eval(c);
                            } else if (it.hasNext()) {
                                any = true;
                                Object v = it.next();
                                out[i] = v instanceof Object[] a && a.length == 1 ? a[0] : v;
                            }
                        }
                        if (any) {
                            return out;
                        }
                        cur = null;
                    }
                }

                @Override
                public void close() {
                    in.close();
                }
            };
        }

        @Override
        public List<PlanNode> children() {
            return List.of(input);
        }

        @Override
        public void explain(ExplainWriter w) {
            if (exprs.stream().anyMatch(e -> e instanceof TExpr.SrfCall)) {
                w.node("ProjectSet", 1000, 4, List.of(), () -> input.explain(w));
            } else {
                input.explain(w);
            }
        }
    }

    public enum JoinKind { INNER, LEFT, RIGHT, FULL }

    /** Nested-loop join; the inner side is materialised once per execution. */
    public record NestedLoop(PlanNode left, PlanNode right, JoinKind kind, TExpr condition, List<OutputColumn> columns,
                             boolean parameterized) implements PlanNode {
        public NestedLoop(PlanNode left, PlanNode right, JoinKind kind, TExpr condition, List<OutputColumn> columns) {
            this(left, right, kind, condition, columns, false);
        }

        @Override
        public RowSource open(EvalContext outer) {
            if (parameterized) {
                return openParameterized(outer);
            }
            List<Object[]> inner = new ArrayList<>();
            io.pgsight.sql.exec.HeldRows held = new io.pgsight.sql.exec.HeldRows(outer.exec());
            try (RowSource r = right.open(outer)) {
                for (Object[] x = r.next(); x != null; x = r.next()) {
                    held.add(x);
                    inner.add(x);
                }
            }
            boolean[] innerMatched = new boolean[inner.size()];
            int lw = left.columns().size();
            int rw = right.columns().size();
            RowSource l = left.open(outer);
            return held.releasingWhenDone(new RowSource() {
                Object[] cur;
                int pos;
                boolean matched;
                int tail = -1;

                @Override
                public Object[] next() {
                    while (true) {
                        if (tail >= 0) {
                            while (tail < inner.size()) {
                                int i = tail++;
                                if (!innerMatched[i]) {
                                    Object[] out = new Object[lw + rw];
                                    System.arraycopy(inner.get(i), 0, out, lw, rw);
                                    return out;
                                }
                            }
                            return null;
                        }
                        if (cur == null) {
                            cur = l.next();
                            pos = 0;
                            matched = false;
                            if (cur == null) {
                                if (kind == JoinKind.RIGHT || kind == JoinKind.FULL) {
                                    tail = 0;
                                    continue;
                                }
                                return null;
                            }
                        }
                        while (pos < inner.size()) {
                            outer.exec().checkCancelled();
                            int i = pos++;
                            Object[] out = new Object[lw + rw];
                            System.arraycopy(cur, 0, out, 0, lw);
                            System.arraycopy(inner.get(i), 0, out, lw, rw);
                            if (condition == null || isTrue(condition.eval(outer.withRow(out)))) {
                                matched = true;
                                innerMatched[i] = true;
                                return out;
                            }
                        }
                        Object[] done = cur;
                        cur = null;
                        if (!matched && (kind == JoinKind.LEFT || kind == JoinKind.FULL)) {
                            Object[] out = new Object[lw + rw];
                            System.arraycopy(done, 0, out, 0, lw);
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

        @Override
        public List<PlanNode> children() {
            return List.of(left, right);
        }

        /** Inner side re-opened per outer row, which it sees as its current row (index lookups on t1.id). */
        private RowSource openParameterized(EvalContext outer) {
            return LateralJoin.loop(left, right, kind, condition, outer, outer::withRow);
        }

        @Override
        public void explain(ExplainWriter w) {
            String label = switch (kind) {
                case INNER -> "Nested Loop";
                case LEFT -> "Nested Loop Left Join";
                case RIGHT -> "Nested Loop Right Join";
                case FULL -> "Nested Loop Full Join";
            };
            List<String> d = condition == null ? List.of() : List.of("Join Filter: " + strip(condition.sql()));
            w.node(label, 100, 8, d, () -> {
                left.explain(w);
                right.explain(w);
            });
        }
    }

    /** Grouping and aggregation: output rows are [aggregate results..., group keys...]. */
    public record Aggregate(PlanNode input, List<TExpr> keys, List<AggCollector.AggCall> aggs, List<OutputColumn> columns)
            implements PlanNode {
        @Override
        public RowSource open(EvalContext outer) {
            if (streamable()) {
                return openStreaming(outer);
            }
            java.util.Map<Object[], List<List<Object[]>>> buffered = new java.util.TreeMap<>(ValueOrder.INSTANCE::compare);
            io.pgsight.sql.exec.HeldRows held = new io.pgsight.sql.exec.HeldRows(outer.exec());
            try (RowSource in = input.open(outer)) {
                for (Object[] r = in.next(); r != null; r = in.next()) {
                    outer.exec().checkCancelled();
                    EvalContext c = outer.withRow(r);
                    Object[] k = new Object[keys.size()];
                    for (int i = 0; i < k.length; i++) {
                        k[i] = keys.get(i).eval(c);
                    }
                    List<List<Object[]>> buf = buffered.computeIfAbsent(k, x -> {
                        List<List<Object[]>> l = new ArrayList<>();
                        for (int i = 0; i < aggs.size(); i++) {
                            l.add(new ArrayList<>());
                        }
                        return l;
                    });
                    for (int a = 0; a < aggs.size(); a++) {
                        AggCollector.AggCall call = aggs.get(a);
                        if (call.filter() != null && !isTrue(call.filter().eval(c))) {
                            continue;
                        }
                        Object[] args = new Object[call.args().size() + call.orderBy().size()];
                        for (int i = 0; i < call.args().size(); i++) {
                            args[i] = call.args().get(i).eval(c);
                        }
                        for (int i = 0; i < call.orderBy().size(); i++) {
                            args[call.args().size() + i] = call.orderBy().get(i).eval(c);
                        }
                        held.add(args);
                        buf.get(a).add(args);
                    }
                }
            }
            if (buffered.isEmpty() && keys.isEmpty()) {
                buffered.put(new Object[0], new ArrayList<>(java.util.Collections.nCopies(aggs.size(), List.<Object[]>of())));
            }
            return groupRows(buffered, held, (rows, a) -> finish(aggs.get(a), rows.get(a), outer));
        }

        /** One row per group, [aggregate results..., group keys...]; the groups' memory is given back at the end. */
        private <V> RowSource groupRows(java.util.Map<Object[], V> groups, io.pgsight.sql.exec.HeldRows held,
                                        java.util.function.BiFunction<V, Integer, Object> result) {
            Iterator<java.util.Map.Entry<Object[], V>> it = groups.entrySet().iterator();
            return held.releasingWhenDone(() -> {
                if (!it.hasNext()) {
                    return null;
                }
                var e = it.next();
                Object[] out = new Object[aggs.size() + keys.size()];
                for (int a = 0; a < aggs.size(); a++) {
                    out[a] = result.apply(e.getValue(), a);
                }
                System.arraycopy(e.getKey(), 0, out, aggs.size(), keys.size());
                return out;
            });
        }

        /**
         * Aggregates without ORDER BY or DISTINCT take their rows as they come, like PostgreSQL's
         * transition functions: no buffered argument rows, one state per aggregate per group.
         */
        private RowSource openStreaming(EvalContext outer) {
            io.pgsight.sql.spi.FunctionContext[] contexts = new io.pgsight.sql.spi.FunctionContext[aggs.size()];
            for (int a = 0; a < contexts.length; a++) {
                contexts[a] = io.pgsight.sql.analyze.Functions.contextFor(aggs.get(a).aggregate().argumentTypes(),
                        aggs.get(a).args(), outer.exec());
            }
            java.util.TreeMap<Object[], AggregateState[]> groups = new java.util.TreeMap<>(ValueOrder.INSTANCE::compare);
            AggregateState[] single = keys.isEmpty() ? newStates() : null;
            io.pgsight.sql.exec.HeldRows held = new io.pgsight.sql.exec.HeldRows(outer.exec());
            Object[][] reused = new Object[aggs.size()][];
            // a lone argument that is float8 arithmetic cast to real may reach the state unboxed
            TExpr.Cast[] realArgs = new TExpr.Cast[aggs.size()];
            for (int a = 0; a < realArgs.length; a++) {
                List<TExpr> args = aggs.get(a).args();
                if (args.size() == 1 && args.get(0) instanceof TExpr.Cast cast && cast.yieldsUnboxedReal()) {
                    realArgs[a] = cast;
                }
            }
            // each input row is done with (its values evaluated) before the next: one array and context for all
            EvalContext cursor = outer.cursor();
            try (RowSource in = input.openTransient(outer)) {
                for (Object[] r = in.next(); r != null; r = in.next()) {
                    outer.exec().checkCancelled();
                    EvalContext c = cursor.moveTo(r);
                    AggregateState[] states = single;
                    if (states == null) {
                        Object[] k = new Object[keys.size()];
                        for (int i = 0; i < k.length; i++) {
                            k[i] = keys.get(i).eval(c);
                        }
                        states = groups.get(k);
                        if (states == null) {
                            held.add(k);
                            states = newStates();
                            groups.put(k, states);
                        }
                    }
                    for (int a = 0; a < states.length; a++) {
                        AggCollector.AggCall call = aggs.get(a);
                        if (call.filter() != null && !isTrue(call.filter().eval(c))) {
                            continue;
                        }
                        Object real = null;
                        if (realArgs[a] != null) {
                            double d = realArgs[a].evalReal(c);
                            if (!TExpr.Cast.isNullReal(d)) {
                                if (states[a].addFloat4(contexts[a], (float) d)) {
                                    if (states[a].keepsInputs()) {
                                        held.add(io.pgsight.sql.exec.ValueSizes.ONE_BOXED_ROW);
                                    }
                                    continue;
                                }
                                real = (float) d;
                            }
                        }
                        List<TExpr> argExprs = call.args();
                        Object[] args = states[a].keepsArgumentArray() ? new Object[argExprs.size()]
                                : reusedArgs(reused, a, argExprs.size());
                        boolean anyNull = false;
                        for (int i = 0; i < args.length; i++) {
                            // the real argument was evaluated above (once: it may call random())
                            args[i] = realArgs[a] != null ? real : argExprs.get(i).eval(c);
                            anyNull |= args[i] == null;
                        }
                        if (!(anyNull && call.aggregate().strict())) {
                            states[a].add(contexts[a], args);
                            if (states[a].keepsInputs()) {
                                held.add(args);
                            }
                        }
                    }
                }
            }
            if (single != null) {
                groups.put(new Object[0], single);
            }
            return groupRows(groups, held, (states, a) -> states[a].result(contexts[a]));
        }

        /** The argument array handed to every add() of an aggregate that keeps none of them. */
        private static Object[] reusedArgs(Object[][] reused, int a, int size) {
            Object[] args = reused[a];
            if (args == null) {
                args = new Object[size];
                reused[a] = args;
            }
            return args;
        }

        private boolean streamable() {
            for (AggCollector.AggCall a : aggs) {
                if (!a.orderBy().isEmpty() || a.distinct()) {
                    return false;
                }
            }
            return true;
        }

        private AggregateState[] newStates() {
            AggregateState[] states = new AggregateState[aggs.size()];
            for (int a = 0; a < states.length; a++) {
                states[a] = aggs.get(a).aggregate().newState().get();
            }
            return states;
        }

        private static Object finish(AggCollector.AggCall call, List<Object[]> inputs, EvalContext outer) {
            List<Object[]> rows = new ArrayList<>(inputs);
            int nargs = call.args().size();
            if (!call.orderBy().isEmpty()) {
                rows.sort((x, y) -> {
                    for (int i = 0; i < call.orderBy().size(); i++) {
                        Object a = x[nargs + i];
                        Object b = y[nargs + i];
                        boolean desc = call.orderDesc().get(i);
                        // NULL sorts as the largest value: last ascending, first descending, as PostgreSQL's defaults
                        int c = a == null ? (b == null ? 0 : 1) : b == null ? -1 : ValueOrder.INSTANCE.compare(a, b);
                        if (c != 0) {
                            return desc ? -c : c;
                        }
                    }
                    return 0;
                });
            }
            if (call.distinct()) {
                List<Object[]> uniq = new ArrayList<>();
                java.util.TreeSet<Object[]> seen = new java.util.TreeSet<>((x, y) -> ValueOrder.INSTANCE.compare(
                        java.util.Arrays.copyOf(x, nargs), java.util.Arrays.copyOf(y, nargs)));
                for (Object[] r : rows) {
                    if (seen.add(r)) {
                        uniq.add(r);
                    }
                }
                rows = uniq;
            }
            AggregateState st = call.aggregate().newState().get();
            io.pgsight.sql.spi.FunctionContext ctx = io.pgsight.sql.analyze.Functions.contextFor(
                    call.aggregate().argumentTypes(), call.args(), outer.exec());
            for (Object[] r : rows) {
                Object[] args = java.util.Arrays.copyOf(r, nargs);
                if (call.aggregate().strict()) {
                    boolean nul = false;
                    for (Object a : args) {
                        nul |= a == null;
                    }
                    if (nul) {
                        continue;
                    }
                }
                st.add(ctx, args);
            }
            return st.result(ctx);
        }

        @Override
        public List<PlanNode> children() {
            return List.of(input);
        }

        @Override
        public void explain(ExplainWriter w) {
            List<String> d = new ArrayList<>();
            if (!keys.isEmpty()) {
                d.add("Group Key: " + String.join(", ", keys.stream().map(TExpr::sql).toList()));
            }
            w.node(keys.isEmpty() ? "Aggregate" : "HashAggregate", 10, 8, d, () -> input.explain(w));
        }
    }

    /** Sort on output slots. */
    public record Sort(PlanNode input, List<Integer> slots, List<Boolean> desc, List<Boolean> nullsFirst,
                       List<String> keyText) implements PlanNode {
        @Override
        public List<OutputColumn> columns() {
            return input.columns();
        }

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
            rows.sort(this::compareRows);
            Iterator<Object[]> it = rows.iterator();
            return held.releasingWhenDone(() -> it.hasNext() ? it.next() : null);
        }

        int compareRows(Object[] x, Object[] y) {
            for (int i = 0; i < slots.size(); i++) {
                Object a = x[slots.get(i)];
                Object b = y[slots.get(i)];
                int c;
                if (a == null || b == null) {
                    if (a == b) {
                        continue;
                    }
                    c = (a == null) == nullsFirst.get(i) ? -1 : 1;
                    return c;
                }
                c = ValueOrder.INSTANCE.compare(a, b);
                if (c != 0) {
                    return desc.get(i) ? -c : c;
                }
            }
            return 0;
        }

        /**
         * The first {@code k} rows of the sorted order, keeping only k rows at a time (PostgreSQL's
         * top-N heapsort under a LIMIT). Ties keep input order, so the rows equal the full sort's first k.
         */
        RowSource openTopN(EvalContext outer, int k) {
            java.util.PriorityQueue<Object[]> worstFirst = new java.util.PriorityQueue<>(k + 1, (x, y) -> {
                int c = compareRows((Object[]) x[0], (Object[]) y[0]);
                return c != 0 ? -c : -Long.compare((Long) x[1], (Long) y[1]);
            });
            io.pgsight.sql.exec.HeldRows held = new io.pgsight.sql.exec.HeldRows(outer.exec());
            long seq = 0;
            try (RowSource in = input.open(outer)) {
                for (Object[] r = in.next(); r != null; r = in.next()) {
                    outer.exec().checkCancelled();
                    if (worstFirst.size() == k && compareRows(r, (Object[]) worstFirst.peek()[0]) >= 0) {
                        continue; // not better than the worst kept row
                    }
                    held.add(r);
                    worstFirst.add(new Object[] {r, seq++});
                    if (worstFirst.size() > k) {
                        worstFirst.poll();
                    }
                }
            }
            Object[][] best = new Object[worstFirst.size()][];
            for (int i = best.length - 1; i >= 0; i--) {
                best[i] = (Object[]) worstFirst.poll()[0];
            }
            Iterator<Object[]> it = java.util.Arrays.asList(best).iterator();
            return held.releasingWhenDone(() -> it.hasNext() ? it.next() : null);
        }

        @Override
        public List<PlanNode> children() {
            return List.of(input);
        }

        @Override
        public void explain(ExplainWriter w) {
            w.node("Sort", 100, 8, List.of("Sort Key: " + String.join(", ", keyText)), () -> input.explain(w));
        }
    }

    /** LIMIT/OFFSET; with {@code withTies} (FETCH ... WITH TIES) rows tying with the last one on the sort keys follow it. */
    public record Limit(PlanNode input, TExpr limit, TExpr offset, List<TExpr.SubLink> initPlanLinks, boolean withTies)
            implements PlanNode {
        /** Above this many rows a LIMIT over a sort sorts everything (the bounded heap stops paying). */
        static final long TOP_N_MAX = 100_000;

        @Override
        public List<OutputColumn> columns() {
            return input.columns();
        }

        @Override
        public RowSource open(EvalContext outer) {
            long lim = limit == null ? Long.MAX_VALUE : num(limit.eval(outer), "LIMIT");
            long off = offset == null ? 0 : num(offset.eval(outer), "OFFSET");
            Sort ties = withTies && input instanceof Sort s ? s : null;
            RowSource in = ties == null && input instanceof Sort sort && lim < TOP_N_MAX && off < TOP_N_MAX && lim + off > 0
                    ? sort.openTopN(outer, (int) (lim + off)) : input.open(outer);
            long[] state = {0, 0};
            return new RowSource() {
                Object[] last;

                @Override
                public Object[] next() {
                    while (state[0] < off) {
                        if (in.next() == null) {
                            return null;
                        }
                        state[0]++;
                    }
                    if (state[1] >= lim) {
                        if (ties == null || last == null) {
                            return null;
                        }
                        Object[] r = in.next();
                        if (r == null || ties.compareRows(r, last) != 0) {
                            last = null;
                            return null;
                        }
                        return r;
                    }
                    Object[] r = in.next();
                    if (r != null) {
                        state[1]++;
                        last = r;
                    }
                    return r;
                }

                @Override
                public void close() {
                    in.close();
                }
            };
        }

        private static long num(Object v, String what) {
            if (v == null) {
                return what.equals("LIMIT") ? Long.MAX_VALUE : 0;
            }
            long n = ((Number) v).longValue();
            if (n < 0) {
                throw new SqlException("2201W", what + " must not be negative");
            }
            return n;
        }

        @Override
        public List<PlanNode> children() {
            return List.of(input);
        }

        @Override
        public List<PlanNode> initPlans() {
            return initPlanLinks.stream().map(TExpr.SubLink::plan).toList();
        }

        @Override
        public void explain(ExplainWriter w) {
            w.node("Limit", 10, 8, List.of(), () -> {
                for (TExpr.SubLink s : initPlanLinks) {
                    int n = w.nextInitPlan();
                    w.subplan("InitPlan " + n + " (returns $" + (n - 1) + ")", () -> s.plan().explain(w));
                }
                input.explain(w);
            });
        }
    }

    /** DISTINCT / DISTINCT ON: keeps the first row per key (input sorted when ON is used). */
    public record Unique(PlanNode input, List<Integer> keySlots) implements PlanNode {
        @Override
        public List<OutputColumn> columns() {
            return input.columns();
        }

        @Override
        public RowSource open(EvalContext outer) {
            RowSource in = input.open(outer);
            java.util.TreeSet<Object[]> seen = new java.util.TreeSet<>(ValueOrder.INSTANCE::compare);
            io.pgsight.sql.exec.HeldRows held = new io.pgsight.sql.exec.HeldRows(outer.exec());
            return held.releasingWhenDone(new RowSource() {
                @Override
                public Object[] next() {
                    for (Object[] r = in.next(); r != null; r = in.next()) {
                        Object[] k = new Object[keySlots.size()];
                        for (int i = 0; i < k.length; i++) {
                            k[i] = r[keySlots.get(i)];
                        }
                        if (seen.add(k)) {
                            held.add(k);
                            return r;
                        }
                    }
                    return null;
                }

                @Override
                public void close() {
                    in.close();
                }
            });
        }

        @Override
        public List<PlanNode> children() {
            return List.of(input);
        }

        @Override
        public void explain(ExplainWriter w) {
            w.node("Unique", 10, 8, List.of(), () -> input.explain(w));
        }
    }

    /** UNION / INTERSECT / EXCEPT [ALL]. */
    public record SetOp(String op, boolean all, PlanNode left, PlanNode right, List<OutputColumn> columns)
            implements PlanNode {
        @Override
        public RowSource open(EvalContext outer) {
            List<Object[]> out = new ArrayList<>();
            io.pgsight.sql.exec.HeldRows held = new io.pgsight.sql.exec.HeldRows(outer.exec());
            List<Object[]> l = drain(left, outer, held);
            List<Object[]> r = drain(right, outer, held);
            java.util.Comparator<Object[]> cmp = ValueOrder.INSTANCE::compare;
            switch (op) {
                case "UNION" -> {
                    out.addAll(l);
                    out.addAll(r);
                    if (!all) {
                        java.util.TreeSet<Object[]> seen = new java.util.TreeSet<>(cmp);
                        out.removeIf(x -> !seen.add(x));
                    }
                }
                case "INTERSECT" -> {
                    java.util.TreeMap<Object[], Integer> counts = new java.util.TreeMap<>(cmp);
                    for (Object[] x : r) {
                        counts.merge(x, 1, Integer::sum);
                    }
                    java.util.TreeSet<Object[]> emitted = new java.util.TreeSet<>(cmp);
                    for (Object[] x : l) {
                        Integer c = counts.get(x);
                        if (c != null && c > 0 && (all || emitted.add(x))) {
                            out.add(x);
                            counts.put(x, c - 1);
                        }
                    }
                }
                default -> {
                    java.util.TreeMap<Object[], Integer> counts = new java.util.TreeMap<>(cmp);
                    for (Object[] x : r) {
                        counts.merge(x, 1, Integer::sum);
                    }
                    java.util.TreeSet<Object[]> emitted = new java.util.TreeSet<>(cmp);
                    for (Object[] x : l) {
                        Integer c = counts.get(x);
                        if (c != null && c > 0) {
                            if (all) {
                                counts.put(x, c - 1);
                            }
                            continue;
                        }
                        if (all || emitted.add(x)) {
                            out.add(x);
                        }
                    }
                }
            }
            Iterator<Object[]> it = out.iterator();
            return held.releasingWhenDone(() -> it.hasNext() ? it.next() : null);
        }

        static List<Object[]> drain(PlanNode n, EvalContext outer, io.pgsight.sql.exec.HeldRows held) {
            List<Object[]> rows = new ArrayList<>();
            try (RowSource s = n.open(outer)) {
                for (Object[] r = s.next(); r != null; r = s.next()) {
                    held.add(r);
                    rows.add(r);
                }
            }
            return rows;
        }

        @Override
        public List<PlanNode> children() {
            return List.of(left, right);
        }

        @Override
        public void explain(ExplainWriter w) {
            w.node(op.equals("UNION") ? (all ? "Append" : "HashAggregate") : "HashSetOp " + op.charAt(0)
                    + op.substring(1).toLowerCase(java.util.Locale.ROOT), 10, 8, List.of(), () -> {
                        left.explain(w);
                        right.explain(w);
                    });
        }
    }

    /** A subquery in FROM (or a view / CTE reference). */
    public record SubqueryScan(PlanNode input, String alias, List<OutputColumn> columns) implements PlanNode {
        @Override
        public RowSource open(EvalContext outer) {
            return input.open(outer);
        }

        @Override
        public List<PlanNode> children() {
            return List.of(input);
        }

        @Override
        public void explain(ExplainWriter w) {
            w.node("Subquery Scan on " + alias, 10, 8, List.of(), () -> input.explain(w));
        }
    }
}
