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
    /**
     * key -> its row ids: a Long for the usual single version, else an immutable Set of Longs. Values are
     * replaced, never mutated, inside the map's per-key atomic compute (a serial primary key of a million
     * rows holds a million Longs, not a million concurrent sets).
     */
    private final ConcurrentHashMap<Object, Object> map = new ConcurrentHashMap<>();

    @Override
    public void insert(long rowId, Object key) {
        if (key == null) {
            return;
        }
        map.compute(IndexKey.of(key), (k, ids) -> ids == null ? single(k, rowId) : with(ids, rowId));
    }

    /**
     * The value for a key's first row id: the key object itself when it is that same Long (a serial
     * key inserted in row order, as a bulk load of {@code id serial PRIMARY KEY} does), else a new box.
     * Saves a 24-byte Long a row; values are compared by equality, never identity.
     */
    private static Object single(Object key, long rowId) {
        return key instanceof Long l && l == rowId ? l : (Object) rowId;
    }

    @Override
    public void remove(long rowId, Object key) {
        if (key == null) {
            return;
        }
        map.computeIfPresent(IndexKey.of(key), (k, ids) -> without(ids, rowId));
    }

    /** Row ids stored under {@code key} (immutable). */
    public Set<Long> lookup(Object key) {
        return asSet(map.get(IndexKey.of(key)));
    }

    /**
     * Runs {@code decide} atomically for {@code key}: it sees the current row ids and returns true to
     * add {@code rowId}. Used for unique checks, so two inserters of one key serialise here.
     */
    public boolean insertIf(long rowId, Object key, Function<Set<Long>, Boolean> decide) {
        boolean[] added = {false};
        map.compute(IndexKey.of(key), (k, ids) -> {
            if (decide.apply(asSet(ids))) {
                added[0] = true;
                return ids == null ? single(k, rowId) : with(ids, rowId);
            }
            return ids;
        });
        return added[0];
    }

    @SuppressWarnings("unchecked")
    private static Set<Long> asSet(Object ids) {
        if (ids == null) {
            return Set.of();
        }
        return ids instanceof Long id ? Set.of(id) : (Set<Long>) ids;
    }

    private static Object with(Object ids, long rowId) {
        if (ids == null) {
            return rowId;
        }
        Set<Long> cur = asSet(ids);
        if (cur.contains(rowId)) {
            return ids;
        }
        Long[] grown = cur.toArray(new Long[cur.size() + 1]);
        grown[cur.size()] = rowId;
        return Set.of(grown);
    }

    private static Object without(Object ids, long rowId) {
        Set<Long> cur = asSet(ids);
        if (!cur.contains(rowId)) {
            return ids;
        }
        if (cur.size() == 1) {
            return null;
        }
        Long[] rest = cur.stream().filter(id -> id != rowId).toArray(Long[]::new);
        return rest.length == 1 ? rest[0] : Set.of(rest);
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
