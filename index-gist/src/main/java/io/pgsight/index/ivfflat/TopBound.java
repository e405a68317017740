package io.pgsight.index.ivfflat;

/**
 * The k smallest distances seen so far (a float max-heap): its top bounds what can still enter
 * the k nearest, so a row whose partial sum already passes it need not be measured whole.
 */
final class TopBound {
    private final float[] heap;
    private int size;

    TopBound(int k) {
        heap = new float[k];
    }

    /** +infinity until k distances were offered (always, for k = 0), then the k-th smallest. */
    float bound() {
        return size < heap.length || heap.length == 0 ? Float.POSITIVE_INFINITY : heap[0];
    }

    void offer(float d) {
        if (heap.length == 0) {
            return;
        }
        if (size < heap.length) {
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (heap[parent] >= d) {
                    break;
                }
                heap[i] = heap[parent];
                i = parent;
            }
            heap[i] = d;
        } else if (d < heap[0]) {
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && heap[child + 1] > heap[child]) {
                    child++;
                }
                if (heap[child] <= d) {
                    break;
                }
                heap[i] = heap[child];
                i = child;
            }
            heap[i] = d;
        }
    }
}
