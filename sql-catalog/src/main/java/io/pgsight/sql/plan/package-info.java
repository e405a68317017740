/**
 * Planning: {@link io.pgsight.sql.plan.QueryPlanner} builds executable {@link io.pgsight.sql.plan.Nodes}
 * from a query: scans (sequential, primary-key lookups, KNN index scans through the SPI's ordered scans,
 * also driving an inner join), joins, grouping ({@link io.pgsight.sql.plan.Nodes.Aggregate}), windows
 * ({@link io.pgsight.sql.plan.WindowAgg}), projection with set-returning functions, DISTINCT, sorting,
 * LIMIT with InitPlans, set operations. Nodes print themselves for EXPLAIN in PostgreSQL's shape.
 */
package io.pgsight.sql.plan;
