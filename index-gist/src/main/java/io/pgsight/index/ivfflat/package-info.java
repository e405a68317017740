/**
 * IVFFlat index ({@link io.pgsight.index.ivfflat.IvfFlatIndex}) shared by pgvector's
 * {@code ivfflat} and pase's {@code pase_ivfflat}.
 *
 * <p>Build: max(50·lists, 10000) rows sampled (reservoir, fixed seed), k-means++ then Lloyd until
 * no assignment changes (at most 500 iterations), empty clusters re-seeded with uniform [0,1)
 * vectors; inner product and cosine train spherical k-means on normalised samples. Every row goes
 * to its nearest centre (exact, triangle-inequality pruned). A scan ranks the centres, reads the
 * nearest {@code probes} lists and returns their rows in ascending distance; iterative scans read
 * further batches of {@code probes} lists up to max(maxProbes, probes) (relaxed order). Cosine
 * zero vectors are not indexed; a null query returns the first lists' rows with distance 0.
 * Lists keep each vector of 32+ dimensions as a 16-dimension head and a tail in separate arrays,
 * so a squared-L2 scan streams the heads and skips the tails of rows that cannot reach the first
 * 16 results (exact: see {@code IvfScan}).
 * {@link io.pgsight.index.ivfflat.IvfFlatIndex#trainedWithLittleData()} tells the SQL layer to
 * emit pgvector's "ivfflat index created with little data" NOTICE.
 */
package io.pgsight.index.ivfflat;
