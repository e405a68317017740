package io.pgsight.index.rtree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An R-tree over 16-D float signatures keyed by row id, with gist_signature_ops' behaviour (see
 * {@link SignatureGistOps}): bulk-built from existing rows, then GiST-style inserts (choose the
 * child by penalty, split overflowing nodes with picksplit, adjust parent keys with union) and
 * removals. Exact best-first KNN.
 *
 * <p>Concurrency: nodes are immutable and a writer publishes a new root after copying the path it
 * changed, so searches never block and see a consistent snapshot; writers of this index serialise
 * on its own lock (no global lock).
 */
public final class SignatureRTree {
    private static final int D = Box.DIMENSIONS;
    public static final int DEFAULT_LEAF_CAPACITY = 32;
    public static final int DEFAULT_INNER_CAPACITY = 32;

    private final int leafCapacity;
    private final int innerCapacity;
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile Snapshot snapshot;

    /** What readers see: a root (null when empty) and the number of rows. */
    record Snapshot(Node root, int size) {
    }

    private SignatureRTree(int leafCapacity, int innerCapacity, Node root, int size) {
        if (leafCapacity < 4 || innerCapacity < 4) {
            throw new IllegalArgumentException("node capacities must be at least 4");
        }
        this.leafCapacity = leafCapacity;
        this.innerCapacity = innerCapacity;
        this.snapshot = new Snapshot(root, size);
    }

    public static SignatureRTree empty() {
        return new SignatureRTree(DEFAULT_LEAF_CAPACITY, DEFAULT_INNER_CAPACITY, null, 0);
    }

    /**
     * Bulk-builds from {@code rowIds.length} points, {@code points} holding 16 floats per row
     * (the arrays are not kept).
     */
    public static SignatureRTree build(float[] points, long[] rowIds) {
        return build(points, rowIds, DEFAULT_LEAF_CAPACITY, DEFAULT_INNER_CAPACITY);
    }

    public static SignatureRTree build(float[] points, long[] rowIds, int leafCapacity, int innerCapacity) {
        if (points.length != rowIds.length * D) {
            throw new IllegalArgumentException("points must hold " + D + " floats per row id");
        }
        Node root = BulkLoader.build(points.clone(), rowIds, leafCapacity, innerCapacity);
        return new SignatureRTree(leafCapacity, innerCapacity, root, rowIds.length);
    }

    public int size() {
        return snapshot.size();
    }

    /** The current root (null when empty), for benchmarks and tests in this package. */
    Node snapshotRoot() {
        return snapshot.root();
    }

    /** Tree height (0 when empty, 1 for a single leaf). */
    public int height() {
        int h = 0;
        for (Node n = snapshot.root(); n != null; n = n instanceof Node.Inner in ? in.children()[0] : null) {
            h++;
        }
        return h;
    }

    /** Rough heap bytes of the nodes. */
    public long memoryBytes() {
        return memory(snapshot.root());
    }

    private static long memory(Node n) {
        if (n == null) {
            return 0;
        }
        if (n instanceof Node.Leaf leaf) {
            return 64 + leaf.points().length * 4L + leaf.rowIds().length * 8L;
        }
        Node.Inner in = (Node.Inner) n;
        long m = 64 + in.lo().length * 8L + in.children().length * 8L;
        for (Node c : in.children()) {
            m += memory(c);
        }
        return m;
    }

    /** Rows in increasing GiST distance from {@code query}; a lazy, exact best-first search over a snapshot. */
    public KnnCursor nearest(float[] query) {
        if (query.length != D) {
            throw new IllegalArgumentException("query must have " + D + " dimensions");
        }
        return new KnnCursor(snapshot.root(), query.clone());
    }

    public void insert(long rowId, float[] point) {
        if (point.length != D) {
            throw new IllegalArgumentException("point must have " + D + " dimensions");
        }
        float[] p = point.clone();
        writeLock.lock();
        try {
            Snapshot s = snapshot;
            Node root;
            if (s.root() == null) {
                root = new Node.Leaf(p, new long[] {rowId});
            } else {
                Node[] replaced = insertInto(s.root(), rowId, p);
                root = replaced.length == 1 ? replaced[0] : Node.Inner.of(replaced);
            }
            snapshot = new Snapshot(root, s.size() + 1);
        } finally {
            writeLock.unlock();
        }
    }

    /** Inserts below {@code node}; returns the node's replacement, or two nodes when it split. */
    private Node[] insertInto(Node node, long rowId, float[] p) {
        if (node instanceof Node.Leaf leaf) {
            int n = leaf.size();
            float[] pts = Arrays.copyOf(leaf.points(), (n + 1) * D);
            System.arraycopy(p, 0, pts, n * D, D);
            long[] ids = Arrays.copyOf(leaf.rowIds(), n + 1);
            ids[n] = rowId;
            return n + 1 <= leafCapacity ? new Node[] {new Node.Leaf(pts, ids)} : splitLeaf(pts, ids);
        }
        Node.Inner in = (Node.Inner) node;
        int c = chooseSubtree(in, p);
        Node[] below = insertInto(in.children()[c], rowId, p);
        Node.Inner replaced = in.replace(c, below);
        return replaced.size() <= innerCapacity
                ? new Node[] {replaced}
                : splitInner(Arrays.asList(replaced.children()));
    }

