/**
 * HNSW graph index ({@link io.pgsight.index.hnsw.HnswIndex}) shared by pgvector's {@code hnsw} and
 * pase's {@code pase_hnsw} access methods.
 *
 * <p>Behaviour the SQL layer can rely on:
 * <ul>
 *   <li>Layer 0 keeps 2·m links, upper layers m; levels floor(−ln U / ln m), capped like pgvector.</li>
 *   <li>Neighbour selection is the paper's heuristic; pgvector flavour refills with pruned
 *       candidates. When a full list takes a new reverse link it drops its <em>nearest</em>
 *       pruned link, which keeps links between tight clusters (see NeighborSelector).</li>
 *   <li>A non-iterative scan returns at most ef_search elements, nearest first; an element holds
 *       up to 10 rows with byte-identical vectors (pgvector), returned most recent first.</li>
 *   <li>Iterative scans ({@code SearchOptions.iterative}) follow pgvector's relaxed order: batches
 *       of ef_search, seeded from discarded candidates, until maxScanTuples elements were visited,
 *       then the remaining candidates in distance order.</li>
 *   <li>Cosine: stored vectors and the query are L2-normalised; zero vectors are not indexed
 *       (insert is a no-op); a zero query ranks everything equal and reports NaN distances
 *       (pgvector's cosine_distance of a zero vector). A null query returns ef_search elements in
 *       arbitrary order with distance 0 (pgvector's NULL ORDER BY value).</li>
 *   <li>Removed rows are never returned; their elements stay as waypoints (no vacuum repair).</li>
 *   <li>Reported distances are the SQL operator's value (L2 rooted, cosine 1 − similarity); they
 *       come from the ranking kernels, so the last float bits may differ from the SQL function.</li>
 *   <li>Searches descend the upper layers with a beam of 4 (pgvector: greedy), which keeps
 *       queries on data of many tight clusters from ending in the wrong cluster.</li>
 *   <li>A bulk load ({@code build}/{@code load}) of 20,000 rows or more inserts in a locality
 *       order ({@code BuildOrder}): the rows that reach the upper layers first, at random, then
 *       the rest grouped by a coarse partition. Graphs differ from an input-order build; recall
 *       is the same within noise, CPU time about a third (memory latency bound build).</li>
 *   <li>Concurrent inserts (and parallel builds of any size) see each other: see
 *       {@code ConcurrentInserts} and {@code NeighborSelector.rehome}. A build on several threads
 *       is not bit-identical to a sequential one, but keeps every element reachable.</li>
 *   <li>Snapshots ({@code writeSnapshot} / {@code readSnapshot}, format in {@code HnswSnapshot})
 *       restore an index that answers every search exactly as the original and grows the same
 *       way; writing holds inserts and removes back, never searches.</li>
 *   <li>Link distances are stored only while a graph grows by single inserts or a bulk load
 *       runs; after a load or a restore they are measured again when a list changes (memory).</li>
 * </ul>
 */
package io.pgsight.index.hnsw;
