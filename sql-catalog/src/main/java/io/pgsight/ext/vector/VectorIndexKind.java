package io.pgsight.ext.vector;

/** The two pgvector access methods. */
enum VectorIndexKind {
    IVFFLAT("ivfflat"), HNSW("hnsw");

    final String amName;

    VectorIndexKind(String amName) {
        this.amName = amName;
    }
}
