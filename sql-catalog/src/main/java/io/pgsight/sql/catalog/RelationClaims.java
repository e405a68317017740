package io.pgsight.sql.catalog;

import io.pgsight.sql.txn.TopTransaction;
import io.pgsight.sql.txn.TxnState;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Names of relations (tables, views, sequences) that a transaction changed by DDL and has not yet
 * committed or rolled back: PostgreSQL's AccessExclusiveLock, held to the end of the transaction. Any
 * other transaction that looks such a name up waits until the holder ends, so it never sees the
 * uncommitted state (a dropped, truncated, altered or new relation) and never writes rows that a
 * rollback or the durable log would disagree about.
 *
 * <p>How a thread waits is up to the session running on it ({@link Waiter}); a thread without one
 * (recovery, checkpoints) does not wait.
 */
public final class RelationClaims {
    /** The session running on this thread: its transaction, and how it waits for another one. */
    public interface Waiter {
        TopTransaction transaction();

        /** Returns once {@code holder} ended, or throws (cancelled, deadlock, or {@link Busy} to retry later). */
        void await(TopTransaction holder);
    }

    /** Thrown by a waiter that must not wait where it is (holding the DDL lock): retry the statement after waiting. */
    public static final class Busy extends RuntimeException {
        private final transient TopTransaction holder;

        public Busy(TopTransaction holder) {
            super("relation claimed by transaction " + holder.id(), null, false, false);
            this.holder = holder;
        }

        public TopTransaction holder() {
            return holder;
        }
    }

    private static final ThreadLocal<Waiter> CURRENT = new ThreadLocal<>();

    private final ConcurrentHashMap<String, TopTransaction> held = new ConcurrentHashMap<>();

    /** Makes {@code w} this thread's waiter; returns the previous one for {@link #restore}. */
    public static Waiter enter(Waiter w) {
        Waiter previous = CURRENT.get();
        CURRENT.set(w);
        return previous;
    }

    public static void restore(Waiter previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    private static String key(String schema, String name) {
        return schema + "." + name;
    }

    /** The in-progress transaction other than this thread's that holds the name, or null. */
    private TopTransaction otherHolder(String schema, String name, Waiter me) {
        TopTransaction h = held.get(key(schema, name));
        if (h == null || h.state() != TxnState.IN_PROGRESS || (me != null && h == me.transaction())) {
            return null;
        }
        return h;
    }

    /** The in-progress transaction other than {@code t} that holds {@code schema.name}, or null. */
    public TopTransaction heldByOther(String schema, String name, TopTransaction t) {
        if (held.isEmpty()) {
            return null;
        }
        TopTransaction h = held.get(key(schema, name));
        return h == null || h == t || h.state() != TxnState.IN_PROGRESS ? null : h;
    }

    /** Waits while another transaction holds {@code schema.name}. */
    public void awaitFree(String schema, String name) {
        if (held.isEmpty()) {
            return;
        }
        Waiter me = CURRENT.get();
        if (me == null) {
            return;
        }
        for (TopTransaction h = otherHolder(schema, name, me); h != null; h = otherHolder(schema, name, me)) {
            me.await(h);
        }
    }

    /** Takes the name for {@code t} until {@link #release}; waits (through this thread's waiter) while another holds it. */
    public void claim(String schema, String name, TopTransaction t) {
        String k = key(schema, name);
        while (true) {
            TopTransaction h = held.compute(k, (x, cur) -> cur == null || cur == t || cur.state() != TxnState.IN_PROGRESS
                    ? t : cur);
            if (h == t) {
                return;
            }
            Waiter me = CURRENT.get();
            if (me == null) {
                return; // nobody to wait for it: recovery replays one statement at a time
            }
            me.await(h);
        }
    }

    /** Takes the name for {@code t} unless another in-progress transaction holds it; true when taken. */
    public boolean tryClaim(String schema, String name, TopTransaction t) {
        if (t == null) {
            return false;
        }
        return held.compute(key(schema, name), (x, cur) -> cur == null || cur == t || cur.state() != TxnState.IN_PROGRESS
                ? t : cur) == t;
    }

    /** Gives the name back if {@code t} holds it. */
    public void release(String schema, String name, TopTransaction t) {
        held.remove(key(schema, name), t);
    }
}
