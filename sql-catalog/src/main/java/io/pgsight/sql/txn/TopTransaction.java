package io.pgsight.sql.txn;

/**
 * A top-level transaction as other sessions see it: its id, state and whom it waits for (for deadlock
 * detection). Row versions point at {@link Xid}s, which point here, so visibility needs no lookup table.
 */
public final class TopTransaction {
    private final long id;
    private volatile TxnState state = TxnState.IN_PROGRESS;
    private volatile TopTransaction waitingFor;

    TopTransaction(long id) {
        this.id = id;
    }

    public long id() {
        return id;
    }

    public TxnState state() {
        return state;
    }

    synchronized void finish(TxnState s) {
        state = s;
        notifyAll();
    }

    /** Blocks until this transaction ended or {@code millis} passed. */
    public synchronized void awaitEnd(long millis) throws InterruptedException {
        if (state == TxnState.IN_PROGRESS) {
            wait(millis);
        }
    }

    public TopTransaction waitingFor() {
        return waitingFor;
    }

    public void setWaitingFor(TopTransaction t) {
        waitingFor = t;
    }
}
