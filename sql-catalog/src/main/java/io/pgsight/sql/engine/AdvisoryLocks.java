package io.pgsight.sql.engine;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The engine's advisory locks (pg_advisory_lock and friends): per database, keyed by one bigint or two
 * ints, held exclusively or shared, at session or transaction level. A session never conflicts with
 * itself; locks are counted, so each acquisition needs its own release. Transaction-level locks go at
 * commit or rollback, all of a session's at disconnect. Waiters poll so cancellation and
 * statement_timeout still reach them.
 */
final class AdvisoryLocks {
    /** {@code space} 1 for a bigint key, 2 for an (int, int) pair, as pg_locks' objsubid. */
    record Key(int database, long key, int space) {
    }

    /** What one session holds on one key: session-level and transaction-level, exclusive and shared. */
    private static final class Held {
        int sessionExclusive;
        int sessionShared;
        int xactExclusive;
        int xactShared;

        boolean exclusive() {
            return sessionExclusive + xactExclusive > 0;
        }

        boolean empty() {
            return sessionExclusive + sessionShared + xactExclusive + xactShared == 0;
        }
    }

    private final Map<Key, Map<Object, Held>> locks = new HashMap<>();

    /** Takes the lock if no other session holds a conflicting one. */
    synchronized boolean tryAcquire(Key key, Object owner, boolean shared, boolean transactionLevel) {
        Map<Object, Held> holders = locks.computeIfAbsent(key, k -> new HashMap<>());
        for (Map.Entry<Object, Held> e : holders.entrySet()) {
            if (e.getKey() != owner && (!shared || e.getValue().exclusive())) {
                if (holders.isEmpty()) {
                    locks.remove(key);
                }
                return false;
            }
        }
        Held h = holders.computeIfAbsent(owner, o -> new Held());
        if (transactionLevel) {
            if (shared) {
                h.xactShared++;
            } else {
                h.xactExclusive++;
            }
        } else if (shared) {
            h.sessionShared++;
        } else {
            h.sessionExclusive++;
        }
        return true;
    }

    /** Waits for the lock; {@code checkCancelled} runs between tries and throws to give up. */
    void acquire(Key key, Object owner, boolean shared, boolean transactionLevel, Runnable checkCancelled) {
        while (true) {
            synchronized (this) {
                if (tryAcquire(key, owner, shared, transactionLevel)) {
                    return;
                }
                try {
                    wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            checkCancelled.run();
        }
    }

    /** Releases one session-level hold; false when the session held none of that mode. */
    synchronized boolean release(Key key, Object owner, boolean shared) {
        Map<Object, Held> holders = locks.get(key);
        Held h = holders == null ? null : holders.get(owner);
        if (h == null || (shared ? h.sessionShared : h.sessionExclusive) == 0) {
            return false;
        }
        if (shared) {
            h.sessionShared--;
        } else {
            h.sessionExclusive--;
        }
        forget(key, holders, owner, h);
        notifyAll();
        return true;
    }

    /** Drops the owner's transaction-level holds and/or its session-level ones. */
    synchronized void releaseAll(Object owner, boolean transactionLevel, boolean sessionLevel) {
        boolean changed = false;
        for (Iterator<Map.Entry<Key, Map<Object, Held>>> it = locks.entrySet().iterator(); it.hasNext(); ) {
            Map<Object, Held> holders = it.next().getValue();
            Held h = holders.get(owner);
            if (h == null) {
                continue;
            }
            changed = true;
            if (transactionLevel) {
                h.xactExclusive = 0;
                h.xactShared = 0;
            }
            if (sessionLevel) {
                h.sessionExclusive = 0;
                h.sessionShared = 0;
            }
            if (h.empty()) {
                holders.remove(owner);
            }
            if (holders.isEmpty()) {
                it.remove();
            }
        }
        if (changed) {
            notifyAll();
        }
    }

    private void forget(Key key, Map<Object, Held> holders, Object owner, Held h) {
        if (h.empty()) {
            holders.remove(owner);
            if (holders.isEmpty()) {
                locks.remove(key);
            }
        }
    }
}
