/**
 * Alibaba PASE 0.0.1 as a built-in extension: the {@code pase} query type, {@code pase(...)}
 * constructors, {@code g_pase_distance}/{@code <?>}/{@code <#>}/{@code <!>} (squared L2, or positive
 * inner product when the query's ds is 1) and the {@code pase_hnsw}/{@code pase_ivfflat} access
 * methods, which always rank by squared L2. The PL/pgSQL search helpers ship as SQL
 * ({@link io.pgsight.sql.spi.Extension#sqlScript()}).
 *
 * <p>Where pase crashes or misbehaves this implementation is clean instead: an empty literal and
 * invalid base64 are "pase data is invalid"; NULL array elements are refused; an empty index scans as
 * no rows; a query's ef_search does not stick to later queries; VACUUM (remove) works on both indexes.
 */
package io.pgsight.ext.pase;
