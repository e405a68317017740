package io.pgsight.index.ivfflat;

import java.util.Arrays;

/**
 * The k smallest scan keys seen so far (sortable distance bits in the high half, batch position in
 * the low half: the order a scan hands rows out in), as a max-heap. Its top bounds what can still
 * enter the k nearest, so a row whose partial sum already passes it need not be measured whole;
 * and once every whole distance was offered, it holds the scan's first k rows.
 */
final class TopBound {
    private final long[] heap;
    private int size;

    TopBound(int k) {
        heap = new long[k];
    }

    /**
     * +infinity until k keys were offered (always, for k = 0), then the k-th smallest key's
     * distance (keys of non-negative distances hold their float bits unchanged).
     */
    float bound() {
        return size < heap.length || heap.length == 0 ? Float.POSITIVE_INFINITY
                : Float.intBitsToFloat((int) (heap[0] >>> 32));
    }

    void offer(long key) {
        if (heap.length == 0) {
            return;
        }
        if (size < heap.length) {
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (heap[parent] >= key) {
                    break;
                }
                heap[i] = heap[parent];
                i = parent;
            }
            heap[i] = key;
        } else if (key < heap[0]) {
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && heap[child + 1] > heap[child]) {
                    child++;
                }
                if (heap[child] <= key) {
                    break;
                }
                heap[i] = heap[child];
                i = child;
            }
            heap[i] = key;
        }
    }

    /** The keys held, ascending. */
    long[] sortedKeys() {
        long[] keys = Arrays.copyOf(heap, size);
        Arrays.sort(keys);
        return keys;
    }
}
