package io.pgsight.index.pase;

import io.pgsight.index.Metric;
import io.pgsight.index.NeighborIterator;
import io.pgsight.index.SearchOptions;
import io.pgsight.index.VectorIndex;
import io.pgsight.index.ivfflat.IvfFlatIndex;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * pase_ivfflat: the shared inverted-file machinery with pase's centroids (a file, or pase's own
 * k-means over a per-mille sample) ranking by squared L2. A scan reads the n nearest non-empty
 * lists, n = floor(ratio · centroids / 1000) but at least 1, where ratio is the query literal's
 * middle number (0 means 20), and returns every row of them in ascending distance.
 * With distance_type ≠ 0 pase indexes nothing; so does this.
 */
public final class PaseIvfFlatIndex implements VectorIndex {
    /** Scan ratio used when the query gives 0. */
    public static final int DEFAULT_SCAN_RATIO = 20;
    /** pase caps the k-means sample at a million rows (and at 300 MB of floats). */
    static final int MAX_SAMPLES = 1_000_000;

    private final IvfFlatIndex lists;
    private final PaseIvfFlatParams params;
    private final boolean indexesNothing;

    private PaseIvfFlatIndex(IvfFlatIndex lists, PaseIvfFlatParams params) {
        this.lists = lists;
        this.params = params;
        this.indexesNothing = params.distanceType() != 0;
    }

    /**
     * Builds the index. {@code notices} receives pase's build NOTICE texts in order ("parse
     * clustering parameters succeed, ...", "begin inner kmeans clustering", "begin, ivfflat index
     * building", "build tuple count[N]" every 100,000 rows, "ivfflat index build done, ...").
     * Rows must already have the index dimension (the caller skips others with pase's WARNING).
     *
     * @throws io.pgsight.index.IndexBuildException with pase's message for bad clustering
     *                                              parameters or centroid files
     */
    public static PaseIvfFlatIndex build(PaseIvfFlatParams params, long[] rowIds, float[][] vectors, int threads,
                                         Consumer<String> notices, long seed) {
        Consumer<String> notice = notices == null ? s -> { } : notices;
        long start = System.nanoTime();
        int dim = params.dimension();
        float[] centers;
        if (params.clusteringType() == 1) {
            PaseIvfFlatParams.Clustering clustering = params.clustering();
            notice.accept(clustering.notice());
            int cap = (int) Math.min(MAX_SAMPLES, 300L * 1024 * 1024 / (4L * dim));
            SplittableRandom random = new SplittableRandom(seed);
            int n = 0;
            float[] samples = new float[Math.min(cap, Math.max(16, (int) ((long) vectors.length * clustering.sampleRatioPerMille() / 1000 * 11 / 10 + 16))) * dim];
            for (float[] v : vectors) {
                if (n >= cap) {
                    break;
                }
                if (random.nextInt(1000) < clustering.sampleRatioPerMille()) {
                    if ((n + 1) * dim > samples.length) {
                        samples = java.util.Arrays.copyOf(samples, Math.min(cap, n * 2 + 16) * dim);
                    }
                    System.arraycopy(v, 0, samples, n * dim, dim);
                    n++;
                }
            }
            notice.accept("begin inner kmeans clustering");
            centers = PaseKMeans.train(samples, n, dim, clustering.centroids(), threads);
        } else {
            centers = CentroidFile.read(params.clusteringParams(), dim);
        }
        long centroidsDone = System.nanoTime();
        notice.accept("begin, ivfflat index building");
        boolean nothing = params.distanceType() != 0;
        long[] ids = nothing ? new long[0] : rowIds;
        float[][] rows = nothing ? new float[0][] : vectors;
        IvfFlatIndex index = IvfFlatIndex.withCenters(dim, Metric.L2_SQUARED, centers, ids, rows, threads,
                (phase, done, total) -> {
                    if ("loading tuples".equals(phase) && done > 0 && done < total && done % 100_000 == 0) {
                        notice.accept("build tuple count[" + done + "]");
                    }
                }, false);
        long end = System.nanoTime();
        notice.accept(String.format(java.util.Locale.ROOT,
                "ivfflat index build done, build tuple number[%d], totalTimeCost[%fs], centroidBuildTimeCost[%fs], "
                        + "indexBuildTimeCost[%fs]",
                (long) ids.length, (end - start) / 1e9, (centroidsDone - start) / 1e9, (end - centroidsDone) / 1e9));
        return new PaseIvfFlatIndex(index, params);
    }

    public PaseIvfFlatParams params() {
        return params;
    }

    public int centroids() {
        return lists.lists();
    }

    /**
     * Lists a query with the given scan ratio (per mille) reads, or -1 when the ratio is illegal
     * (pase: WARNING "scanRatio[%u] is illegal, should in (0, 1000]" and no rows).
     */
    public int listsToProbe(int scanRatioPerMille) {
        int ratio = scanRatioPerMille == 0 ? DEFAULT_SCAN_RATIO : scanRatioPerMille;
        if (ratio < 0 || ratio > 1000) {
            return -1;
        }
        return (int) Math.max(1, (long) ratio * lists.lists() / 1000);
    }

    /** Scan for a pase query literal; {@code scanRatioPerMille} is its middle number. No rows for an illegal ratio. */
    public NeighborIterator search(float[] query, int scanRatioPerMille) {
        int probes = listsToProbe(scanRatioPerMille);
        if (probes < 0 || indexesNothing) {
            return NeighborIterator.empty();
        }
        return lists.scan(query, new SearchOptions(40, probes, false, 0, probes, () -> { }), true, true);
    }

    /** Scan with options: {@code probes} counts non-empty lists. */
    @Override
    public NeighborIterator search(float[] query, SearchOptions options) {
        return lists.scan(query, options, true, true);
    }

    @Override
    public int dimensions() {
        return lists.dimensions();
    }

    @Override
    public Metric metric() {
        return Metric.L2_SQUARED;
    }

    @Override
    public void insert(long rowId, float[] vector) {
        if (!indexesNothing) {
            lists.insert(rowId, vector);
        }
    }

    @Override
    public void remove(long rowId) {
        lists.remove(rowId);
    }

    @Override
    public int size() {
        return lists.size();
    }

    @Override
    public long memoryBytes() {
        return lists.memoryBytes();
    }

    private static final int SNAPSHOT_MAGIC = 0x50495631; // "PIV1"

    @Override
    public boolean canSnapshot() {
        return true;
    }

    /** Writes magic, pase's options, then the inverted lists' own snapshot. */
    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        out.writeInt(SNAPSHOT_MAGIC);
        out.writeInt(params.clusteringType());
        out.writeInt(params.distanceType());
        out.writeInt(params.dimension());
        out.writeUTF(params.clusteringParams() == null ? "" : params.clusteringParams());
        lists.writeSnapshot(out);
    }

    /** Restores an index written by {@link #writeSnapshot}. */
    public static PaseIvfFlatIndex readSnapshot(DataInput in) throws IOException {
        if (in.readInt() != SNAPSHOT_MAGIC) {
            throw new IOException("not a pase_ivfflat index snapshot");
        }
        PaseIvfFlatParams params = new PaseIvfFlatParams(in.readInt(), in.readInt(), in.readInt(), in.readUTF());
        IvfFlatIndex lists = IvfFlatIndex.readSnapshot(in);
        if (lists.dimensions() != params.dimension()) {
            throw new IOException("pase_ivfflat snapshot has inconsistent dimensions");
        }
        return new PaseIvfFlatIndex(lists, params);
    }
}
