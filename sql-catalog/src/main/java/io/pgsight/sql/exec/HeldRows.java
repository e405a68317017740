package io.pgsight.sql.exec;

/**
 * Rows one operator keeps in memory (a sort's input, a hash table, buffered aggregate inputs),
 * counted against the statement's bound ({@link StatementMemory}) while held and given back when the
 * operator's output is exhausted or closed, so a subquery run once per outer row does not add up.
 */
public final class HeldRows {
    /**
     * Rows are counted against the bound in batches of about this many bytes: array_agg holds every
     * element, and one bound check per element cost more than the element's arithmetic.
     */
    private static final long BATCH = 32 * 1024;

    private final SessionRuntime session;
    /** Reserved with the session. */
    private long bytes;
    /** Counted here, not yet reserved: at most one batch. */
    private long pending;

    public HeldRows(ExecContext ctx) {
        this.session = ctx.session();
    }

    /** Counts one more row; throws 53200 past the statement's bound (checked once a batch has gathered). */
    public void add(Object[] row) {
        add(ValueSizes.row(row));
    }

    /** Counts one more row of {@code size} bytes (as {@link ValueSizes#row} gives), for values not boxed in a row. */
    public void add(long size) {
        pending += size;
        if (pending >= BATCH) {
            long b = pending;
            pending = 0;
            session.reserveMemory(b);
            bytes += b;
        }
    }

    public void release() {
        pending = 0;
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
