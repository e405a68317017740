package io.pgsight.index;

/**
 * How two vectors are compared; each is a distance (smaller = closer). Values are what the SQL
 * operator returns, so an index can report them as-is.
 */
public enum Metric {
    /** Euclidean distance (pgvector {@code <->}). */
    L2,
    /** Squared Euclidean distance (pase {@code <?>} ranking). */
    L2_SQUARED,
    /** Negative inner product (pgvector {@code <#>}). */
    NEGATIVE_INNER_PRODUCT,
    /** 1 - cosine similarity (pgvector {@code <=>}). */
    COSINE,
    /** Manhattan distance (pgvector {@code <+>}). */
    L1
}
