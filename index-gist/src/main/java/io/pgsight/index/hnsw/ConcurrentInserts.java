package io.pgsight.index.hnsw;

import java.util.Arrays;

/**
 * Allocates node ids and remembers which inserts are still linking, so that inserts running at
 * the same time can see each other.
 *
 * <p>Why: an insert finds its neighbours by searching the graph, and a node that another thread is
 * still linking is not reachable yet. Two nearby points inserted at once then miss each other;
 * when each one's reverse link is also pruned from the neighbour they share (always so on a line,
 * and without pase's refill of pruned links), the later one ends with no incoming link and is
 * lost to every search. Rule: an insert that starts at time t (a) seeds its search with the nodes
 * still linking at t (a node linked at t may be reachable only through them) and (b) merges every
 * node allocated after t and before its own id into its candidates. Any other node finished
 * linking before t, or was allocated after this one (and that insert considers this node by the
 * same rule). {@link NeighborSelector#rehome} covers the remaining case, a link dropped in favour
 * of a neighbour that never linked back.
 *
 * <p>All methods synchronize on this object; each is O(concurrent inserts), once or twice per insert.
 */
final class ConcurrentInserts {
    private final HnswGraph graph;
    private int[] linking = new int[16];
    private int linkingCount;
    private volatile int allocated;

    ConcurrentInserts(HnswGraph graph) {
        this.graph = graph;
    }

    /** Nodes allocated so far (ids are 0 .. allocated - 1). */
    int allocated() {
        return allocated;
    }

    /** After a snapshot was read into the graph: ids below {@code count} exist and are linked. */
    synchronized void restoreAllocated(int count) {
        allocated = count;
    }

    /**
     * Starts an insert: copies the ids of nodes still linking into {@code window.ids} and records
     * the next id to be allocated.
     */
    synchronized void begin(Window window) {
        if (window.ids.length < linkingCount) {
            window.ids = new int[Math.max(linkingCount, 2 * window.ids.length)];
        }
        System.arraycopy(linking, 0, window.ids, 0, linkingCount);
        window.count = linkingCount;
        window.firstNew = allocated;
    }

    /**
     * Allocates and stores a node, marked as linking. The node's data is written before its id
     * becomes visible to {@link #begin} (same monitor), so others may read its vector and level.
     */
    synchronized int allocate(float[] vector, long rowId, int level, boolean linkLater) {
        int node = allocated;
        graph.ensureCapacity(node + 1);
        graph.initNode(node, vector, rowId, level);
        if (linkLater) {
            if (linkingCount == linking.length) {
                linking = Arrays.copyOf(linking, linkingCount * 2);
            }
            linking[linkingCount++] = node;
        }
        allocated = node + 1;
        return node;
    }

    /** Ends an insert started with {@link #allocate}: the node is linked into the graph. */
    synchronized void linked(int node) {
        for (int i = 0; i < linkingCount; i++) {
            if (linking[i] == node) {
                linking[i] = linking[--linkingCount];
                return;
            }
        }
    }

    /** What one insert must consider besides its search results: {@code ids[0..count)} and {@code [firstNew, own id)}. */
    static final class Window {
        int[] ids = new int[16];
        int count;
        int firstNew;
    }
}
