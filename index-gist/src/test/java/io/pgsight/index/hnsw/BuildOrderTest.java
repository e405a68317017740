package io.pgsight.index.hnsw;

import io.pgsight.index.Metric;
import io.pgsight.index.bench.Dataset;
import io.pgsight.index.bench.Datasets;
import io.pgsight.index.support.Recall;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.BitSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The locality order of bulk loads ({@link BuildOrder}): a permutation, deterministic, grouping
 * nearby rows; and graphs built in that order stay connected and keep the recall of an
 * input-order build. Small data with small partitions, so the groups are many as at scale.
 */
class BuildOrderTest {
    private static final int PARTITION_ROWS = 128;

    /** A fresh level generator: that of a new index with default parameters. */
    private static java.util.function.IntSupplier levels() {
        return HnswIndex.create(2, Metric.L2, HnswParams.defaults())::drawLevel;
    }

    private static BuildOrder.Plan plan(float[][] vectors, long seed, int threads, int partitionRows) {
        return BuildOrder.of(vectors, seed, threads, partitionRows, levels());
    }

    /** Rows inserted before the first level-0 row. */
    private static int skeleton(BuildOrder.Plan plan) {
        int s = 0;
        while (s < plan.levels().length && plan.levels()[s] > 0) {
            s++;
        }
        return s;
    }

    @Test
    void isADeterministicPermutationWhateverTheThreads() {
        Dataset data = Datasets.seed004(5000);
        BuildOrder.Plan plan = plan(data.vectors(), 7, 1, PARTITION_ROWS);
        int[] order = plan.rows();
        BitSet seen = new BitSet();
        for (int row : order) {
            assertTrue(row >= 0 && row < 5000 && !seen.get(row), "row " + row);
            seen.set(row);
        }
        assertEquals(5000, seen.cardinality());
        assertArrayEquals(order, plan(data.vectors(), 7, 4, PARTITION_ROWS).rows());
        assertTrue(!Arrays.equals(order, plan(data.vectors(), 8, 1, PARTITION_ROWS).rows()),
                "the seed chooses the skeleton");
    }

    /** The skeleton is exactly the rows with upper layers (about 1 in m), levels as the generator drew them. */
    @Test
    void skeletonIsTheRowsWithUpperLayers() {
        int rows = 20_000;
        BuildOrder.Plan plan = plan(Datasets.seed004(rows).vectors(), 1, 1, PARTITION_ROWS);
        int skeleton = skeleton(plan);
        for (int i = skeleton; i < rows; i++) {
            assertEquals(0, plan.levels()[i], "position " + i);
        }
        assertTrue(Math.abs(skeleton - rows / 16.0) < 5 * Math.sqrt(rows / 16.0), "skeleton " + skeleton);
        int[] drawn = new int[rows];
        var generator = levels();
        for (int i = 0; i < rows; i++) {
            drawn[i] = generator.getAsInt();
        }
        int[] fromPlan = new int[rows];
        for (int i = 0; i < rows; i++) {
            fromPlan[i] = plan.levels()[i];
        }
        Arrays.sort(drawn);
        Arrays.sort(fromPlan);
        assertArrayEquals(drawn, fromPlan, "same multiset of levels as input order");
    }

    @Test
    void smallLoadsKeepInputOrder() {
        Dataset data = Datasets.seed004(BuildOrder.MIN_ROWS - 1);
        assertArrayEquals(BuildOrder.identity(BuildOrder.MIN_ROWS - 1),
                BuildOrder.forLoad(data.vectors(), 1, 2, levels()).rows());
    }

    /** seed004 has 100 far-apart clusters: after the skeleton, consecutive rows share a cluster. */
    @Test
    void groupsRowsOfTheSameClusterAfterARandomSkeleton() {
        int rows = 20_000;
        Dataset data = Datasets.seed004(rows);
        BuildOrder.Plan plan = plan(data.vectors(), 3, 2, PARTITION_ROWS);
        int[] order = plan.rows();
        int skeleton = skeleton(plan);
        double skeletonSame = sameClusterShare(data.vectors(), order, 0, skeleton);
        double restSame = sameClusterShare(data.vectors(), order, skeleton, rows);
        // random order: about 1 in 100 consecutive pairs share one of the 100 clusters
        assertTrue(skeletonSame < 0.05, "skeleton is random: " + skeletonSame);
        assertTrue(restSame > 0.95, "the rest is grouped: " + restSame);
    }

    /** Consecutive pairs in order[from, to) whose rows are nearer than seed004's inter-cluster gap. */
    private static double sameClusterShare(float[][] vectors, int[] order, int from, int to) {
        int same = 0;
        for (int i = from + 1; i < to; i++) {
            float[] a = vectors[order[i - 1]];
            float[] b = vectors[order[i]];
            double d = 0;
            for (int j = 0; j < a.length; j++) {
                d += (a[j] - b[j]) * (double) (a[j] - b[j]);
            }
            // within a cluster coordinates differ by at most 20% of values below 10,000
            if (Math.sqrt(d) < 0.2 * 10_000 * Math.sqrt(a.length) / 2) {
                same++;
            }
        }
        return same / (double) (to - from - 1);
    }

    @Test
    void identicalVectorsOutsideTheSkeletonKeepInputOrder() {
        int rows = 4000;
        float[][] vectors = new float[rows][];
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int i = 0; i < rows; i++) {
            vectors[i] = i % 4 == 0 && i > 0 ? vectors[i - 4] : new float[] {random.nextInt(100), random.nextInt(100)};
        }
        BuildOrder.Plan plan = plan(vectors, 11, 2, 64);
        int[] order = plan.rows();
        int skeleton = skeleton(plan);
        int[] position = new int[rows];
        for (int i = 0; i < rows; i++) {
            position[order[i]] = i;
        }
        for (int i = 4; i < rows; i += 4) {
            if (position[i - 4] >= skeleton && position[i] >= skeleton) {
                assertTrue(position[i - 4] < position[i], "row " + (i - 4) + " before its copy " + i);
            }
        }
    }

    @Test
    void seed004BuiltInLocalityOrderIsConnectedWithInputOrderRecall() {
        checkAgainstInputOrder(Datasets.seed004(12_000), 0.95);
    }

    @Test
    void gauss128BuiltInLocalityOrderIsConnectedWithInputOrderRecall() {
        checkAgainstInputOrder(Datasets.gauss128(8000), 0.95);
    }

    private static void checkAgainstInputOrder(Dataset data, double floor) {
        long[][] truth = data.groundTruth(10, Metric.L2, 2);
        HnswIndex inputOrder = HnswIndex.create(data.dimensions(), Metric.L2, HnswParams.defaults());
        inputOrder.load(data.rowIds(), data.vectors(), 1, null,
                BuildOrder.inputOrder(data.vectors().length, inputOrder::drawLevel));
        double base = Recall.at(inputOrder, data.queries(), truth, Recall.hnsw(40), 10);
        for (int threads : new int[] {1, 4}) {
            HnswIndex index = HnswIndex.create(data.dimensions(), Metric.L2, HnswParams.defaults());
            index.load(data.rowIds(), data.vectors(), threads, null,
                    BuildOrder.of(data.vectors(), 1, threads, PARTITION_ROWS, index::drawLevel));
            HnswConcurrentBuildTest.checkInvariants(index);
            double recall = Recall.at(index, data.queries(), truth, Recall.hnsw(40), 10);
            assertTrue(recall >= floor && recall >= base - 0.01,
                    data.name() + " on " + threads + " threads: recall " + recall + " vs input order " + base);
        }
    }
}