    /**
     * The child whose box grows least in margin (the L1 distance from the point to the box), ties
     * to the smaller box. imgsmlr's penalty is volume growth, but 16-D volumes are products of
     * sixteen small sides, 0 or noise, so it cannot tell children apart (see the package note).
     */
    private static int chooseSubtree(Node.Inner in, float[] p) {
        int best = 0;
        float bestGrowth = Float.POSITIVE_INFINITY;
        float bestMargin = Float.POSITIVE_INFINITY;
        float[] lo = in.lo();
        float[] hi = in.hi();
        for (int c = 0; c < in.size(); c++) {
            float growth = SignatureGistOps.marginPenalty(lo, c * D, hi, p);
            if (growth > bestGrowth) {
                continue;
            }
            float margin = 0.0f;
            for (int k = 0; k < D; k++) {
                margin += hi[c * D + k] - lo[c * D + k];
            }
            if (margin != margin) {
                margin = Float.POSITIVE_INFINITY;
            }
            if (growth < bestGrowth || margin < bestMargin) {
                best = c;
                bestGrowth = growth;
                bestMargin = margin;
            }
        }
        return best;
    }

    private Node[] splitLeaf(float[] pts, long[] ids) {
        int n = ids.length;
        int[] order = MedianSplit.order(pts, pts, n);
        int half = n / 2;
        return new Node[] {leafOf(pts, ids, Arrays.copyOfRange(order, 0, half)),
            leafOf(pts, ids, Arrays.copyOfRange(order, half, n))};
    }

    private static Node.Leaf leafOf(float[] pts, long[] ids, int[] which) {
        float[] p = new float[which.length * D];
        long[] r = new long[which.length];
        for (int k = 0; k < which.length; k++) {
            System.arraycopy(pts, which[k] * D, p, k * D, D);
            r[k] = ids[which[k]];
        }
        return new Node.Leaf(p, r);
    }

    private Node[] splitInner(List<Node> children) {
        int n = children.size();
        float[] lo = new float[n * D];
        float[] hi = new float[n * D];
        for (int c = 0; c < n; c++) {
            children.get(c).bounds(lo, hi, c * D);
        }
        int[] order = MedianSplit.order(lo, hi, n);
        int half = n / 2;
        return new Node[] {innerOf(children, Arrays.copyOfRange(order, 0, half)),
            innerOf(children, Arrays.copyOfRange(order, half, n))};
    }

    private static Node.Inner innerOf(List<Node> children, int[] which) {
        Node[] c = new Node[which.length];
        for (int k = 0; k < which.length; k++) {
            c[k] = children.get(which[k]);
        }
        return Node.Inner.of(c);
    }

    /** Removes the entry ({@code rowId}, {@code point}); false when it is not in the tree. */
    public boolean remove(long rowId, float[] point) {
        writeLock.lock();
        try {
            Snapshot s = snapshot;
            if (s.root() == null) {
                return false;
            }
            Removal r = removeFrom(s.root(), rowId, point);
            if (!r.found()) {
                return false;
            }
            Node root = r.node();
            while (root instanceof Node.Inner in && in.size() == 1) {
                root = in.children()[0];
            }
            snapshot = new Snapshot(root, s.size() - 1);
            return true;
        } finally {
            writeLock.unlock();
        }
    }

    /** found, and the node's replacement (null when it became empty). */
    private record Removal(boolean found, Node node) {
    }

    private static Removal removeFrom(Node node, long rowId, float[] p) {
        if (node instanceof Node.Leaf leaf) {
            for (int e = 0; e < leaf.size(); e++) {
                if (leaf.rowIds()[e] == rowId && samePoint(leaf.points(), e * D, p)) {
                    int n = leaf.size() - 1;
                    if (n == 0) {
                        return new Removal(true, null);
                    }
                    float[] pts = new float[n * D];
                    long[] ids = new long[n];
                    System.arraycopy(leaf.points(), 0, pts, 0, e * D);
                    System.arraycopy(leaf.points(), (e + 1) * D, pts, e * D, (n - e) * D);
                    System.arraycopy(leaf.rowIds(), 0, ids, 0, e);
                    System.arraycopy(leaf.rowIds(), e + 1, ids, e, n - e);
                    return new Removal(true, new Node.Leaf(pts, ids));
                }
            }
            return new Removal(false, node);
        }
        Node.Inner in = (Node.Inner) node;
        for (int c = 0; c < in.size(); c++) {
            if (!covers(in, c, p)) {
                continue;
            }
            Removal r = removeFrom(in.children()[c], rowId, p);
            if (r.found()) {
                List<Node> children = new ArrayList<>(Arrays.asList(in.children()));
                if (r.node() == null) {
                    children.remove(c);
                } else {
                    children.set(c, r.node());
                }
                return new Removal(true, children.isEmpty() ? null : Node.Inner.of(children.toArray(new Node[0])));
            }
        }
        return new Removal(false, node);
    }

    private static boolean covers(Node.Inner in, int c, float[] p) {
        for (int k = 0; k < D; k++) {
            float v = p[k];
            if (v != v) {
                continue; // NaN dimensions are unbounded in every box above them
            }
            if (v < in.lo()[c * D + k] || v > in.hi()[c * D + k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean samePoint(float[] pts, int off, float[] p) {
        for (int k = 0; k < D; k++) {
            if (Float.floatToIntBits(pts[off + k]) != Float.floatToIntBits(p[k])) {
                return false;
            }
        }
        return true;
    }
}
