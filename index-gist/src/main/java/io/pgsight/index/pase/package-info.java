/**
 * pase's two access methods on the shared machinery: {@link io.pgsight.index.pase.PaseHnswIndex}
 * (pase_hnsw) and {@link io.pgsight.index.pase.PaseIvfFlatIndex} (pase_ivfflat). Both rank by
 * squared L2 whatever the query's distance type. Option parsing that needs pase's exact error
 * texts (clustering_params, centroid files) lives here and throws
 * {@link io.pgsight.index.IndexBuildException}; reloption range checks and WARNINGs for skipped
 * rows are the SQL layer's.
 */
package io.pgsight.index.pase;
