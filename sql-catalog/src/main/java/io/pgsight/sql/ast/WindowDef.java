package io.pgsight.sql.ast;

import java.util.List;

/**
 * A window: {@code OVER name}, {@code OVER ([existing] PARTITION BY .. ORDER BY .. frame)} or an entry of a WINDOW
 * clause ({@code name} set).
 *
 * @param name    the window's own name (WINDOW clause entry) or null
 * @param refName the referenced window ({@code OVER w} or {@code OVER (w ORDER BY ..)}) or null
 * @param frame   the frame clause or null for the default frame
 */
public record WindowDef(String name, String refName, List<Expr> partitionBy, List<SortItem> orderBy, Frame frame,
                        int location) {
    public WindowDef {
        partitionBy = List.copyOf(partitionBy);
        orderBy = List.copyOf(orderBy);
    }

    /** {@code ROWS|RANGE|GROUPS BETWEEN start AND end [EXCLUDE ...]}; {@code end} null when written without BETWEEN. */
    public record Frame(FrameMode mode, FrameBound start, FrameBound end, FrameExclusion exclusion) {
    }

    public enum FrameMode { ROWS, RANGE, GROUPS }

    /** {@code offset} is set for OFFSET_PRECEDING and OFFSET_FOLLOWING. */
    public record FrameBound(FrameBoundKind kind, Expr offset) {
    }

    public enum FrameBoundKind { UNBOUNDED_PRECEDING, OFFSET_PRECEDING, CURRENT_ROW, OFFSET_FOLLOWING, UNBOUNDED_FOLLOWING }

    public enum FrameExclusion { NONE, CURRENT_ROW, GROUP, TIES, NO_OTHERS }
}
