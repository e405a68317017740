package io.pgsight.index.rtree;

/**
 * Best-first nearest-neighbour search (Hjaltason and Samet): a min-heap keyed by the GiST distance
 * lower bound of subtrees and by the exact GiST distance of rows. An item popped from the heap is
 * nearer than anything still unexplored, so the order is exact. Lazy: each {@link #next()} does
 * only the work needed for one more row.
 *
 * <p>An expanded node does not push its entries one by one: the distances of all its entries (child
 * boxes, or rows of a leaf) are computed in one pass and the node goes on the heap as one run keyed
 * by its nearest entry; the run is sorted only if a second entry is asked for. Most entries of an
 * expanded node are never reached before the search ends, so this saves most heap operations and
 * keeps the heap small.
 *
 * <p>Not thread-safe (one per scan), but it reads an immutable snapshot, so concurrent writers do
 * not disturb it.
 */
public final class KnnCursor {
    private static final int D = Box.DIMENSIONS;

    private final float[] query;
    private double[] keys = new double[64];
    /** The root {@link Node} to expand, or a {@link Run}. */
    private Object[] items = new Object[64];
    private int heapSize;

    private long rowId;
    private double distance;
    private float operatorDistance;
    private float[] point;

    /** The entries of one expanded node (child subtrees, or a leaf's rows) with their distances, nearest first. */
    private static final class Run {
        final Node node;
        final double[] dist;
        int[] order; // null until a second entry is needed
        int next;

        Run(Node node, double[] dist) {
            this.node = node;
            this.dist = dist;
        }

        /** The index of the next entry in distance order. */
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
            if (item instanceof Node root) {
                expand(root);
                continue;
            }
            Run run = (Run) item;
            int e = run.peek();
            run.advance();
            if (!run.done()) {
                push(run.dist[run.peek()], run);
            }
            if (run.node instanceof Node.Leaf leaf) {
                rowId = leaf.rowIds()[e];
                distance = key;
                operatorDistance = SignatureGistOps.operatorDistance(leaf.points(), e * D, query);
                point = java.util.Arrays.copyOfRange(leaf.points(), e * D, e * D + D);
                return true;
            }
            // the subtree's box is now the nearest thing unexplored: open it
            expand(((Node.Inner) run.node).children()[e]);
        }
        return false;
    }

    private void expand(Node node) {
        double[] dist;
        if (node instanceof Node.Leaf leaf) {
            dist = pointDistances(leaf.points(), leaf.size(), query);
        } else {
            Node.Inner in = (Node.Inner) node;
            float[] lo = in.lo();
            float[] hi = in.hi();
            dist = new double[in.size()];
            for (int c = 0; c < dist.length; c++) {
                dist[c] = SignatureGistOps.distance(lo, c * D, hi, c * D, query);
            }
        }
        if (dist.length > 0) {
            Run run = new Run(node, dist);
            push(dist[run.peek()], run);
        }
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
