package io.pgsight.index.hnsw;

/**
 * Build parameters of an HNSW graph.
 *
 * @param m                      links per node on upper layers; layer 0 keeps 2·m (pgvector's m)
 * @param efConstruction         beam width while inserting
 * @param keepPrunedConnections  refill a node's links with the nearest pruned candidates up to its
 *                               capacity (pgvector does; pase does not)
 * @param alpha                  relaxation of the diversity test: candidate e is pruned by an
 *                               already kept r only when alpha·d(e,r) ≤ d(e,base). 1 is the paper's
 *                               heuristic (pgvector, pase); larger keeps more long links, which
 *                               keeps tight clusters connected. Ignored for inner product.
 * @param seed                   seed of the level generator (levels are a deterministic function of
 *                               seed and insertion number)
 */
public record HnswParams(int m, int efConstruction, boolean keepPrunedConnections, float alpha, long seed) {
    /** Default relaxation: 1 (the paper's test); alpha 1.2 measured worse on seed004 200k (see BENCHMARKS.md). */
    public static final float DEFAULT_ALPHA = 1.0f;
    public static final long DEFAULT_SEED = 0x5EED_4E5Bl;

    public HnswParams {
        if (m < 2) {
            throw new IllegalArgumentException("m must be at least 2");
        }
        if (efConstruction < 1) {
            throw new IllegalArgumentException("efConstruction must be at least 1");
        }
        if (!(alpha >= 1f)) {
            throw new IllegalArgumentException("alpha must be at least 1");
        }
    }

    /** pgvector-style parameters (keeps pruned connections). */
    public HnswParams(int m, int efConstruction) {
        this(m, efConstruction, true, DEFAULT_ALPHA, DEFAULT_SEED);
    }

    /** pgvector's defaults: m = 16, ef_construction = 64. */
    public static HnswParams defaults() {
        return new HnswParams(16, 64);
    }

    public HnswParams withAlpha(float newAlpha) {
        return new HnswParams(m, efConstruction, keepPrunedConnections, newAlpha, seed);
    }

    public HnswParams withKeepPrunedConnections(boolean keep) {
        return new HnswParams(m, efConstruction, keep, alpha, seed);
    }

    public HnswParams withSeed(long newSeed) {
        return new HnswParams(m, efConstruction, keepPrunedConnections, alpha, newSeed);
    }

    /** Link capacity of a layer: 2·m on layer 0, m above. */
    public int maxLinks(int layer) {
        return layer == 0 ? 2 * m : m;
    }

    /** pgvector's level cap for 8 kB pages: min(floor(1358 / m) − 2, 63). */
    public int maxLevel() {
        return Math.max(1, Math.min(1358 / m - 2, 63));
    }
}
