package io.pgsight.index.rtree;

/**
 * Best-first nearest-neighbour search (Hjaltason and Samet): a min-heap keyed by the GiST distance
 * lower bound of subtrees and by the exact GiST distance of rows. An item popped from the heap is
 * nearer than anything still unexplored, so the order is exact. Lazy: each {@link #next()} does
 * only the work needed for one more row.
 *
 * <p>A leaf reached through the heap does not push its rows one by one: its rows' distances are
 * computed in one pass and the leaf goes back on the heap as a run keyed by its nearest row; the run
 * is sorted only if a second row of it is asked for. Most expanded leaves never give a row before
 * the search ends, so this saves a heap operation per row.
 *
 * <p>Not thread-safe (one per scan), but it reads an immutable snapshot, so concurrent writers do
 * not disturb it.
 */
public final class KnnCursor {
    private static final int D = Box.DIMENSIONS;

    private final float[] query;
    private double[] keys = new double[64];
    /** A {@link Node} to expand, or a {@link Run} of rows. */
    private Object[] items = new Object[64];
    private int heapSize;

    private long rowId;
    private double distance;
    private float operatorDistance;
    private float[] point;

    /** The rows of one leaf with their distances, handed out nearest first. */
    private static final class Run {
        final Node.Leaf leaf;
        final double[] dist;
        int[] order; // null until a second row is needed
        int next;

        Run(Node.Leaf leaf, double[] dist) {
            this.leaf = leaf;
            this.dist = dist;
        }

        /** The entry index of the next row in distance order. */
        int peek() {
            if (order != null) {
                return order[next];
            }
            int best = 0;
            for (int e = 1; e < dist.length; e++) {
                if (dist[e] < dist[best]) {
                    best = e;
                }
            }
            return best;
        }

        void advance() {
            if (order == null) {
                order = sortedEntries(dist);
            }
            next++;
        }

        boolean done() {
            return next >= dist.length;
        }
    }

    KnnCursor(Node root, float[] query) {
        this.query = query;
        if (root != null) {
            push(0.0, root);
        }
    }

    /** Advances to the next-nearest row; false when every row has been returned. */
    public boolean next() {
        while (heapSize > 0) {
            double key = keys[0];
            Object item = items[0];
            pop();
            if (item instanceof Run run) {
                int e = run.peek();
                Node.Leaf leaf = run.leaf;
                rowId = leaf.rowIds()[e];
                distance = key;
                operatorDistance = SignatureGistOps.operatorDistance(leaf.points(), e * D, query);
                point = java.util.Arrays.copyOfRange(leaf.points(), e * D, e * D + D);
                run.advance();
                if (!run.done()) {
                    push(run.dist[run.peek()], run);
                }
                return true;
            }
            if (item instanceof Node.Leaf leaf) {
                double[] dist = pointDistances(leaf.points(), leaf.size(), query);
                Run run = new Run(leaf, dist);
                push(dist[run.peek()], run);
            } else {
                Node.Inner in = (Node.Inner) item;
                float[] lo = in.lo();
                float[] hi = in.hi();
                Node[] children = in.children();
                for (int c = 0; c < children.length; c++) {
                    push(SignatureGistOps.distance(lo, c * D, hi, c * D, query), children[c]);
                }
            }
        }
        return false;
    }

    /**
     * The GiST distance of each point: imgsmlr's box distance with lo == hi, which is the float
     * square of each coordinate difference summed in double, a NaN on either side adding nothing.
     */
    static double[] pointDistances(float[] points, int n, float[] q) {
        double[] out = new double[n];
        for (int e = 0; e < n; e++) {
            int o = e * D;
            double acc = 0.0;
            for (int k = 0; k < D; k++) {
                float t = q[k] - points[o + k];
                float sq = t * t;
                acc += sq == sq ? (double) sq : 0.0;
            }
            out[e] = Math.sqrt(acc);
        }
        return out;
    }

    /** Entry indices by increasing distance (insertion sort: leaves are small). */
    private static int[] sortedEntries(double[] dist) {
        int n = dist.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            double d = dist[i];
            int j = i;
            while (j > 0 && dist[order[j - 1]] > d) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = i;
        }
        return order;
    }

    public long rowId() {
        return rowId;
    }

    /** The GiST distance (double accumulation) that ranks this row. */
    public double distance() {
        return distance;
    }

    /** What {@code signature <-> query} returns for this row (float4 arithmetic). */
    public float operatorDistance() {
        return operatorDistance;
    }

    /** The indexed signature of this row (a copy). */
    public float[] point() {
        return point.clone();
    }

    private void push(double key, Object item) {
        if (heapSize == keys.length) {
            int cap = heapSize * 2;
            keys = java.util.Arrays.copyOf(keys, cap);
            items = java.util.Arrays.copyOf(items, cap);
        }
        int i = heapSize++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (keys[parent] <= key) {
                break;
            }
            keys[i] = keys[parent];
            items[i] = items[parent];
            i = parent;
        }
        keys[i] = key;
        items[i] = item;
    }

    private void pop() {
        int last = --heapSize;
        double key = keys[last];
        Object item = items[last];
        items[last] = null;
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= last) {
                break;
            }
            if (child + 1 < last && keys[child + 1] < keys[child]) {
                child++;
            }
            if (keys[child] >= key) {
                break;
            }
            keys[i] = keys[child];
            items[i] = items[child];
            i = child;
        }
        if (last > 0) {
            keys[i] = key;
            items[i] = item;
        }
    }
}
