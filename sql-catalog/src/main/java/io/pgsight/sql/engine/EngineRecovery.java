package io.pgsight.sql.engine;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.catalog.Catalog;
import io.pgsight.sql.catalog.IndexEntry;
import io.pgsight.sql.catalog.Sequence;
import io.pgsight.sql.catalog.Table;
import io.pgsight.sql.exec.ExecContext;
import io.pgsight.sql.exec.TableWriter;
import io.pgsight.sql.persist.CheckpointSource;
import io.pgsight.sql.persist.IndexSnapshotFiles;
import io.pgsight.sql.spi.IndexInstance;
import io.pgsight.sql.persist.RecoveryTarget;
import io.pgsight.sql.persist.RowCodec;
import io.pgsight.sql.persist.WalRecord;
import io.pgsight.sql.plan.Nodes;
import io.pgsight.sql.storage.RowVersion;
import io.pgsight.sql.txn.Snapshot;
import io.pgsight.sql.txn.TopTransaction;
import io.pgsight.sql.txn.TxnState;
import io.pgsight.sql.txn.Xid;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Applies the durable log to a fresh engine at start-up (DDL through internal sessions, rows straight
 * into storage under one committed recovery transaction, keeping their row ids), and writes the
 * engine's committed state for checkpoints.
 */
final class EngineRecovery implements RecoveryTarget, CheckpointSource {
    private static final int ROWS_PER_CHECKPOINT_RECORD = 1000;

    private final EngineImpl engine;
    private final PrintStream messages;
    private final Xid recovered;
    private final Map<String, SessionImpl> sessions = new HashMap<>();
    private final Set<Table> bulkLoaded = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Indexes restored from an image, with the image's row-id bound: ids below it may be in it already. */
    private final Map<IndexInstance, Long> restoredBelow = new IdentityHashMap<>();
    private final IndexImages images;
    private long skippedChanges;
    private int failedDdl;

    EngineRecovery(EngineImpl engine, Path dataDir, PrintStream messages) {
        this.engine = engine;
        this.messages = messages;
        this.images = new IndexImages(dataDir, messages);
        TopTransaction t = engine.transactions().begin();
        engine.transactions().end(t, true);
        this.recovered = engine.transactions().topXid(t);
    }

    // ------------------------------------------------------------------ replay

    @Override
    public void ddl(WalRecord.Ddl ddl) {
        closeSessions(); // DROP DATABASE refuses while other sessions use the database
        if (engine.database(ddl.database()) == null) {
            failedDdl++;
            return;
        }
        Map<String, String> options = ddl.searchPath() == null ? Map.of() : Map.of("search_path", ddl.searchPath());
        SessionImpl s = (SessionImpl) engine.openSession(ddl.user(), ddl.database(), options, null);
        s.keepDdlOnRollback();
        try {
            CommandRunner.CollectingSink sink = new CommandRunner.CollectingSink(new ArrayList<>());
            if (ddl.discardRows()) {
                // CREATE TABLE AS: its rows follow as a logged commit, so the query's own rows are rolled back
                s.execute("BEGIN", sink);
                s.execute(ddl.sql(), sink);
                s.execute("ROLLBACK", sink);
                purgeAborted(engine.database(ddl.database()).catalog());
            } else {
                s.execute(ddl.sql(), sink);
            }
        } catch (SqlException e) {
            failedDdl++;
            messages.println("pgsight: recovery: statement failed (" + e.getMessage() + "): " + ddl.sql());
        } finally {
            s.close();
        }
    }

    private static void purgeAborted(Catalog c) {
        for (Table t : c.relations()) {
            t.storage().removeIf(v -> v.xmin().state() == TxnState.ABORTED, v -> { });
        }
    }

    @Override
    public void sequence(WalRecord.SequenceValue value) {
        Database db = engine.database(value.database());
        Sequence s = db == null ? null : db.catalog().sequence(value.schema(), value.name());
        if (s == null) {
            skippedChanges++;
            return;
        }
        try {
            s.setValue(value.last(), value.called());
        } catch (SqlException e) {
            skippedChanges++;
        }
    }

