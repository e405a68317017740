package io.pgsight.index.pase;

/**
 * pase_hnsw's options (range checks are the SQL layer's reloption validation).
 *
 * @param baseNbNum M: layer 0 keeps 2·M links, upper layers M (default 16, range 5..64)
 * @param efBuild   beam width while linking (default 40, range 10..320)
 * @param efSearch  default beam width and maximum rows a scan returns (default 50, range 10..400)
 */
public record PaseHnswParams(int baseNbNum, int efBuild, int efSearch) {
    public static PaseHnswParams defaults() {
        return new PaseHnswParams(16, 40, 50);
    }

    /** The query literal's middle number overrides ef_search when positive. */
    public int efSearchFor(int queryExtra) {
        return queryExtra > 0 ? queryExtra : efSearch;
    }
}
