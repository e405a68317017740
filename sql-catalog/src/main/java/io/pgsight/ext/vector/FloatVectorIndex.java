package io.pgsight.ext.vector;

import io.pgsight.index.NeighborIterator;
import io.pgsight.index.SearchOptions;
import io.pgsight.index.VectorIndex;
import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.spi.FunctionContext;
import io.pgsight.sql.spi.IndexInstance;

/**
 * An ivfflat or hnsw index as the engine sees it: keys converted to float32 and handed to the
 * index-gist structure; scans configured from the session's ivfflat.* / hnsw.* settings.
 */
final class FloatVectorIndex implements IndexInstance {
    private final VectorIndexKind kind;
    private final VectorOpClass opclass;
    private final VectorIndex index;

    FloatVectorIndex(VectorIndexKind kind, VectorOpClass opclass, VectorIndex index) {
        this.kind = kind;
        this.opclass = opclass;
        this.index = index;
    }

    VectorIndex structure() {
        return index;
    }

    @Override
    public void insert(long rowId, Object key) {
        float[] x = opclass.toFloats(key, kind.amName);
        if (x != null) {
            index.insert(rowId, x);
        }
    }

    @Override
    public void remove(long rowId, Object key) {
        index.remove(rowId);
    }

    @Override
    public OrderedScan orderedScan(String operator, Object query, FunctionContext ctx) {
        if (!opclass.operator.equals(operator)) {
            throw new SqlException("XX000", "cannot scan " + kind.amName + " index without order");
        }
        float[] q = null;
        if (query != null) {
            int dims = VectorOpClass.dimensionsOf(query);
            if (dims != index.dimensions()) {
                if ("bit".equals(opclass.type)) {
                    throw VectorErrors.dataException("different bit lengths " + dims + " and " + index.dimensions());
                }
                throw VectorErrors.differentDimensions(opclass.type, dims, index.dimensions());
            }
            // the query is not subject to the per-value non-zero limit of stored sparse vectors
            q = query instanceof SparseVec s ? s.toDense() : opclass.toFloats(query, kind.amName);
        }
        boolean strict = false;
        SearchOptions options;
        Runnable cancel = ctx == null ? () -> { } : ctx::checkCancelled;
        if (kind == VectorIndexKind.HNSW) {
            String mode = VectorSettings.enumSetting(ctx, VectorSettings.HNSW_ITERATIVE_SCAN, "off");
            strict = mode.equals("strict_order");
            options = new SearchOptions(VectorSettings.intSetting(ctx, VectorSettings.HNSW_EF_SEARCH, 40), 1,
                    !mode.equals("off"), VectorSettings.intSetting(ctx, VectorSettings.HNSW_MAX_SCAN_TUPLES, 20000),
                    Integer.MAX_VALUE, cancel);
        } else {
            String mode = VectorSettings.enumSetting(ctx, VectorSettings.IVFFLAT_ITERATIVE_SCAN, "off");
            options = new SearchOptions(40, VectorSettings.intSetting(ctx, VectorSettings.IVFFLAT_PROBES, 1),
                    !mode.equals("off"), Long.MAX_VALUE,
                    VectorSettings.intSetting(ctx, VectorSettings.IVFFLAT_MAX_PROBES, 32768), cancel);
        }
        return new Scan(index.search(q, options), strict && query != null);
    }

    @Override
    public long sizeBytes() {
        return index.memoryBytes();
    }

    @Override
    public boolean canSnapshot() {
        return index.canSnapshot();
    }

    @Override
    public void writeSnapshot(java.io.DataOutput out) throws java.io.IOException {
        index.writeSnapshot(out);
    }

    /** Pulls from the index; strict_order drops rows nearer than one already returned, as pgvector does. */
    private static final class Scan implements OrderedScan {
        private final NeighborIterator it;
        private final boolean strict;
        private double last = Double.NEGATIVE_INFINITY;

        Scan(NeighborIterator it, boolean strict) {
            this.it = it;
            this.strict = strict;
        }

        @Override
        public boolean next() {
            while (it.next()) {
                double d = it.distance();
                if (strict && d < last) {
                    continue;
                }
                last = Math.max(last, d);
                return true;
            }
            return false;
        }

        @Override
        public long rowId() {
            return it.rowId();
        }

        @Override
        public double distance() {
            return it.distance();
        }

        @Override
        public void close() {
            it.close();
        }
    }
}
