package io.pgsight.index;

/**
 * Receives progress of a long index build so the SQL layer can emit pgvector-like NOTICEs or
 * pg_stat_progress_create_index updates. Called from build threads; implementations must be
 * thread-safe and cheap. Phases used: "initializing", "performing k-means", "assigning tuples",
 * "loading tuples" (IVFFlat) and "loading tuples" (HNSW).
 */
@FunctionalInterface
public interface BuildProgress {
    void report(String phase, long done, long total);

    BuildProgress NONE = (phase, done, total) -> { };
}
