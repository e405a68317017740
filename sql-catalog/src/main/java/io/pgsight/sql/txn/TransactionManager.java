package io.pgsight.sql.txn;

import io.pgsight.sql.api.SqlException;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands out transaction ids and snapshots. The short critical section around id assignment, commit
 * and snapshot copies keeps "committed before my snapshot" well defined (as PostgreSQL's ProcArray).
 */
public final class TransactionManager {
    private final Object procArray = new Object();
    private long nextId = 3;
    private final Set<TopTransaction> active = ConcurrentHashMap.newKeySet();
    /**
     * An immutable copy of {@code active}, remade only after a transaction began or ended: a snapshot per
     * SQL-function call (PostgreSQL takes one per statement of a volatile function) then costs no copy.
     * Guarded by procArray.
     */
    private Set<TopTransaction> activeCopy;

    public TopTransaction begin() {
        synchronized (procArray) {
            TopTransaction t = new TopTransaction(nextId++);
            active.add(t);
            activeCopy = null;
            return t;
        }
    }

    public Xid newXid(TopTransaction top) {
        synchronized (procArray) {
            return new Xid(nextId++, top);
        }
    }

    public Xid topXid(TopTransaction top) {
        return new Xid(top.id(), top);
    }

    public void rollbackSub(Xid xid) {
        xid.markRolledBack();
    }

    public void end(TopTransaction t, boolean commit) {
        synchronized (procArray) {
            active.remove(t);
            activeCopy = null;
            t.finish(commit ? TxnState.COMMITTED : TxnState.ABORTED);
        }
    }

    public Snapshot snapshot(TopTransaction own, int commandId) {
        synchronized (procArray) {
            if (activeCopy == null) {
                activeCopy = Set.copyOf(active);
            }
            return new Snapshot(own, nextId, activeCopy, commandId);
        }
    }

    /** Oldest transaction id still running: versions deleted before it are dead to everyone. */
    public long horizon() {
        synchronized (procArray) {
            long min = nextId;
            for (TopTransaction t : active) {
                min = Math.min(min, t.id());
            }
            return min;
        }
    }

    /** Waits for {@code other} to end, detecting cycles of waiters (40P01). */
    public void waitFor(TopTransaction me, TopTransaction other, Runnable checkCancelled) {
        for (TopTransaction t = other; t != null; t = t.waitingFor()) {
            if (t == me) {
                throw new SqlException("40P01", "deadlock detected")
                        .withDetail("Process waits for ShareLock on transaction " + other.id()
                                + "; blocked by another process.");
            }
        }
        me.setWaitingFor(other);
        try {
            while (other.state() == TxnState.IN_PROGRESS) {
                checkCancelled.run();
                try {
                    other.awaitEnd(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SqlException("57014", "canceling statement due to user request");
                }
            }
        } finally {
            me.setWaitingFor(null);
        }
    }
}
