/**
 * An R-tree over 16-dimensional float signatures with GiST's interface shape ({@link
 * io.pgsight.index.rtree.GistOps}: consistent, union, penalty, picksplit, same, distance) and
 * imgsmlr's gist_signature_ops semantics ({@link io.pgsight.index.rtree.SignatureGistOps}).
 * {@link io.pgsight.index.rtree.SignatureRTree} bulk-builds, inserts and removes with copy-on-write
 * nodes (lock-free readers, one writer lock per tree); {@link io.pgsight.index.rtree.KnnCursor} is
 * an exact best-first nearest-neighbour scan.
 */
package io.pgsight.index.rtree;
