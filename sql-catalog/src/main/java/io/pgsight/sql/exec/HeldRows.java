package io.pgsight.sql.exec;

/**
 * Rows one operator keeps in memory (a sort's input, a hash table, buffered aggregate inputs),
 * counted against the statement's bound ({@link StatementMemory}) while held and given back when the
 * operator's output is exhausted or closed, so a subquery run once per outer row does not add up.
 */
public final class HeldRows {
    private final SessionRuntime session;
    private long bytes;

    public HeldRows(ExecContext ctx) {
        this.session = ctx.session();
    }

    /** Counts one more row; throws 53200 past the statement's bound. */
    public void add(Object[] row) {
        long b = ValueSizes.row(row);
        session.reserveMemory(b);
        bytes += b;
    }

    public void release() {
        if (bytes != 0) {
            session.releaseMemory(bytes);
            bytes = 0;
        }
    }

    /** {@code rows}, giving the memory back at its end or when closed. */
    public PlanNode.RowSource releasingWhenDone(PlanNode.RowSource rows) {
        return new PlanNode.RowSource() {
            @Override
            public Object[] next() {
                Object[] r = rows.next();
                if (r == null) {
                    release();
                }
                return r;
            }

            @Override
            public void close() {
                try {
                    rows.close();
                } finally {
                    release();
                }
            }
        };
    }
}
