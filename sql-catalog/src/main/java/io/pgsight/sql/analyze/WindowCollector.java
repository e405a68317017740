package io.pgsight.sql.analyze;

import io.pgsight.sql.ast.WindowDef;
import io.pgsight.sql.catalog.AggregateEntry;
import io.pgsight.sql.catalog.FunctionEntry;

import java.util.ArrayList;
import java.util.List;

/** Window function calls of one query level; the WindowAgg node computes them after grouping. */
public final class WindowCollector {
    /**
     * One call: either a window function ({@code function}, body {@code FunctionBody.Window}) or an
     * aggregate used with OVER ({@code aggregate}). {@code frame} is null for the default frame.
     */
    public record WinCall(FunctionEntry function, AggregateEntry aggregate, List<TExpr> args, boolean star,
                          List<TExpr> partitionBy, List<TExpr> orderBy, List<Boolean> desc, List<Boolean> nullsFirst,
                          WindowDef.Frame frame, List<TExpr> frameOffsets) {
        public WinCall mapExprs(java.util.function.UnaryOperator<TExpr> f) {
            return new WinCall(function, aggregate, args.stream().map(f).toList(), star,
                    partitionBy.stream().map(f).toList(), orderBy.stream().map(f).toList(), desc, nullsFirst, frame,
                    frameOffsets.stream().map(f).toList());
        }
    }

    private final List<WinCall> calls = new ArrayList<>();

    public int add(WinCall c) {
        calls.add(c);
        return calls.size() - 1;
    }

    public List<WinCall> calls() {
        return calls;
    }
}