    @Override
    public void commit(WalRecord.Commit commit, boolean bulk) {
        for (WalRecord.RowChange ch : commit.changes()) {
            Database db = engine.database(ch.database());
            Table t = db == null ? null : db.catalog().relation(ch.schema(), ch.table());
            if (t == null || t.kind() != Table.Kind.TABLE) {
                skippedChanges++;
                continue;
            }
            if (ch.insert()) {
                RowVersion v = t.storage().restore(ch.rowId(), RowCodec.decode(ch.encodedValues(), t.columns()), recovered);
                if (bulk) {
                    bulkLoaded.add(t);
                } else if (!t.indexes().isEmpty()) {
                    TableWriter w = writer(ch.database(), t);
                    Object[] row = Nodes.materialize(t, v, t.columns().size());
                    for (IndexEntry idx : t.indexes()) {
                        Object key = w.indexKey(idx, row);
                        if (restoredBelow.getOrDefault(idx.instance(), 0L) > v.rowId()) {
                            idx.instance().remove(v.rowId(), key); // its image may hold the row already
                        }
                        idx.instance().insert(v.rowId(), key);
                    }
                }
            } else {
                RowVersion v = t.storage().removeVersion(ch.rowId());
                if (v != null && !t.indexes().isEmpty()) {
                    TableWriter w = writer(ch.database(), t);
                    Object[] row = Nodes.materialize(t, v, t.columns().size());
                    for (IndexEntry idx : t.indexes()) {
                        idx.instance().remove(v.rowId(), w.indexKey(idx, row));
                    }
                }
            }
        }
    }

    private TableWriter writer(String database, Table t) {
        return new TableWriter(t, context(database));
    }

    @Override
    public void fillIndexes(long checkpointId) {
        Map<IndexSnapshotFiles.Key, Path> available = images.available(checkpointId);
        for (Database db : engine.databases()) {
            for (Table t : db.catalog().relations()) {
                if (!bulkLoaded.contains(t) || t.indexes().isEmpty()) {
                    continue;
                }
                List<RowVersion> rows = null;
                for (IndexEntry idx : List.copyOf(t.indexes())) {
                    Path image = available.get(IndexImages.key(db.name(), t, idx));
                    IndexImages.Restored r = image == null ? null : images.restore(checkpointId, image, db.name(),
                            db.catalog(), t, idx, context(db.name()));
                    if (r != null) {
                        replace(t, idx, r.entry());
                        restoredBelow.put(r.entry().instance(), r.nextRowId());
                        t.storage().reserveRowIds(r.nextRowId());
                        continue;
                    }
                    if (rows == null) {
                        rows = new ArrayList<>();
                        t.storage().scan().forEachRemaining(rows::add);
                    }
                    fill(db.name(), t, idx, rows);
                }
            }
        }
        bulkLoaded.clear();
    }

    /** Below this many rows CREATE INDEX is quick to replay, so it alone does not call for a new checkpoint. */
    static final int IMAGE_WORTH_ROWS = 10_000;

    private static void replace(Table t, IndexEntry old, IndexEntry restored) {
        List<IndexEntry> is = new ArrayList<>(t.indexes());
        is.set(is.indexOf(old), restored);
        t.setShape(new Table.Shape(t.columns(), t.constraints(), is));
    }

    private ExecContext context(String database) {
        SessionImpl s = sessions.computeIfAbsent(database,
                d -> (SessionImpl) engine.openSession("postgres", d, Map.of(), null));
        return new ExecContext(s, s.snapshot(), null);
    }

