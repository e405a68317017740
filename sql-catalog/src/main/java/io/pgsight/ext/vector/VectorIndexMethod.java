package io.pgsight.ext.vector;

import io.pgsight.index.BuildProgress;
import io.pgsight.index.VectorIndex;
import io.pgsight.index.hnsw.HnswIndex;
import io.pgsight.index.hnsw.HnswParams;
import io.pgsight.index.ivfflat.IvfFlatIndex;
import io.pgsight.index.ivfflat.IvfFlatParams;
import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.spi.IndexAccessMethod;
import io.pgsight.sql.spi.IndexBuildContext;
import io.pgsight.sql.spi.IndexInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** CREATE INDEX ... USING ivfflat / hnsw: option validation and build, with pgvector's checks and NOTICEs. */
final class VectorIndexMethod implements IndexAccessMethod {
    /** WITH (lists = ...) */
    record IvfFlatOptions(int lists) {
    }

    /** WITH (m = ..., ef_construction = ...) */
    record HnswOptions(int m, int efConstruction) {
    }

    private final VectorIndexKind kind;

    VectorIndexMethod(VectorIndexKind kind) {
        this.kind = kind;
    }

    @Override
    public Object parseOptions(Map<String, String> options) {
        if (kind == VectorIndexKind.IVFFLAT) {
            RelOptions r = new RelOptions(options, Map.of("lists", new RelOptions.IntSpec(100, 1, 32768)));
            return new IvfFlatOptions(r.integer("lists"));
        }
        RelOptions r = new RelOptions(options, Map.of("m", new RelOptions.IntSpec(16, 2, 100),
                "ef_construction", new RelOptions.IntSpec(64, 4, 1000)));
        return new HnswOptions(r.integer("m"), r.integer("ef_construction"));
    }

    @Override
    public IndexInstance build(IndexBuildContext context) {
        VectorOpClass opclass = VectorOpClass.named(context.operatorClass().name());
        String keyType = context.keyTypeName();
        if ("bit varying".equals(keyType) || "varbit".equals(keyType)) {
            throw new SqlException("0A000", "type not supported for " + kind.amName + " index");
        }
        int dimensions = context.keyTypmod();
        if (dimensions < 0) {
            throw new SqlException("22023", "column does not have dimensions");
        }
        if (dimensions > opclass.maxDimensions()) {
            throw new SqlException("54000", "column cannot have more than " + opclass.maxDimensions()
                    + " dimensions for " + kind.amName + " index");
        }
        if (kind == VectorIndexKind.IVFFLAT && dimensions == 1 && (opclass.metric == io.pgsight.index.Metric.COSINE
                || opclass.metric == io.pgsight.index.Metric.NEGATIVE_INNER_PRODUCT)) {
            // spherical k-means needs at least two dimensions
            throw new SqlException("22023", "dimensions must be greater than one for this opclass");
        }
        Object options = context.options() != null ? context.options() : parseOptions(Map.of());
        if (options instanceof HnswOptions h && h.efConstruction() < 2 * h.m()) {
            throw new SqlException("22023", "ef_construction must be greater than or equal to 2 * m");
        }
        boolean exact = opclass.metric == null
                || (("sparsevec".equals(opclass.type) || "bit".equals(opclass.type))
                    && dimensions > VectorOpClass.DENSIFY_MAX_DIM);
        if (exact) {
            ExactScanIndex index = new ExactScanIndex(opclass);
            context.forEachRow((rowId, key) -> {
                if (key instanceof SparseVec s) {
                    VectorOpClass.checkSparseNnz(s, kind.amName);
                }
                index.insert(rowId, key);
            });
            return index;
        }
        List<Long> ids = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        int[] visited = {0};
        context.forEachRow((rowId, key) -> {
            if ((++visited[0] & 4095) == 0) {
                context.session().checkCancelled();
            }
            float[] x = opclass.toFloats(key, kind.amName);
            if (x != null) {
                ids.add(rowId);
                vectors.add(x);
            }
        });
        long[] rowIds = new long[ids.size()];
        for (int i = 0; i < rowIds.length; i++) {
            rowIds[i] = ids.get(i);
        }
        float[][] data = vectors.toArray(new float[0][]);
        int threads = buildThreads(context);
        BuildProgress progress = (phase, done, total) -> context.session().checkCancelled();
        VectorIndex index;
        if (options instanceof HnswOptions h) {
            index = HnswIndex.build(dimensions, opclass.metric, new HnswParams(h.m(), h.efConstruction()), rowIds,
                    data, threads, progress);
        } else {
            IvfFlatOptions o = (IvfFlatOptions) options;
            IvfFlatIndex ivf = IvfFlatIndex.build(dimensions, opclass.metric, new IvfFlatParams(o.lists()), rowIds,
                    data, threads, progress);
            if (ivf.trainedWithLittleData()) {
                context.session().notice(new SqlException("NOTICE", "00000", "ivfflat index created with little data",
                        "This will cause low recall.", "Drop the index until the table has more data.", 0, null));
            }
            index = ivf;
        }
        return new FloatVectorIndex(kind, opclass, index);
    }

    /** An hnsw/ivfflat index from its snapshot; the structure's own reader checks the image. */
    @Override
    public IndexInstance restore(IndexBuildContext context, java.io.DataInput in) throws java.io.IOException {
        VectorOpClass opclass = VectorOpClass.named(context.operatorClass().name());
        VectorIndex index = kind == VectorIndexKind.HNSW ? HnswIndex.readSnapshot(in) : IvfFlatIndex.readSnapshot(in);
        if (opclass.metric != index.metric() || (context.keyTypmod() >= 0 && context.keyTypmod() != index.dimensions())) {
            throw new java.io.IOException("snapshot of index \"" + context.indexName() + "\" does not match its definition");
        }
        return new FloatVectorIndex(kind, opclass, index);
    }

    /** Leader plus max_parallel_maintenance_workers, bounded by the machine. */
    private static int buildThreads(IndexBuildContext context) {
        int workers = VectorSettings.intSetting(context.session(), "max_parallel_maintenance_workers", 2);
        return Math.max(1, Math.min(workers + 1, Runtime.getRuntime().availableProcessors()));
    }
}
