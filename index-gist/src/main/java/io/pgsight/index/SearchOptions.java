package io.pgsight.index;

/**
 * Per-scan knobs, read from SQL settings by the caller. {@code efSearch} for HNSW, {@code probes} for
 * IVFFlat; {@code iterative} continues past the first candidate list (pgvector 0.8's
 * relaxed_order iterative scan) up to {@code maxScanTuples} visited rows (HNSW) or {@code maxProbes}
 * lists (IVFFlat); {@code cancelCheck} is run in long loops and may throw.
 */
public record SearchOptions(int efSearch, int probes, boolean iterative, long maxScanTuples, int maxProbes,
                            Runnable cancelCheck) {
    public static SearchOptions defaults() {
        return new SearchOptions(40, 1, false, 20_000, Integer.MAX_VALUE, () -> { });
    }
}
