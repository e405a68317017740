package io.pgsight.index.ivfflat;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Distance arrays handed from finished scans to later ones. A pase tutorial query measures about
 * 370,000 rows: a fresh array of that size per query is a humongous G1 allocation, zeroed each
 * time, in a heap the table and indexes already nearly fill. A scan that is never closed just
 * leaves its array to the collector.
 */
final class ScanBuffers {
    private static final int SLOTS = Math.max(2, Runtime.getRuntime().availableProcessors());
    /** Arrays above this many floats (64 MB) are not kept. */
    private static final int MAX_KEPT = 16 << 20;

    private final AtomicReferenceArray<float[]> free = new AtomicReferenceArray<>(SLOTS);

    /** An array of at least {@code capacity} floats, with arbitrary contents. */
    float[] take(int capacity) {
        for (int i = 0; i < SLOTS; i++) {
            if (free.get(i) != null) {
                float[] b = free.getAndSet(i, null);
                if (b != null && b.length >= capacity) {
                    return b;
                }
            }
        }
        return new float[capacity];
    }

    /** Offers an array no scan uses any more. */
    void give(float[] buffer) {
        if (buffer == null || buffer.length > MAX_KEPT || buffer.length == 0) {
            return;
        }
        for (int i = 0; i < SLOTS; i++) {
            if (free.compareAndSet(i, null, buffer)) {
                return;
            }
        }
    }
}
