package io.pgsight.index.ivfflat;

import io.pgsight.index.BuildProgress;
import io.pgsight.index.Metric;
import io.pgsight.index.NeighborIterator;
import io.pgsight.index.SearchOptions;
import io.pgsight.index.VectorIndex;
import io.pgsight.index.distance.IndexDistance;
import io.pgsight.index.distance.VectorDistances;
import io.pgsight.index.internal.BulkIo;
import io.pgsight.index.internal.NearestCenter;
import io.pgsight.index.internal.Parallel;
import io.pgsight.index.internal.RowIdMap;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.SplittableRandom;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Inverted-file index with flat (uncompressed) lists, following pgvector: centres trained once by
 * k-means on a sample, every row stored in the list of its nearest centre, a scan ranks the
 * centres and reads the nearest {@code probes} lists exhaustively. Cosine vectors are stored
 * normalised and zero vectors are not indexed; inner product trains spherical k-means on
 * normalised samples. Thread-safe for concurrent searches, inserts and removes.
 */
public final class IvfFlatIndex implements VectorIndex {
    private static final int PROGRESS_STEP = 100_000;

    private final int dimensions;
    private final Metric metric;
    private final IndexDistance distance;
    private final float[] centers;
    private final NearestCenter nearestCenter;
    private final IvfList[] lists;
    private final ScanBuffers scanBuffers = new ScanBuffers();
    private final RowIdMap rows;
    private final boolean littleData;
    /** Inserts and removes share it; a snapshot takes it exclusively so its image is consistent. */
    private final ReentrantReadWriteLock writers = new ReentrantReadWriteLock();
    private volatile int removals;

    private IvfFlatIndex(int dimensions, Metric metric, float[] centers, IvfList[] lists, RowIdMap rows,
                         boolean littleData) {
        this.dimensions = dimensions;
        this.metric = metric;
        this.distance = IndexDistance.of(metric);
        this.centers = centers;
        this.lists = lists;
        this.rows = rows;
        this.littleData = littleData;
        this.nearestCenter = new NearestCenter(centers, centers.length / dimensions, dimensions);
    }

    /**
     * Builds the index: samples max(50·lists, 10000) rows, trains {@code params.lists()} centres,
     * assigns every row. Progress phases: "initializing", "performing k-means", "assigning tuples",
     * "loading tuples".
     */
    public static IvfFlatIndex build(int dimensions, Metric metric, IvfFlatParams params, long[] rowIds,
                                     float[][] vectors, int threads, BuildProgress progress) {
        BuildProgress report = progress == null ? BuildProgress.NONE : progress;
        checkInput(dimensions, rowIds, vectors);
        report.report("initializing", 0, rowIds.length);
        boolean spherical = metric == Metric.COSINE || metric == Metric.NEGATIVE_INNER_PRODUCT;
        int k = params.lists();
        int[] sample = sampleIndexes(vectors, params.sampleSize(vectors.length), spherical, params.seed());
        float[] samples = new float[sample.length * dimensions];
        for (int i = 0; i < sample.length; i++) {
            float[] v = vectors[sample[i]];
            System.arraycopy(v, 0, samples, i * dimensions, dimensions);
            if (spherical) {
                KMeans.normalize(samples, i * dimensions, dimensions);
            }
        }
        float[] centers = KMeans.train(samples, sample.length, dimensions, k, spherical, params.seed(),
                params.maxIterations(), threads, report);
        return withCenters(dimensions, metric, centers, rowIds, vectors, threads, report, sample.length < k);
    }

