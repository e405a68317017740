package io.pgsight.index.ivfflat;

/**
 * Build parameters of an IVFFlat index.
 *
 * @param lists         number of inverted lists (k-means centres), pgvector's {@code lists}
 * @param seed          seed for sampling and k-means++ initialisation
 * @param maxIterations cap on Lloyd iterations (pgvector: 500); training also stops as soon as
 *                      an iteration changes no assignment
 */
public record IvfFlatParams(int lists, long seed, int maxIterations) {
    public static final long DEFAULT_SEED = 0x1F5EEDL;

    public IvfFlatParams {
        if (lists < 1) {
            throw new IllegalArgumentException("lists must be at least 1");
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1");
        }
    }

    public IvfFlatParams(int lists) {
        this(lists, DEFAULT_SEED, 500);
    }

    /** pgvector's sample size: max(50 · lists, 10000), at most the number of rows. */
    public int sampleSize(int rows) {
        return (int) Math.min(rows, Math.max(50L * lists, 10_000L));
    }
}
