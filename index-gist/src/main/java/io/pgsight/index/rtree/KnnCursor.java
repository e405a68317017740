package io.pgsight.index.rtree;

/**
 * Best-first nearest-neighbour search (Hjaltason and Samet): a min-heap of subtrees keyed by the
 * GiST distance lower bound and of leaf entries keyed by their exact GiST distance. An entry popped
 * from the heap is nearer than anything still unexplored, so the order is exact. Lazy: each
 * {@link #next()} does only the work needed for one more row. Not thread-safe (one per scan), but
 * it reads an immutable snapshot, so concurrent writers do not disturb it.
 */
public final class KnnCursor {
    private static final int D = Box.DIMENSIONS;

    private final float[] query;
    private double[] keys = new double[64];
    private Object[] items = new Object[64];
    /** For entry items: the leaf and the entry's index. */
    private int[] slots = new int[64];
    private int heapSize;

    private long rowId;
    private double distance;
    private float operatorDistance;
    private float[] point;

    KnnCursor(Node root, float[] query) {
        this.query = query;
        if (root != null) {
            push(0.0, root, -1);
        }
    }

    /** Advances to the next-nearest row; false when every row has been returned. */
    public boolean next() {
        while (heapSize > 0) {
            double key = keys[0];
            Object item = items[0];
            int slot = slots[0];
            pop();
            if (slot >= 0) {
                Node.Leaf leaf = (Node.Leaf) item;
                rowId = leaf.rowIds()[slot];
                distance = key;
                operatorDistance = SignatureGistOps.operatorDistance(leaf.points(), slot * D, query);
                point = java.util.Arrays.copyOfRange(leaf.points(), slot * D, slot * D + D);
                return true;
            }
            if (item instanceof Node.Leaf leaf) {
                float[] p = leaf.points();
                for (int e = 0; e < leaf.size(); e++) {
                    push(SignatureGistOps.distance(p, e * D, p, e * D, query), leaf, e);
                }
            } else {
                Node.Inner in = (Node.Inner) item;
                for (int c = 0; c < in.size(); c++) {
                    push(SignatureGistOps.distance(in.lo(), c * D, in.hi(), c * D, query), in.children()[c], -1);
                }
            }
        }
        return false;
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

    private void push(double key, Object item, int slot) {
        if (heapSize == keys.length) {
            int cap = heapSize * 2;
            keys = java.util.Arrays.copyOf(keys, cap);
            items = java.util.Arrays.copyOf(items, cap);
            slots = java.util.Arrays.copyOf(slots, cap);
        }
        int i = heapSize++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (keys[parent] <= key) {
                break;
            }
            keys[i] = keys[parent];
            items[i] = items[parent];
            slots[i] = slots[parent];
            i = parent;
        }
        keys[i] = key;
        items[i] = item;
        slots[i] = slot;
    }

    private void pop() {
        int last = --heapSize;
        double key = keys[last];
        Object item = items[last];
        int slot = slots[last];
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
            slots[i] = slots[child];
            i = child;
        }
        if (last > 0) {
            keys[i] = key;
            items[i] = item;
            slots[i] = slot;
        }
    }
}
