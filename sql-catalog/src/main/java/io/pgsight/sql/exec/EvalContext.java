package io.pgsight.sql.exec;

/**
 * The rows an expression sees while it is evaluated: the current row and, for correlated subqueries,
 * the rows of enclosing query levels ({@code outer}).
 */
public final class EvalContext {
    private final ExecContext exec;
    /** Replaced in place only on a cursor (see {@link #cursor}); fixed otherwise. */
    private Object[] row;
    private final EvalContext outer;
    private final boolean cursor;

    public EvalContext(ExecContext exec, Object[] row, EvalContext outer) {
        this(exec, row, outer, false);
    }

    private EvalContext(ExecContext exec, Object[] row, EvalContext outer, boolean cursor) {
        this.exec = exec;
        this.row = row;
        this.outer = outer;
        this.cursor = cursor;
    }

    public ExecContext exec() {
        return exec;
    }

    public Object[] row() {
        return row;
    }

    public EvalContext outer() {
        return outer;
    }

    public EvalContext withRow(Object[] r) {
        return new EvalContext(exec, r, outer);
    }

    /**
     * A context like {@code withRow} whose row {@link #moveTo} replaces, for an operator that evaluates
     * expressions over one input row at a time and keeps only their values (a streaming aggregate): one
     * object per scan instead of one per row. Nothing may hold on to it past the row it was moved to.
     */
    public EvalContext cursor() {
        return new EvalContext(exec, null, outer, true);
    }

    /** This cursor, now at row {@code r}. */
    public EvalContext moveTo(Object[] r) {
        if (!cursor) {
            throw new IllegalStateException("not a cursor");
        }
        row = r;
        return this;
    }

    /** A context for a subquery: the current one becomes its outer level. */
    public EvalContext nested() {
        return new EvalContext(exec, null, this);
    }

    public Object[] rowAt(int levelsUp) {
        EvalContext c = this;
        for (int i = 0; i < levelsUp; i++) {
            c = c.outer;
        }
        return c.row;
    }
}
