package io.pgsight.ext.vector;

import io.pgsight.sql.spi.FunctionContext;
import io.pgsight.sql.spi.IndexInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exact ordered scan over the indexed keys, for operator classes the float index structures
 * cannot rank (Jaccard on bits, sparse vectors too wide to densify). Results are exact, so recall is
 * never below pgvector's; cost is linear per scan.
 */
final class ExactScanIndex implements IndexInstance {
    private final VectorOpClass opclass;
    private final Map<Long, Object> keys = new ConcurrentHashMap<>();

    ExactScanIndex(VectorOpClass opclass) {
        this.opclass = opclass;
    }

    @Override
    public void insert(long rowId, Object key) {
        if (key != null) {
            keys.put(rowId, key);
        }
    }

    @Override
    public void remove(long rowId, Object key) {
        keys.remove(rowId);
    }

    private record Hit(long rowId, double distance) {
    }

    @Override
    public OrderedScan orderedScan(String operator, Object query, FunctionContext ctx) {
        List<Hit> hits = new ArrayList<>(keys.size());
        int n = 0;
        for (Map.Entry<Long, Object> e : keys.entrySet()) {
            if (ctx != null && (++n & 1023) == 0) {
                ctx.checkCancelled();
            }
            double d = query == null ? 0 : opclass.operatorDistance(query, e.getValue());
            hits.add(new Hit(e.getKey(), d));
        }
        hits.sort((a, b) -> Double.compare(a.distance, b.distance));
        return new OrderedScan() {
            private int pos = -1;

            @Override
            public boolean next() {
                return ++pos < hits.size();
            }

            @Override
            public long rowId() {
                return hits.get(pos).rowId;
            }

            @Override
            public double distance() {
                return hits.get(pos).distance;
            }
        };
    }

    @Override
    public long sizeBytes() {
        return keys.size() * 64L;
    }
}
