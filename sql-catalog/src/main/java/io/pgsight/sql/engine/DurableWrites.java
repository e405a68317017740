package io.pgsight.sql.engine;

import io.pgsight.sql.catalog.Catalog;
import io.pgsight.sql.catalog.Sequence;
import io.pgsight.sql.catalog.Table;
import io.pgsight.sql.persist.DurableStore;
import io.pgsight.sql.persist.RowCodec;
import io.pgsight.sql.persist.WalRecord;
import io.pgsight.sql.storage.RowVersion;
import io.pgsight.sql.txn.TopTransaction;
import io.pgsight.sql.txn.TxnState;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Lock;

/**
 * One session's side of durability: remembers the row versions its transaction wrote, and at commit
 * turns the surviving ones into a log record that is synced before the transaction ends (so nothing
 * acknowledged or visible to others can be lost). Unused (all no-ops) when the engine runs in memory.
 */
final class DurableWrites {
    private record Change(Catalog catalog, Table table, RowVersion version, boolean insert) {
    }

    /** A DDL statement of the open transaction, logged at commit; with the sequences it made or replaced. */
    private record PendingDdl(int depth, WalRecord.Ddl record, Catalog catalog, List<Sequence> sequences) {
    }

    private final DurableStore store;
    private final List<Change> changes = new ArrayList<>();
    private final List<PendingDdl> pendingDdl = new ArrayList<>();
    private long logPosition;

    DurableWrites(DurableStore store) {
        this.store = store;
    }

    boolean enabled() {
        return store != null;
    }

    void inserted(Catalog c, Table t, RowVersion v) {
        if (store != null) {
            changes.add(new Change(c, t, v, true));
        }
    }

    void deleted(Catalog c, Table t, RowVersion v) {
        if (store != null) {
            changes.add(new Change(c, t, v, false));
        }
    }

    /**
     * Runs a DDL statement (which returns the sequences it made or replaced) and keeps its record (null:
     * temporary objects, not logged) for the commit, as PostgreSQL's catalog changes become durable with
     * their transaction's commit record: a rollback or a crash before the commit logs nothing. It runs
     * holding the writer gate, and from then until the transaction ends no checkpoint copies the catalog
     * (which now holds uncommitted changes; see {@link DurableStore#ddlPending}).
     */
    void ddl(Catalog catalog, java.util.function.Supplier<List<Sequence>> execute, WalRecord.Ddl record, int depth,
             boolean commitsNext) {
        if (store == null || record == null) {
            execute.get();
            return;
        }
        Lock gate = store.writerGate();
        gate.lock();
        try {
            List<Sequence> made = execute.get();
            if (commitsNext) {
                // a client's statement outside a block: its commit comes next, and logging it now, in the
                // same hold of the gate, puts it before any other session's DDL that could use what it made
                logPosition = Math.max(logPosition, store.appendDdl(record));
                return;
            }
            if (pendingDdl.isEmpty()) {
                store.ddlPending();
            }
            pendingDdl.add(new PendingDdl(depth, record, catalog, made));
        } finally {
            gate.unlock();
        }
    }

    /** Forgets the DDL of savepoint depth {@code depth} and deeper (the catalog has been put back already). */
    void discardDdl(int depth) {
        if (pendingDdl.isEmpty()) {
            return;
        }
        pendingDdl.removeIf(p -> p.depth() >= depth);
        if (pendingDdl.isEmpty()) {
            store.ddlSettled();
        }
    }

    /** A released savepoint's DDL belongs to the level around it. */
    void releaseDdl(int depth) {
        pendingDdl.replaceAll(p -> p.depth() > depth ? new PendingDdl(depth, p.record(), p.catalog(), p.sequences()) : p);
    }

    /**
     * A large index that can be persisted was built: a checkpoint soon writes its image, so that a
     * restart (even after kill -9) loads it instead of building it again from the log.
     */
    void indexBuilt(io.pgsight.sql.spi.IndexInstance index, long rows) {
        if (store != null && index != null && index.canSnapshot() && rows >= EngineRecovery.IMAGE_WORTH_ROWS) {
            store.requestCheckpoint();
        }
    }

    /**
     * nextval: a record only when the last one no longer covers the value, i.e. every
     * {@link Sequence#LOG_AHEAD} values, as PostgreSQL does; this session's commit still syncs the record that
     * covers its value.
     */
    long nextval(String database, Sequence s) {
        if (store == null) {
            return s.next();
        }
        long[] covered = s.nextCovered();
        if (covered != null) {
            logPosition = Math.max(logPosition, covered[1]);
            return covered[0];
        }
        Lock gate = store.writerGate();
        gate.lock();
        try {
            synchronized (s) {
                long[] next = s.nextLogged();
                long position = store.append(new WalRecord.SequenceValue(database, s.schema(), s.name(), next[1], true));
                s.logged(position);
                logPosition = Math.max(logPosition, position);
                return next[0];
            }
        } finally {
            gate.unlock();
        }
    }

