package io.pgsight.ext.pase;

import io.pgsight.index.IndexBuildException;
import io.pgsight.index.NeighborIterator;
import io.pgsight.index.VectorIndex;
import io.pgsight.index.pase.PaseHnswIndex;
import io.pgsight.index.pase.PaseHnswParams;
import io.pgsight.index.pase.PaseIvfFlatIndex;
import io.pgsight.index.pase.PaseIvfFlatParams;
import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.spi.FunctionContext;
import io.pgsight.sql.spi.IndexAccessMethod;
import io.pgsight.sql.spi.IndexBuildContext;
import io.pgsight.sql.spi.IndexInstance;
import io.pgsight.sql.spi.PgArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * pase_hnsw and pase_ivfflat. Both index a float4[] column (or base64 text) of the configured
 * dimension and always rank by squared L2, whatever the query's distance type. Rows of another
 * dimension are skipped with pase's WARNING.
 */
final class PaseIndexMethod implements IndexAccessMethod {
    enum Kind { HNSW, IVFFLAT }

    private final Kind kind;

    PaseIndexMethod(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Object parseOptions(Map<String, String> options) {
        return kind == Kind.HNSW ? PaseOptions.Hnsw.parse(options) : PaseOptions.IvfFlat.parse(options);
    }

    /**
     * The indexed value as float32 elements: a float4[] or base64 text; null for SQL NULL. A compact
     * float4[] hands over its own elements rather than a copy (the index structures only read
     * them), so a build does not hold a second copy of the table's vectors.
     */
    static float[] keyFloats(Object key) {
        if (key == null) {
            return null;
        }
        if (key instanceof String s) {
            return PaseBase64.floats(s);
        }
        PgArray array = (PgArray) key;
        float[] shared = array.float4Shared();
        return shared != null ? shared : PaseDistance.elements(array);
    }

    static String dimensionWarning(int actual, int configured) {
        return "data dimension[" + actual + "] not equal to configure dimension[" + configured + "]";
    }

    @Override
    public IndexInstance build(IndexBuildContext context) {
        Object options = context.options() != null ? context.options() : parseOptions(Map.of());
        FunctionContext session = context.session();
        BuildRows rows = new BuildRows();
        List<String> warnings = new ArrayList<>();
        int threads = Math.max(1, Math.min(3, Runtime.getRuntime().availableProcessors()));
        if (options instanceof PaseOptions.Hnsw h) {
            context.forEachRow((rowId, key) -> {
                float[] x = keyFloats(key);
                if (x == null) {
                    return;
                }
                if (x.length != h.dim()) {
                    session.notice("WARNING", dimensionWarning(x.length, h.dim()));
                    return;
                }
                rows.add(rowId, x);
            });
            PaseHnswIndex index = PaseHnswIndex.build(h.dim(), new PaseHnswParams(h.baseNbNum(), h.efBuild(),
                    h.efSearch()), rows.rowIds(), rows.vectors(), threads,
                    (phase, done, total) -> session.checkCancelled());
            return new Instance(index, h.dim(), null);
        }
        PaseOptions.IvfFlat o = (PaseOptions.IvfFlat) options;
        if (!o.given()) {
            throw new SqlException("XX000", "ivfflat index must be created with necessary parameters");
        }
        context.forEachRow((rowId, key) -> {
            float[] x = keyFloats(key);
            if (x == null) {
                warnings.add("vector colum is null");
                warnings.add("itup is NULL");
                return;
            }
            if (x.length != o.dimension()) {
                warnings.add(dimensionWarning(x.length, o.dimension()));
                warnings.add("itup is NULL");
                return;
            }
            rows.add(rowId, x);
        });
        PaseIvfFlatParams params = new PaseIvfFlatParams(o.clusteringType(), o.distanceType(), o.dimension(),
                o.clusteringParams());
        try {
            // pase reports row problems while assigning rows, i.e. after the "begin" NOTICE
            PaseIvfFlatIndex index = PaseIvfFlatIndex.build(params, rows.rowIds(), rows.vectors(), threads,
                    message -> {
                        session.notice("NOTICE", message);
                        if (message.startsWith("begin, ivfflat index building")) {
                            warnings.forEach(w -> session.notice("WARNING", w));
                            warnings.clear();
                        }
                    }, 0x9A5EL);
            return new Instance(index, o.dimension(), o);
        } catch (IndexBuildException e) {
            throw new SqlException("XX000", e.getMessage());
        }
    }

    /** A pase index from its snapshot; dimension and pase_ivfflat's options come from the definition. */
    @Override
    public IndexInstance restore(IndexBuildContext context, java.io.DataInput in) throws java.io.IOException {
        Object options = context.options() != null ? context.options() : parseOptions(Map.of());
        if (options instanceof PaseOptions.Hnsw h) {
            return new Instance(checked(PaseHnswIndex.readSnapshot(in), h.dim(), context), h.dim(), null);
        }
        PaseOptions.IvfFlat o = (PaseOptions.IvfFlat) options;
        return new Instance(checked(PaseIvfFlatIndex.readSnapshot(in), o.dimension(), context), o.dimension(), o);
    }

    private static VectorIndex checked(VectorIndex index, int dimension, IndexBuildContext context)
            throws java.io.IOException {
        if (index.dimensions() != dimension) {
            throw new java.io.IOException("snapshot of index \"" + context.indexName() + "\" does not match its definition");
        }
        return index;
    }

    /** A built pase index; {@code ivfflat} holds pase_ivfflat's options (null for pase_hnsw). */
    private static final class Instance implements IndexInstance {
        private final VectorIndex index;
        private final int dimension;
        private final PaseOptions.IvfFlat ivfflat;

        Instance(VectorIndex index, int dimension, PaseOptions.IvfFlat ivfflat) {
            this.index = index;
            this.dimension = dimension;
            this.ivfflat = ivfflat;
        }

        @Override
        public void insert(long rowId, Object key) {
            insert(rowId, key, null);
        }

        /** Rows of another dimension are left out with pase's WARNING; the INSERT itself succeeds. */
        @Override
        public void insert(long rowId, Object key, FunctionContext ctx) {
            float[] x = keyFloats(key);
            if (x == null) {
                return;
            }
            if (x.length != dimension) {
                if (ctx != null) {
                    ctx.notice("WARNING", dimensionWarning(x.length, dimension));
                }
                return;
            }
            index.insert(rowId, x);
        }

        @Override
        public void remove(long rowId, Object key) {
            index.remove(rowId);
        }

        @Override
        public OrderedScan orderedScan(String operator, Object query, FunctionContext ctx) {
            if (query == null) {
                ctx.notice("WARNING", "orderBy value is invalid");
                return EmptyScan.INSTANCE;
            }
            PaseValue q = (PaseValue) query;
            if (ivfflat == null) {
                if (q.dimensions() != dimension) {
                    throw new SqlException("XX000", "query dimemsion(" + Integer.toUnsignedString(q.dimensions())
                            + ") not equal to data dimemsion(" + dimension + ")");
                }
                return new Scan(((PaseHnswIndex) index).search(q.toArray(), q.extra()), ctx, "no more data to pop");
            }
            PaseIvfFlatIndex ivf = (PaseIvfFlatIndex) index;
            if (ivfflat.openOmp()) {
                ctx.notice("NOTICE", "using openmp to speed up");
                ctx.notice("NOTICE", ivfflat.ompThreadNum() > 0
                        ? "set omp thread number[" + ivfflat.ompThreadNum() + "]"
                        : "not set omp thread number, set core number[" + Runtime.getRuntime().availableProcessors()
                        + "] to it");
            }
            if (ivf.centroids() == 0) {
                ctx.notice("WARNING", "centroid count is 0");
                return EmptyScan.INSTANCE;
            }
            if (q.dimensions() != dimension) {
                ctx.notice("WARNING", "query dimension(" + q.dimensions() + ") not equal to data dimension("
                        + dimension + ")");
                return EmptyScan.INSTANCE;
            }
            if (ivf.listsToProbe(q.extra()) < 0) {
                ctx.notice("WARNING", "scanRatio[" + Integer.toUnsignedString(q.extra())
                        + "] is illegal, should in (0, 1000]");
                return EmptyScan.INSTANCE;
            }
            return new Scan(ivf.search(q.toArray(), q.extra()), ctx, "not enough data to pop for queue");
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
    }

    private static final class Scan implements IndexInstance.OrderedScan {
        private final NeighborIterator it;
        private final FunctionContext ctx;
        private final String endWarning;
        private boolean ended;

        Scan(NeighborIterator it, FunctionContext ctx, String endWarning) {
            this.it = it;
            this.ctx = ctx;
            this.endWarning = endWarning;
        }

        @Override
        public boolean next() {
            if (ended) {
                return false;
            }
            if (it.next()) {
                return true;
            }
            ended = true;
            ctx.notice("WARNING", endWarning);
            return false;
        }

        @Override
        public long rowId() {
            return it.rowId();
        }

        /** Squared L2 as a float4, the value pase's index scan reports for every query. */
        @Override
        public double distance() {
            return it.distance();
        }

        @Override
        public void close() {
            it.close();
        }
    }

    private enum EmptyScan implements IndexInstance.OrderedScan {
        INSTANCE;

        @Override
        public boolean next() {
            return false;
        }

        @Override
        public long rowId() {
            throw new IllegalStateException("empty scan");
        }

        @Override
        public double distance() {
            throw new IllegalStateException("empty scan");
        }
    }
}
