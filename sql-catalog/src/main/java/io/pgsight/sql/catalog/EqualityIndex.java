package io.pgsight.sql.catalog;

import io.pgsight.sql.spi.FunctionContext;
import io.pgsight.sql.spi.IndexInstance;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The engine's own index for btree/hash: key -> row ids. It answers equality lookups (primary key,
 * unique checks, WHERE col = const) but no ordered scans. Keys go through {@link IndexKey}.
 */
public final class EqualityIndex implements IndexInstance {
    private final ConcurrentHashMap<Object, Set<Long>> map = new ConcurrentHashMap<>();

    @Override
    public void insert(long rowId, Object key) {
        if (key == null) {
            return;
        }
        map.computeIfAbsent(IndexKey.of(key), k -> ConcurrentHashMap.newKeySet()).add(rowId);
    }

    @Override
    public void remove(long rowId, Object key) {
        if (key == null) {
            return;
        }
        map.computeIfPresent(IndexKey.of(key), (k, s) -> {
            s.remove(rowId);
            return s.isEmpty() ? null : s;
        });
    }

    /** Row ids stored under {@code key} (a snapshot copy). */
    public Set<Long> lookup(Object key) {
        Set<Long> s = map.get(IndexKey.of(key));
        return s == null ? Set.of() : Set.copyOf(s);
    }

    /**
     * Runs {@code decide} atomically for {@code key}: it sees the current row ids and returns true to
     * add {@code rowId}. Used for unique checks, so two inserters of one key serialise here.
     */
    public boolean insertIf(long rowId, Object key, Function<Set<Long>, Boolean> decide) {
        boolean[] added = {false};
        map.compute(IndexKey.of(key), (k, s) -> {
            Set<Long> cur = s == null ? ConcurrentHashMap.newKeySet() : s;
            if (decide.apply(s == null ? Set.of() : Set.copyOf(cur))) {   // a new key (every serial id): no copy
                cur.add(rowId);
                added[0] = true;
            }
            return cur.isEmpty() ? null : cur;
        });
        return added[0];
    }

    public void clear() {
        map.clear();
    }

    @Override
    public OrderedScan orderedScan(String operator, Object query, FunctionContext ctx) {
        throw new UnsupportedOperationException("equality index has no ordered scan");
    }

    @Override
    public long sizeBytes() {
        return map.size() * 64L;
    }
}
