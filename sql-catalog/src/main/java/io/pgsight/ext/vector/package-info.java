/**
 * pgvector 0.8.6 as a built-in extension: the {@code vector}, {@code halfvec} and {@code sparsevec}
 * types (values {@link io.pgsight.ext.vector.Vector}, {@link io.pgsight.ext.vector.HalfVec},
 * {@link io.pgsight.ext.vector.SparseVec}), pgvector's functions on the built-in {@code bit} type
 * (values {@link io.pgsight.sql.spi.BitString}), operators, casts, aggregates, GUCs and the
 * {@code ivfflat}/{@code hnsw} access methods over index-gist's structures.
 *
 * <p>What the engine must do for this to behave like PostgreSQL: apply a column's or cast's typmod
 * through the cast functions / {@link io.pgsight.sql.spi.PgType#applyTypmod} after calling the input
 * function with typmod -1 (so {@code '[1,2,3]'::vector(2)} fails without a LINE pointer, as in
 * PostgreSQL); resolve operators through implicit casts (vector to halfvec/sparsevec/real[]);
 * describe operators without a comment by their function's comment ({@code \do}); call
 * {@code FunctionContext.notice(SqlException)} so NOTICE DETAIL/HINT survive; recompute ORDER BY
 * values from the row rather than trusting {@code OrderedScan.distance()} (a float-precision
 * ranking value).
 */
package io.pgsight.ext.vector;
