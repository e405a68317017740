package io.pgsight.sql.persist;

import io.pgsight.sql.api.SqlException;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Durability of a data directory: the in-memory engine stays the working set; DDL, sequence moves and
 * each committed transaction's row changes are appended to a write-ahead log, synced before the
 * commit is acknowledged; start-up replays the log. A checkpoint rewrites the log as the DDL history
 * plus the committed rows of the moment, so the log stays about the size of the data.
 *
 * <p>Writers (DDL execution, commit logging, sequence logging) hold {@link #writerGate()} shared; a
 * checkpoint holds it exclusively, so the state it copies matches the log it replaces.
 */
public final class DurableStore implements AutoCloseable {
    private static final long CHECKPOINT_MIN_GROWTH = 64L << 20;

    private final Path dir;
    private final WriteAheadLog log;
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private final List<WalRecord.Ddl> ddlHistory = new ArrayList<>();
    private final CheckpointSource source;
    private final PrintStream messages;
    private volatile long sizeAtCheckpoint;
    private final Thread checkpointer;
    private volatile boolean closed;
    /** Set when a checkpoint is worth writing before the log grows enough (index images to refresh). */
    private volatile boolean requested;
    private final Object checkpointing = new Object();
    /** Transactions whose DDL changed the in-memory catalog but is not logged yet (it is, at their commit). */
    private final java.util.concurrent.atomic.AtomicInteger uncommittedDdl = new java.util.concurrent.atomic.AtomicInteger();

    private final DirectoryLock lock;

    private DurableStore(Path dir, DirectoryLock lock, WriteAheadLog log, List<WalRecord.Ddl> history,
                         CheckpointSource source, PrintStream messages, long sizeAtCheckpoint) {
        this.dir = dir;
        this.lock = lock;
        this.log = log;
        this.ddlHistory.addAll(history);
        this.source = source;
        this.messages = messages;
        this.sizeAtCheckpoint = sizeAtCheckpoint;
        this.checkpointer = new Thread(this::checkpointLoop, "pgsight-checkpointer");
        checkpointer.setDaemon(true);
    }

    /** Opens {@code dir}, replaying its log into {@code target}, and starts the background checkpointer. */
    public static DurableStore open(Path dir, RecoveryTarget target, CheckpointSource source, PrintStream messages) {
        DirectoryLock lock = DirectoryLock.acquire(dir);
        try {
            Path file = dir.resolve(WriteAheadLog.FILE_NAME);
            long total = Files.exists(file) ? Files.size(file) : 0;
            long started = System.nanoTime();
            List<WalRecord.Ddl> history = new ArrayList<>();
            long[] counts = new long[3]; // records, rows, checkpoint end position
            boolean[] bulk = {false};
            List<WalRecord.Commit> unfinished = new ArrayList<>();
            long[] lastReport = {started};
            long[] position = {0};
            WriteAheadLog log = WriteAheadLog.open(dir, r -> {
                counts[0]++;
                if (r instanceof WalRecord.Ddl d) {
                    history.add(d);
                    target.ddl(d);
                } else if (r instanceof WalRecord.SequenceValue s) {
                    target.sequence(s);
                } else if (r instanceof WalRecord.Commit c) {
                    counts[1] += c.changes().size();
                    if (c.more()) {
                        unfinished.add(c);
                    } else {
                        for (WalRecord.Commit part : unfinished) {
                            target.commit(part, bulk[0]);
                        }
                        unfinished.clear();
                        target.commit(c, bulk[0]);
                    }
                } else if (r instanceof WalRecord.CheckpointStart) {
                    bulk[0] = true;
                } else if (r instanceof WalRecord.CheckpointEnd end) {
                    bulk[0] = false;
                    counts[2] = -1; // set to the position past this record (the progress callback below)
                    target.fillIndexes(end.id());
                }
                long now = System.nanoTime();
                if (now - lastReport[0] > 2_000_000_000L) {
                    lastReport[0] = now;
                    messages.printf("pgsight: recovery: %d of %d MB of the log replayed, %d row changes%n",
                            position[0] >> 20, total >> 20, counts[1]);
                }
            }, p -> {
                position[0] = p;
                if (counts[2] < 0) {
                    counts[2] = p;
                }
            });
            target.finish();
            if (counts[0] > 0) {
                messages.printf("pgsight: recovery: replayed %d log records (%d row changes, %d MB) in %d ms%n",
                        counts[0], counts[1], log.size() >> 20, (System.nanoTime() - started) / 1_000_000);
            }
            DurableStore store = new DurableStore(dir, lock, log, history, source, messages,
                    counts[2]); // a log never checkpointed is all tail
            store.requested = target.wantsCheckpoint();
            store.checkpointer.start();
            return store;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            lock.release();
            throw new IllegalStateException("cannot open data directory \"" + dir + "\": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            lock.release();
            throw e;
        }
    }

    public Path directory() {
        return dir;
    }

    /** Held shared by everything that changes logged state; see the class comment. */
    public Lock writerGate() {
        return gate.readLock();
    }

    /**
     * A transaction's DDL changed the catalog and will be logged at its commit (caller holds the writer
     * gate). Until {@link #ddlSettled}, checkpoints wait: the catalog they would copy is not the committed one.
     */
    public void ddlPending() {
        uncommittedDdl.incrementAndGet();
    }

    /** That transaction committed (its DDL is logged) or its changes were taken back. */
    public void ddlSettled() {
        uncommittedDdl.decrementAndGet();
    }

    /** Logs a DDL statement that succeeded (caller holds the writer gate). Returns the position to sync to. */
    public long appendDdl(WalRecord.Ddl ddl) {
        synchronized (ddlHistory) {
            ddlHistory.add(ddl);
        }
        return append(ddl);
    }

    /** Appends one transaction's commit records together (see {@link WalRecord.Commit#more()}). */
    public long appendCommit(java.util.Iterator<WalRecord.Commit> parts) {
        try {
            return log.appendAll(parts);
        } catch (IOException e) {
            throw writeFailure(e);
        }
    }

    public long append(WalRecord r) {
        try {
            return log.append(r);
        } catch (IOException e) {
            throw writeFailure(e);
        }
    }

    /** Waits until the log is on disk up to {@code position}. */
    public void awaitDurable(long position) {
        try {
            log.sync(position);
        } catch (IOException e) {
            throw writeFailure(e);
        }
    }

    private SqlException writeFailure(IOException e) {
        return new SqlException("58030", "could not write to file \"" + dir.resolve(WriteAheadLog.FILE_NAME) + "\": "
                + e.getMessage());
    }

    /**
     * Asks for a checkpoint within a few seconds even though the log has not grown much: after a large
     * index was built, so that a restart loads its image instead of building it again.
     */
    public void requestCheckpoint() {
        requested = true;
    }

    /**
     * Rewrites the log as DDL history + current committed state, blocking writers meanwhile; then,
     * with writers let in again, writes the images of the indexes that can be persisted.
     */
    public void checkpoint() {
        synchronized (checkpointing) {
            requested = false;
            long id = java.util.concurrent.ThreadLocalRandom.current().nextLong() | 1; // never 0 (logs without ids)
            Runnable images = writeLog(id);
            if (images != null) {
                images.run();
            }
        }
    }

    /** The log part of a checkpoint; returns the image writing that belongs to it, or null when it failed. */
    private Runnable writeLog(long id) {
        if (uncommittedDdl.get() > 0) {
            requested = true; // not even queued for the gate: writers would wait behind it for nothing
            return null;
        }
        gate.writeLock().lock();
        try {
            if (uncommittedDdl.get() > 0) {
                requested = true; // tried again in a few seconds
                return null;
            }
            long started = System.nanoTime();
            List<WalRecord.Ddl> history;
            synchronized (ddlHistory) {
                history = List.copyOf(ddlHistory);
            }
            long[] end = {0};
            Runnable[] images = {null};
            log.replace(ch -> {
                WriteAheadLog.writeRecord(ch, new WalRecord.CheckpointStart(id));
                for (WalRecord.Ddl d : history) {
                    WriteAheadLog.writeRecord(ch, d);
                }
                IOException[] failed = {null};
                source.writeState(r -> {
                    try {
                        if (failed[0] == null) {
                            WriteAheadLog.writeRecord(ch, r);
                        }
                    } catch (IOException e) {
                        failed[0] = e;
                    }
                });
                if (failed[0] != null) {
                    throw failed[0];
                }
                WriteAheadLog.writeRecord(ch, new WalRecord.CheckpointEnd(id));
                end[0] = ch.position();
                images[0] = source.indexImages(id); // chosen while no commit can slip in
            });
            sizeAtCheckpoint = end[0];
            messages.printf("pgsight: checkpoint written (%d MB) in %d ms%n", end[0] >> 20,
                    (System.nanoTime() - started) / 1_000_000);
            return images[0];
        } catch (IOException e) {
            messages.println("pgsight: checkpoint failed, keeping the current log: " + e);
            return null;
        } finally {
            gate.writeLock().unlock();
        }
    }

    private boolean checkpointDue() {
        long grown = log.size() - sizeAtCheckpoint;
        return grown > Math.max(CHECKPOINT_MIN_GROWTH, sizeAtCheckpoint);
    }

    private void checkpointLoop() {
        while (!closed) {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                return;
            }
            if (!closed && (requested || checkpointDue())) {
                checkpoint();
            }
        }
    }

    /** Clean shutdown: a final checkpoint when the log grew since the last one, then close. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        checkpointer.interrupt();
        if (requested || log.size() > sizeAtCheckpoint) {
            checkpoint();
        }
        try {
            log.close();
        } catch (IOException e) {
            messages.println("pgsight: closing the log failed: " + e);
        }
        lock.release();
    }

    /**
     * Stops like a kill -9 would: no checkpoint, no final sync; what was appended stays in the file.
     * For tests that restart an engine in the same JVM.
     */
    public void closeWithoutCheckpoint() {
        closed = true;
        checkpointer.interrupt();
        log.abandon();
        lock.release();
    }
}
