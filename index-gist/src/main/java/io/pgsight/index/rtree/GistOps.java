package io.pgsight.index.rtree;

import java.util.List;

/**
 * The GiST support-function shape for keys {@code K} and queries {@code Q}: what an operator class
 * tells a generic balanced tree. Implementations are stateless and thread-safe.
 */
public interface GistOps<K, Q> {
    /** Whether a subtree with this key may contain matches of {@code query} for {@code strategy}. */
    boolean consistent(K key, Q query, int strategy);

    /** The smallest key covering all {@code keys} (non-empty). */
    K union(List<K> keys);

    /** The cost of adding {@code added} under {@code original}; smaller is better. */
    float penalty(K original, K added);

    /** Splits an overflowing node's keys in two non-empty groups. */
    Split picksplit(List<K> keys);

    boolean same(K a, K b);

    /** A lower bound of the distance from {@code query} to anything under {@code key}; exact for leaf keys. */
    double distance(K key, Q query);

    /** Indices of the keys going left and right. */
    record Split(int[] left, int[] right) {
    }
}
