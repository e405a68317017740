package io.pgsight.sql.storage;

import io.pgsight.sql.txn.Snapshot;
import io.pgsight.sql.txn.Xid;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One version of a row: immutable values plus MVCC stamps. {@code rowId} is stable for the life of the
 * version, so indexes can reference it. An UPDATE ends this version (xmax) and links its successor.
 */
public final class RowVersion {
    /** CAS on {@link #xmax} in place: an AtomicReference per row would cost a million rows 16 MB more. */
    private static final VarHandle XMAX;

    static {
        try {
            XMAX = MethodHandles.lookup().findVarHandle(RowVersion.class, "xmax", Xid.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final long rowId;
    private final Object[] values;
    private final Xid xmin;
    private final int cmin;
    private volatile Xid xmax;
    private volatile int cmax;
    private volatile RowVersion successor;

    public RowVersion(long rowId, Object[] values, Xid xmin, int cmin) {
        this.rowId = rowId;
        this.values = values;
        this.xmin = xmin;
        this.cmin = cmin;
    }

    public long rowId() {
        return rowId;
    }

    /** The stored values; columns added later by ALTER TABLE may lie past the end. Do not mutate. */
    public Object[] values() {
        return values;
    }

    public Xid xmin() {
        return xmin;
    }

    public Xid xmax() {
        return xmax;
    }

    public int cmax() {
        return cmax;
    }

    public RowVersion successor() {
        return successor;
    }

    public void setSuccessor(RowVersion s) {
        successor = s;
    }

    /** Claims the row for deletion/update: succeeds only when xmax still is {@code expected}. */
    public boolean claim(Xid expected, Xid mine, int cid) {
        if (XMAX.compareAndSet(this, expected, mine)) {
            cmax = cid;
            return true;
        }
        return false;
    }

    public boolean visibleTo(Snapshot s) {
        return s.sees(xmin, cmin, xmax, cmax);
    }
}
