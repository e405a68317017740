package io.pgsight.index.pase;

import io.pgsight.index.BuildProgress;
import io.pgsight.index.Metric;
import io.pgsight.index.NeighborIterator;
import io.pgsight.index.SearchOptions;
import io.pgsight.index.VectorIndex;
import io.pgsight.index.hnsw.HnswIndex;
import io.pgsight.index.hnsw.HnswParams;

/**
 * pase_hnsw: the shared HNSW graph configured like pase (M = base_nb_num, efConstruction =
 * ef_build, no refill of pruned links) ranking by squared L2, which pase uses regardless of the
 * query's distance type. A scan returns at most ef_search rows (the query literal's extra number
 * when positive, else the index's ef_search). Deviation: pase skips layer 1 during descent and
 * lets a query's ef_search stick to later queries; neither is copied.
 */
public final class PaseHnswIndex implements VectorIndex {
    private final HnswIndex graph;
    private final PaseHnswParams params;

    private PaseHnswIndex(HnswIndex graph, PaseHnswParams params) {
        this.graph = graph;
        this.params = params;
    }

    static HnswParams hnswParams(PaseHnswParams params) {
        return new HnswParams(params.baseNbNum(), params.efBuild(), false, 1.0f, HnswParams.DEFAULT_SEED);
    }

    public static PaseHnswIndex create(int dimensions, PaseHnswParams params) {
        return new PaseHnswIndex(HnswIndex.create(dimensions, Metric.L2_SQUARED, hnswParams(params)), params);
    }

    public static PaseHnswIndex build(int dimensions, PaseHnswParams params, long[] rowIds, float[][] vectors,
                                      int threads, BuildProgress progress) {
        return new PaseHnswIndex(HnswIndex.build(dimensions, Metric.L2_SQUARED, hnswParams(params), rowIds, vectors,
                threads, progress), params);
    }

    /**
     * Builds like {@link #build(int, PaseHnswParams, long[], float[][], int, BuildProgress)} and
     * reports pase's build NOTICE texts to {@code notices}: "build count: N, total use time: [s],
     * distance fun calls C" every 1000 rows and once at the end.
     */
    public static PaseHnswIndex buildWithNotices(int dimensions, PaseHnswParams params, long[] rowIds,
                                                 float[][] vectors, int threads,
                                                 java.util.function.Consumer<String> notices) {
        PaseHnswIndex index = create(dimensions, params);
        long start = System.nanoTime();
        index.graph.load(rowIds, vectors, threads, (phase, done, total) -> {
            if (notices != null && phase.equals("loading tuples")) {
                notices.accept(String.format(java.util.Locale.ROOT,
                        "build count: %d, total use time: [%f], distance fun calls %d", done,
                        (System.nanoTime() - start) / 1e9, index.graph.insertDistanceCalls()));
            }
        });
        return index;
    }

    public PaseHnswParams params() {
        return params;
    }

    /** Scan for a pase query literal: {@code queryExtra} is its middle number (0 = index default). */
    public NeighborIterator search(float[] query, int queryExtra) {
        int ef = params.efSearchFor(queryExtra);
        return graph.search(query, new SearchOptions(ef, 1, false, Long.MAX_VALUE, 1, () -> { }));
    }

    /** Scan with explicit options (efSearch is the row limit). */
    @Override
    public NeighborIterator search(float[] query, SearchOptions options) {
        return graph.search(query, options);
    }

    @Override
    public int dimensions() {
        return graph.dimensions();
    }

    @Override
    public Metric metric() {
        return Metric.L2_SQUARED;
    }

    @Override
    public void insert(long rowId, float[] vector) {
        graph.insert(rowId, vector);
    }

    @Override
    public void remove(long rowId) {
        graph.remove(rowId);
    }

    @Override
    public int size() {
        return graph.size();
    }

    @Override
    public long memoryBytes() {
        return graph.memoryBytes();
    }

    @Override
    public boolean canSnapshot() {
        return true;
    }

    /** pase's options, then the graph's snapshot. */
    @Override
    public void writeSnapshot(java.io.DataOutput out) throws java.io.IOException {
        out.writeInt(params.baseNbNum());
        out.writeInt(params.efBuild());
        out.writeInt(params.efSearch());
        graph.writeSnapshot(out);
    }

    /** Restores an index written by {@link #writeSnapshot}. */
    public static PaseHnswIndex readSnapshot(java.io.DataInput in) throws java.io.IOException {
        PaseHnswParams params = new PaseHnswParams(in.readInt(), in.readInt(), in.readInt());
        return new PaseHnswIndex(HnswIndex.readSnapshot(in), params);
    }
}