    /** True when an index that could have come from an image was built from rows instead (a fresh image saves that next time). */
    @Override
    public boolean wantsCheckpoint() {
        for (Database db : engine.databases()) {
            for (Table t : db.catalog().relations()) {
                for (IndexEntry idx : t.indexes()) {
                    if (t.kind() == Table.Kind.TABLE && idx.instance() != null && idx.instance().canSnapshot()
                            && !restoredBelow.containsKey(idx.instance())
                            && t.storage().versionCount() > 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Inserts every loaded row into one index. Index instances take concurrent inserts (SPI contract),
     * so plain column keys are inserted from several threads, as CREATE INDEX builds do; expression
     * keys are evaluated on one thread.
     */
    private void fill(String database, Table t, IndexEntry idx, List<RowVersion> rows) {
        long started = System.nanoTime();
        int width = t.columns().size();
        boolean expressions = idx.expressions().stream().anyMatch(e -> e != null);
        int threads = expressions ? 1 : Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), rows.size() / 10_000 + 1));
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        List<TableWriter> writers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            writers.add(writer(database, t));
        }
        RuntimeException[] failure = {null};
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            TableWriter writer = writers.get(w);
            Thread th = new Thread(() -> {
                try {
                    int i;
                    while ((i = next.getAndIncrement()) < rows.size() && failure[0] == null) {
                        RowVersion v = rows.get(i);
                        idx.instance().insert(v.rowId(), writer.indexKey(idx, Nodes.materialize(t, v, width)));
                        done.incrementAndGet();
                    }
                } catch (RuntimeException e) {
                    failure[0] = e;
                }
            }, "pgsight-recovery-index-" + w);
            workers.add(th);
            th.start();
        }
        for (Thread th : workers) {
            while (th.isAlive()) {
                try {
                    th.join(2_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (th.isAlive()) {
                    messages.printf("pgsight: recovery: building index \"%s\": %d of %d rows%n", idx.name(), done.get(),
                            rows.size());
                }
            }
        }
        if (failure[0] != null) {
            messages.println("pgsight: recovery: building index \"" + idx.name() + "\" failed: " + failure[0]);
        }
        if (rows.size() >= 10_000) {
            messages.printf("pgsight: recovery: built index \"%s\" (%s, %d rows, %d threads) in %d ms%n", idx.name(),
                    idx.accessMethod(), done.get(), threads, (System.nanoTime() - started) / 1_000_000);
        }
    }

    @Override
    public void finish() {
        fillIndexes(0); // a checkpoint cut short before its end marker still gets its indexes (its images are not used)
        closeSessions();
        if (skippedChanges > 0 || failedDdl > 0) {
            messages.printf("pgsight: recovery: %d logged statements failed, %d row changes had no table%n",
                    failedDdl, skippedChanges);
        }
    }

    private void closeSessions() {
        sessions.values().forEach(SessionImpl::close);
        sessions.clear();
    }

    // ------------------------------------------------------------------ checkpoint

    @Override
    public Runnable indexImages(long checkpointId) {
        return images.prepare(checkpointId, engine.databases());
    }

    @Override
    public void writeState(Consumer<WalRecord> out) {
        Snapshot snapshot = engine.transactions().snapshot(null, 0);
        for (Database db : engine.databases()) {
            Catalog c = db.catalog();
            for (Sequence s : c.sequences()) {
                long[] st = s.checkpointState();
                out.accept(new WalRecord.SequenceValue(db.name(), s.schema(), s.name(), st[0], st[1] != 0));
            }
            for (Table t : c.relations()) {
                if (t.kind() != Table.Kind.TABLE) {
                    continue;
                }
                List<WalRecord.RowChange> batch = new ArrayList<>();
                for (Iterator<RowVersion> it = t.storage().scan(); it.hasNext(); ) {
                    RowVersion v = it.next();
                    if (!v.visibleTo(snapshot)) {
                        continue;
                    }
                    batch.add(new WalRecord.RowChange(true, db.name(), t.schema(), t.name(), v.rowId(),
                            RowCodec.encode(v.values(), t.columns())));
                    if (batch.size() == ROWS_PER_CHECKPOINT_RECORD) {
                        out.accept(new WalRecord.Commit(batch));
                        batch.clear();
                    }
                }
                if (!batch.isEmpty()) {
                    out.accept(new WalRecord.Commit(batch));
                }
            }
        }
    }
}
