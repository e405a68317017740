/**
 * Index structures for similarity search, free of SQL: an R-tree with GiST's interface shape
 * (for imgsmlr signatures), IVFFlat and HNSW over float vectors. The SQL engine wraps them in its
 * access-method SPI. Nothing here imports other pgsight modules.
 */
package io.pgsight.index;
