package io.pgsight.index.internal;

import java.util.Arrays;

/**
 * Binary heap of (distance, node) pairs without boxing. A min-heap pops the nearest, a max-heap
 * the farthest. Not thread-safe.
 */
public final class NodeHeap {
    private final boolean max;
    private float[] dist;
    private int[] node;
    private int size;

    private NodeHeap(boolean max, int capacity) {
        this.max = max;
        this.dist = new float[Math.max(4, capacity)];
        this.node = new int[Math.max(4, capacity)];
    }

    public static NodeHeap minHeap(int capacity) {
        return new NodeHeap(false, capacity);
    }

    public static NodeHeap maxHeap(int capacity) {
        return new NodeHeap(true, capacity);
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public void clear() {
        size = 0;
    }

    public float topDistance() {
        return dist[0];
    }

    public int topNode() {
        return node[0];
    }

    private boolean above(float a, float b) {
        return max ? a > b : a < b;
    }

    public void push(float d, int n) {
        if (size == dist.length) {
            dist = Arrays.copyOf(dist, size * 2);
            node = Arrays.copyOf(node, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!above(d, dist[parent])) {
                break;
            }
            dist[i] = dist[parent];
            node[i] = node[parent];
            i = parent;
        }
        dist[i] = d;
        node[i] = n;
    }

    /** Removes the top; read it first with {@link #topDistance()} / {@link #topNode()}. */
    public void pop() {
        int last = --size;
        if (last == 0) {
            return;
        }
        float d = dist[last];
        int n = node[last];
        int i = 0;
        int half = last >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < last && above(dist[right], dist[child])) {
                child = right;
            }
            if (!above(dist[child], d)) {
                break;
            }
            dist[i] = dist[child];
            node[i] = node[child];
            i = child;
        }
        dist[i] = d;
        node[i] = n;
    }

    /** Raw access for iteration in heap order (index below {@link #size()}). */
    public float distanceAt(int i) {
        return dist[i];
    }

    public int nodeAt(int i) {
        return node[i];
    }
}
