package io.pgsight.sql.catalog;

import io.pgsight.sql.storage.TableStorage;

import java.util.ArrayList;
import java.util.List;

/**
 * A pg_class row for a table or view. The shape (columns, constraints, indexes) is an immutable
 * snapshot replaced under the database's DDL lock, so readers never see a half-changed table.
 */
public final class Table {
    public enum Kind { TABLE, VIEW }

    private final int oid;
    private final String schema;
    private final String name;
    private final Kind kind;
    private final TableStorage storage;
    private final String viewSql;
    private volatile Shape shape;
    /**
     * Row writers share it; an index build holds it alone from its scan until the new shape is published, so
     * every row version is either seen by the build or written with the new index in the shape.
     */
    private final java.util.concurrent.locks.ReentrantReadWriteLock indexBuildGate =
            new java.util.concurrent.locks.ReentrantReadWriteLock();

    public record Shape(List<Column> columns, List<Constraint> constraints, List<IndexEntry> indexes) {
        public Shape {
            columns = List.copyOf(columns);
            constraints = List.copyOf(constraints);
            indexes = List.copyOf(indexes);
        }
    }

    public Table(int oid, String schema, String name, Kind kind, TableStorage storage, String viewSql, Shape shape) {
        this.oid = oid;
        this.schema = schema;
        this.name = name;
        this.kind = kind;
        this.storage = storage;
        this.viewSql = viewSql;
        this.shape = shape;
    }

    public int oid() {
        return oid;
    }

    public String schema() {
        return schema;
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    public TableStorage storage() {
        return storage;
    }

    public String viewSql() {
        return viewSql;
    }

    public Shape shape() {
        return shape;
    }

    public void setShape(Shape s) {
        shape = s;
        Catalog.schemaChanged();
    }

    /** Before storing a row version and its index entries; pair with {@link #endRowWrite}. */
    public void beginRowWrite() {
        // barges past a queued build: another writer may hold the gate while it waits for this one's transaction
        while (!indexBuildGate.readLock().tryLock()) {
            java.util.concurrent.locks.LockSupport.parkNanos(200_000);
        }
    }

    public void endRowWrite() {
        indexBuildGate.readLock().unlock();
    }

    /**
     * Waits for row writes in progress and keeps new ones out until {@link #endIndexBuild}. The wait stays
     * cancellable (a writer may be waiting on a transaction that waits on this build's DDL lock).
     */
    public void beginIndexBuild(Runnable checkCancelled) {
        try {
            while (!indexBuildGate.writeLock().tryLock(50, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                checkCancelled.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            checkCancelled.run();
            throw new IllegalStateException("interrupted while waiting to build an index", e);
        }
    }

    public void endIndexBuild() {
        indexBuildGate.writeLock().unlock();
    }

    public List<Column> columns() {
        return shape.columns();
    }

    /** Columns not dropped, in attnum order: what SELECT * shows. */
    public List<Column> liveColumns() {
        List<Column> out = new ArrayList<>();
        for (Column c : shape.columns()) {
            if (!c.dropped()) {
                out.add(c);
            }
        }
        return out;
    }

    public Column column(String n) {
        for (Column c : shape.columns()) {
            if (!c.dropped() && c.name().equals(n)) {
                return c;
            }
        }
        return null;
    }

    public List<IndexEntry> indexes() {
        return shape.indexes();
    }

    public List<Constraint> constraints() {
        return shape.constraints();
    }

    /** Value of column {@code attnum} in a stored row, reading past-the-end slots as the column's missing value. */
    public Object value(Object[] stored, int attnum) {
        int i = attnum - 1;
        if (i < stored.length) {
            return stored[i];
        }
        return shape.columns().get(i).missingValue();
    }
}
