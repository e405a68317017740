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

    private final DurableStore store;
    private final List<Change> changes = new ArrayList<>();
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

    /** Runs a DDL statement and logs it (unless {@code record} is null: temporary objects), holding the writer gate so a checkpoint sees both or neither. */
    void ddl(Runnable execute, WalRecord.Ddl record) {
        if (store == null || record == null) {
            execute.run();
            return;
        }
        Lock gate = store.writerGate();
        gate.lock();
        try {
            execute.run();
            logPosition = Math.max(logPosition, store.appendDdl(record));
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
        if (store == null || (changes.isEmpty() && logPosition == 0)) {
            end.run();
            clear();
            return;
        }
        Lock gate = store.writerGate();
        gate.lock();
        try {
            List<WalRecord.RowChange> record = rowChanges(top, database);
            long position = logPosition;
            if (!record.isEmpty()) {
                position = store.append(new WalRecord.Commit(record));
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

    void clear() {
        changes.clear();
        logPosition = 0;
    }

    /** The transaction's net effect: versions it stored and kept, versions of others it removed. */
    private List<WalRecord.RowChange> rowChanges(TopTransaction top, String database) {
        Set<RowVersion> deleted = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Change c : changes) {
            RowVersion v = c.version();
            if (!c.insert() && v.xmax() != null && v.xmax().top() == top && v.xmax().state() != TxnState.ABORTED) {
                deleted.add(v);
            }
        }
        Map<Table, Table> current = new IdentityHashMap<>();
        Set<RowVersion> logged = Collections.newSetFromMap(new IdentityHashMap<>());
        List<WalRecord.RowChange> out = new ArrayList<>();
        for (Change c : changes) {
            RowVersion v = c.version();
            Table t = current.computeIfAbsent(c.table(), old -> {
                Table now = c.catalog().relationByOid(old.oid());
                return now != null && now.storage() == old.storage() ? now : null;
            });
            if (t == null || !logged.add(v)) {
                continue;
            }
            boolean own = v.xmin().top() == top;
            if (c.insert()) {
                if (v.xmin().state() == TxnState.ABORTED || deleted.contains(v) || t.storage().get(v.rowId()) != v) {
                    continue;
                }
                out.add(new WalRecord.RowChange(true, database, t.schema(), t.name(), v.rowId(),
                        RowCodec.encode(v.values(), t.columns())));
            } else if (deleted.contains(v) && !own) {
                out.add(new WalRecord.RowChange(false, database, t.schema(), t.name(), v.rowId(), null));
            }
        }
        return out;
    }
}