    /**
     * Builds with given centres (k·dimensions floats, in the space the index ranks: normalised for
     * cosine and inner product). Used by pase's file-provided and pase-k-means centroids.
     */
    public static IvfFlatIndex withCenters(int dimensions, Metric metric, float[] centers, long[] rowIds,
                                           float[][] vectors, int threads, BuildProgress progress,
                                           boolean littleData) {
        BuildProgress report = progress == null ? BuildProgress.NONE : progress;
        checkInput(dimensions, rowIds, vectors);
        if (centers.length == 0 || centers.length % dimensions != 0) {
            throw new IllegalArgumentException("centers must hold a positive multiple of " + dimensions + " floats");
        }
        int k = centers.length / dimensions;
        IndexDistance distance = IndexDistance.of(metric);
        NearestCenter finder = new NearestCenter(centers, k, dimensions);
        int n = vectors.length;
        int[] assignment = new int[n];
        int workers = Math.max(1, Math.min(threads, n / 4096 + 1));
        int block = (n + workers - 1) / workers;
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        Parallel.run(workers, w -> {
            int from = w * block;
            int to = Math.min(n, from + block);
            for (int i = from; i < to; i++) {
                // only cosine ranks another vector than the row's; the others are only read here
                float[] p = metric == Metric.COSINE ? distance.prepare(vectors[i]) : vectors[i];
                assignment[i] = p == null ? -1 : nearestList(finder, metric, p);
                long d = done.incrementAndGet();
                if (d % PROGRESS_STEP == 0) {
                    report.report("assigning tuples", d, n);
                }
            }
        });
        int[] counts = new int[k];
        for (int a : assignment) {
            if (a >= 0) {
                counts[a]++;
            }
        }
        IvfList[] lists = new IvfList[k];
        for (int c = 0; c < k; c++) {
            lists[c] = IvfList.withCapacity(dimensions, counts[c]);
        }
        int[] fill = new int[k];
        RowIdMap rows = new RowIdMap(n);
        boolean normalise = metric == Metric.COSINE;
        float[] unit = new float[dimensions];
        for (int i = 0; i < n; i++) {
            int c = assignment[i];
            if (c < 0) {
                continue;
            }
            float[] v = vectors[i];
            if (normalise) {
                System.arraycopy(v, 0, unit, 0, dimensions);
                KMeans.normalize(unit, 0, dimensions);
                v = unit;
            }
            lists[c].put(fill[c]++, rowIds[i], v);
            rows.put(rowIds[i], c);
            if ((i + 1) % PROGRESS_STEP == 0) {
                report.report("loading tuples", i + 1, n);
            }
        }
        report.report("loading tuples", n, n);
        for (int c = 0; c < k; c++) {
            lists[c].filled(counts[c]);
        }
        return new IvfFlatIndex(dimensions, metric, centers, lists, rows, littleData);
    }

    /** Nearest list by the index's ranking distance, via the L2 finder on the normalised direction for IP. */
    private static int nearestList(NearestCenter finder, Metric metric, float[] prepared) {
        if (metric == Metric.NEGATIVE_INNER_PRODUCT) {
            float[] unit = VectorDistances.normalizedOrNull(prepared);
            return unit == null ? 0 : finder.nearest(unit, 0);
        }
        return finder.nearest(prepared, 0);
    }

    private static void checkInput(int dimensions, long[] rowIds, float[][] vectors) {
        if (dimensions < 1) {
            throw new IllegalArgumentException("dimensions must be positive");
        }
        if (rowIds.length != vectors.length) {
            throw new IllegalArgumentException("rowIds and vectors differ in length");
        }
        for (float[] v : vectors) {
            if (v.length != dimensions) {
                throw new IllegalArgumentException("different vector dimensions " + dimensions + " and " + v.length);
            }
        }
    }

