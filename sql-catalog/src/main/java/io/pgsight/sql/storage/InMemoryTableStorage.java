package io.pgsight.sql.storage;

import io.pgsight.sql.txn.Xid;

import java.util.Iterator;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Row versions in a concurrent sorted map keyed by row id: lock-free scans, ordered like a heap. */
public final class InMemoryTableStorage implements TableStorage {
    private final ConcurrentSkipListMap<Long, RowVersion> rows = new ConcurrentSkipListMap<>();
    private final AtomicLong nextRowId = new AtomicLong(1);

    @Override
    public RowVersion insert(Object[] values, Xid xmin, int cmin) {
        RowVersion v = new RowVersion(nextRowId.getAndIncrement(), values, xmin, cmin);
        rows.put(v.rowId(), v);
        return v;
    }

    @Override
    public Iterator<RowVersion> scan() {
        return rows.values().iterator();
    }

    @Override
    public RowVersion get(long rowId) {
        return rows.get(rowId);
    }

    @Override
    public int removeIf(Predicate<RowVersion> dead, Consumer<RowVersion> onRemove) {
        int n = 0;
        for (RowVersion v : rows.values()) {
            if (dead.test(v) && rows.remove(v.rowId(), v)) {
                onRemove.accept(v);
                n++;
            }
        }
        return n;
    }

    @Override
    public void clear() {
        rows.clear();
    }

    @Override
    public long versionCount() {
        return rows.size();
    }

    @Override
    public RowVersion restore(long rowId, Object[] values, Xid xmin) {
        RowVersion v = new RowVersion(rowId, values, xmin, 0);
        rows.put(rowId, v);
        nextRowId.accumulateAndGet(rowId + 1, Math::max);
        return v;
    }

    @Override
    public long nextRowId() {
        return nextRowId.get();
    }

    @Override
    public void reserveRowIds(long next) {
        nextRowId.accumulateAndGet(next, Math::max);
    }

    @Override
    public RowVersion removeVersion(long rowId) {
        return rows.remove(rowId);
    }
}
