package io.pgsight.sql.ast;

/**
 * An ORDER BY item: {@code expr [ASC | DESC | USING op] [NULLS FIRST | NULLS LAST]}.
 *
 * @param usingOp the operator of {@code USING op}, else null (then {@code direction} is USING)
 */
public record SortItem(Expr expr, Direction direction, OperatorName usingOp, NullsOrder nulls, int location) {
    public enum Direction { DEFAULT, ASC, DESC, USING }

    public enum NullsOrder { DEFAULT, FIRST, LAST }

    public static SortItem of(Expr expr) {
        return new SortItem(expr, Direction.DEFAULT, null, NullsOrder.DEFAULT, expr.location());
    }
}