    /** Uniform sample of row positions (Vitter-style reservoir), skipping zero vectors when spherical. */
    private static int[] sampleIndexes(float[][] vectors, int target, boolean spherical, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5A5A5A5AL);
        int[] reservoir = new int[target];
        int seen = 0;
        for (int i = 0; i < vectors.length; i++) {
            if (spherical && !(VectorDistances.norm(vectors[i]) > 0)) {
                continue;
            }
            if (seen < target) {
                reservoir[seen] = i;
            } else {
                long j = random.nextLong(seen + 1L);
                if (j < target) {
                    reservoir[(int) j] = i;
                }
            }
            seen++;
        }
        return seen < target ? java.util.Arrays.copyOf(reservoir, seen) : reservoir;
    }

    /** True when fewer sampled rows than lists were available (pgvector's "little data" NOTICE). */
    public boolean trainedWithLittleData() {
        return littleData;
    }

    public int lists() {
        return lists.length;
    }

    /** The centres (k·dimensions floats, copy). */
    public float[] centers() {
        return centers.clone();
    }

    /** Live rows per list (for tests and statistics). */
    public int listSize(int list) {
        return lists[list].snapshot().live;
    }

    @Override
    public int dimensions() {
        return dimensions;
    }

    @Override
    public Metric metric() {
        return metric;
    }

    @Override
    public int size() {
        return rows.size();
    }

    @Override
    public long memoryBytes() {
        long total = 4L * centers.length + rows.memoryBytes();
        for (IvfList list : lists) {
            total += list.memoryBytes();
        }
        return total;
    }

    /** Indexes a row in its nearest list (centres are never retrained); zero cosine vectors are skipped. */
    @Override
    public void insert(long rowId, float[] vector) {
        if (vector.length != dimensions) {
            throw new IllegalArgumentException("different vector dimensions " + dimensions + " and " + vector.length);
        }
        float[] prepared = distance.prepare(vector);
        if (prepared == null) {
            return;
        }
        int list = nearestList(nearestCenter, metric, prepared);
        writers.readLock().lock();
        try {
            removeRow(rowId);
            synchronized (lists[list]) {
                lists[list].add(rowId, prepared);
                rows.put(rowId, list);
            }
        } finally {
            writers.readLock().unlock();
        }
    }

    @Override
    public void remove(long rowId) {
        writers.readLock().lock();
        try {
            removeRow(rowId);
        } finally {
            writers.readLock().unlock();
        }
    }

    private void removeRow(long rowId) {
        int list = rows.remove(rowId);
        if (list >= 0) {
            lists[list].remove(rowId);
            removals++;
        }
    }

    @Override
    public NeighborIterator search(float[] query, SearchOptions options) {
        return scan(query, options, false);
    }

    /**
     * A scan; {@code skipEmptyLists} makes empty lists not count as probes (pase's behaviour),
     * pgvector counts them.
     */
    public NeighborIterator scan(float[] query, SearchOptions options, boolean skipEmptyLists) {
        return scan(query, options, skipEmptyLists, false);
    }

    /**
     * As {@link #scan(float[], SearchOptions, boolean)}; {@code parallelScan} measures large batches on
     * the common fork-join pool too (pase's scan is OpenMP-parallel; pgvector's runs in one backend).
     */
    public NeighborIterator scan(float[] query, SearchOptions options, boolean skipEmptyLists, boolean parallelScan) {
        int seen = removals; // volatile read orders this scan after completed removes
        float[] prepared = null;
        boolean nan = false;
        if (query != null) {
            if (query.length != dimensions) {
                throw new IllegalArgumentException("different vector dimensions " + dimensions + " and " + query.length);
            }
            prepared = distance.prepare(query);
            nan = prepared == null;
        }
        int probes = Math.max(1, Math.min(options.probes(), lists.length));
        int maxProbes = options.iterative() ? Math.min(lists.length, Math.max(options.maxProbes(), probes)) : probes;
        int[] order = rankLists(prepared, maxProbes, skipEmptyLists);
        return new IvfScan(lists, dimensions, distance, prepared, query == null, nan, order, probes,
                options.cancelCheck(), parallelScan, scanBuffers);
    }

    /** The lists a scan with {@code probes} reads, nearest first (tests). */
    int[] rankListsForTest(float[] query, int probes) {
        return rankLists(distance.prepare(query), Math.min(probes, lists.length), false);
    }

    IvfList listForTest(int list) {
        return lists[list];
    }

    /** The {@code count} nearest lists by centre distance, nearest first (index order for a null query). */
    private int[] rankLists(float[] query, int count, boolean skipEmpty) {
        int k = lists.length;
        float[] d = new float[k];
        int[] ids = new int[k];
        int n = 0;
        float[] all = new float[k];
        if (query != null) {
            distance.toMany(query, centers, k, dimensions, all, 0);
        }
        for (int c = 0; c < k; c++) {
            if (skipEmpty && lists[c].snapshot().live == 0) {
                continue;
            }
            d[n] = all[c];
            ids[n++] = c;
        }
        count = Math.min(count, n);
        // (distance, position) pairs packed in longs: no boxing, ties broken by list number
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            packed[i] = (((long) sortableBits(d[i])) << 32) | i;
        }
        if (count * 8L < n) {
            packed = smallest(packed, n, count);
        } else {
            java.util.Arrays.sort(packed);
        }
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = ids[(int) packed[i]];
        }
        return order;
    }

    /** The {@code count} smallest of the first {@code n} keys, ascending (a bounded max-heap pass). */
    private static long[] smallest(long[] keys, int n, int count) {
        long[] heap = new long[count];
        for (int i = 0; i < count; i++) {
            long k = keys[i];
            int j = i;
            while (j > 0 && heap[(j - 1) >>> 1] < k) {
                heap[j] = heap[(j - 1) >>> 1];
                j = (j - 1) >>> 1;
            }
            heap[j] = k;
        }
        for (int i = count; i < n; i++) {
            long k = keys[i];
            if (k >= heap[0]) {
                continue;
            }
            int j = 0;
            while (true) {
                int child = 2 * j + 1;
                if (child >= count) {
                    break;
                }
                if (child + 1 < count && heap[child + 1] > heap[child]) {
                    child++;
                }
                if (heap[child] <= k) {
                    break;
                }
                heap[j] = heap[child];
                j = child;
            }
            heap[j] = k;
        }
        java.util.Arrays.sort(heap);
        return heap;
    }

    /** Maps a float to an int whose signed order matches the float order (NaN last). */
    static int sortableBits(float f) {
        int bits = Float.floatToIntBits(f);
        return bits >= 0 ? bits : bits ^ 0x7FFFFFFF;
    }

    private static final int SNAPSHOT_MAGIC = 0x49564631; // "IVF1"

    @Override
    public boolean canSnapshot() {
        return true;
    }

    /**
     * Writes magic, dimensions, metric, the little-data flag, the centres, then per list its live
     * rows (count, row ids, vectors as stored). Inserts and removes wait while it runs; searches
     * do not.
     */
    @Override
    public void writeSnapshot(DataOutput out) throws IOException {
        writers.writeLock().lock();
        try {
            out.writeInt(SNAPSHOT_MAGIC);
            out.writeInt(dimensions);
            out.writeUTF(metric.name());
            out.writeBoolean(littleData);
            out.writeInt(lists.length);
            BulkIo.writeFloats(out, centers, 0, centers.length);
            for (IvfList list : lists) {
                list.writeLive(out);
            }
        } finally {
            writers.writeLock().unlock();
        }
    }

    /** Restores an index written by {@link #writeSnapshot}; it answers every search as the original did. */
    public static IvfFlatIndex readSnapshot(DataInput in) throws IOException {
        if (in.readInt() != SNAPSHOT_MAGIC) {
            throw new IOException("not an ivfflat index snapshot");
        }
        int dimensions = in.readInt();
        Metric metric;
        try {
            metric = Metric.valueOf(in.readUTF());
        } catch (IllegalArgumentException e) {
            throw new IOException("ivfflat snapshot has an unknown metric", e);
        }
        boolean littleData = in.readBoolean();
        int k = in.readInt();
        if (dimensions < 1 || k < 1 || (long) k * dimensions > Integer.MAX_VALUE - 8) {
            throw new IOException("ivfflat snapshot has a corrupt header");
        }
        float[] centers = new float[k * dimensions];
        BulkIo.readFloats(in, centers, 0, centers.length);
        IvfList[] lists = new IvfList[k];
        int total = 0;
        for (int c = 0; c < k; c++) {
            lists[c] = IvfList.readLive(in, dimensions);
            total += lists[c].snapshot().size;
        }
        RowIdMap rows = new RowIdMap(total);
        for (int c = 0; c < k; c++) {
            IvfList.Snapshot s = lists[c].snapshot();
            for (int i = 0; i < s.size; i++) {
                rows.put(s.rowIds[i], c);
            }
        }
        return new IvfFlatIndex(dimensions, metric, centers, lists, rows, littleData);
    }
}
