package io.pgsight.sql.txn;

/**
 * A (sub)transaction id stamped on row versions. A savepoint opens a new Xid under the same
 * {@link TopTransaction}; rolling back to it marks its Xids aborted while the top may still commit.
 */
public final class Xid {
    private final long id;
    private final TopTransaction top;
    private volatile boolean rolledBack;

    Xid(long id, TopTransaction top) {
        this.id = id;
        this.top = top;
    }

    public long id() {
        return id;
    }

    public TopTransaction top() {
        return top;
    }

    void markRolledBack() {
        rolledBack = true;
    }

    public TxnState state() {
        return rolledBack ? TxnState.ABORTED : top.state();
    }
}
