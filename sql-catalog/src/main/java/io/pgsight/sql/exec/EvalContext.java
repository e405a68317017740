package io.pgsight.sql.exec;

/**
 * The rows an expression sees while it is evaluated: the current row and, for correlated subqueries,
 * the rows of enclosing query levels ({@code outer}).
 */
public final class EvalContext {
    private final ExecContext exec;
    private final Object[] row;
    private final EvalContext outer;

    public EvalContext(ExecContext exec, Object[] row, EvalContext outer) {
        this.exec = exec;
        this.row = row;
        this.outer = outer;
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