    /** Logs a sequence's new state; synced with the next commit of anyone (sequences are not transactional). */
    void sequence(String database, Sequence s) {
        if (store == null) {
            return;
        }
        Lock gate = store.writerGate();
        gate.lock();
        try {
            synchronized (s) {
                long[] st = s.state();
                logPosition = Math.max(logPosition,
                        store.append(new WalRecord.SequenceValue(database, s.schema(), s.name(), st[0], st[1] != 0)));
            }
        } finally {
            gate.unlock();
        }
    }

    /**
     * Commits {@code top}: logs its changes, waits for the sync unless {@code waitForSync} is false
     * (synchronous_commit = off), then runs {@code end} (which makes the changes visible).
     */
    void commit(TopTransaction top, String database, boolean waitForSync, Runnable end) {
        if (store == null || (changes.isEmpty() && logPosition == 0 && pendingDdl.isEmpty())) {
            end.run();
            clear();
            return;
        }
        Lock gate = store.writerGate();
        gate.lock();
        try {
            List<Kept> kept = keptChanges(top);
            long position = logPosition;
            position = Math.max(position, appendDdl(database));
            if (!kept.isEmpty()) {
                position = store.appendCommit(encoded(kept, database));
            }
            if (waitForSync) {
                store.awaitDurable(position);
            }
            end.run();
        } finally {
            gate.unlock();
            clear();
        }
    }

    /**
     * Before the commit record is made: a table this transaction wrote that another open transaction has
     * since dropped, truncated or altered is waited on, since which rows to log (and with which columns)
     * depends on whether that one commits or rolls back. The session's waiter does the waiting.
     */
    void awaitTablesSettled() {
        if (store == null || changes.isEmpty()) {
            return;
        }
        Set<Table> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Table last = null;
        for (Change c : changes) {
            if (c.table() != last && seen.add(c.table())) {
                c.catalog().claims().awaitFree(c.table().schema(), c.table().name());
            }
            last = c.table();
        }
    }

    void clear() {
        changes.clear();
        logPosition = 0;
        discardDdl(0);
    }

    /**
     * The transaction's DDL in the order it ran, then the state of the sequences it made or replaced
     * (their nextval records, written before the DDL that makes them on replay, found no sequence).
     */
    private long appendDdl(String database) {
        long position = 0;
        List<Sequence> sequences = new ArrayList<>();
        for (PendingDdl p : pendingDdl) {
            position = store.appendDdl(p.record());
            for (Sequence s : p.sequences()) {
                if (!sequences.contains(s) && p.catalog().allSequences().contains(s)) {
                    sequences.add(s);
                }
            }
        }
        for (Sequence s : sequences) {
            synchronized (s) {
                long[] st = s.state();
                position = store.append(new WalRecord.SequenceValue(database, s.schema(), s.name(), st[0], st[1] != 0));
            }
        }
        return position;
    }

    private record Kept(Table table, RowVersion version, boolean insert) {
    }

    private static final int CHANGES_PER_RECORD = 1000;

    /** The transaction's net effect: versions it stored and kept, versions of others it removed. */
    private List<Kept> keptChanges(TopTransaction top) {
        Set<RowVersion> deleted = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Change c : changes) {
            RowVersion v = c.version();
            if (!c.insert() && v.xmax() != null && v.xmax().top() == top && v.xmax().state() != TxnState.ABORTED) {
                deleted.add(v);
            }
        }
        Map<Table, Table> current = new IdentityHashMap<>();
        Set<RowVersion> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Kept> out = new ArrayList<>();
        for (Change c : changes) {
            RowVersion v = c.version();
            Table t = current.computeIfAbsent(c.table(), old -> {
                Table now = c.catalog().relationByOid(old.oid());
                return now != null && now.storage() == old.storage() ? now : null;
            });
            if (t == null || !seen.add(v)) {
                continue;
            }
            if (c.insert()) {
                if (v.xmin().state() != TxnState.ABORTED && !deleted.contains(v) && t.storage().get(v.rowId()) == v) {
                    out.add(new Kept(t, v, true));
                }
            } else if (deleted.contains(v) && v.xmin().top() != top) {
                out.add(new Kept(t, v, false));
            }
        }
        return out;
    }

    /** Commit records of at most {@link #CHANGES_PER_RECORD} changes, encoded only as the log asks for them. */
    private static Iterator<WalRecord.Commit> encoded(List<Kept> kept, String database) {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < kept.size();
            }

            @Override
            public WalRecord.Commit next() {
                int to = Math.min(kept.size(), next + CHANGES_PER_RECORD);
                List<WalRecord.RowChange> part = new ArrayList<>(to - next);
                for (int i = next; i < to; i++) {
                    Kept k = kept.get(i);
                    Table t = k.table();
                    part.add(new WalRecord.RowChange(k.insert(), database, t.schema(), t.name(), k.version().rowId(),
                            k.insert() ? RowCodec.encode(k.version().values(), t.columns()) : null));
                }
                next = to;
                return new WalRecord.Commit(part, to < kept.size());
            }
        };
    }
}
