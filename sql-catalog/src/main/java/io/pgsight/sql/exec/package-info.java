/**
 * Execution support: pull-based {@link io.pgsight.sql.exec.PlanNode}s, the per-statement
 * {@link io.pgsight.sql.exec.ExecContext} (the SPI's FunctionContext), row writes with constraint
 * checks and row locks ({@link io.pgsight.sql.exec.TableWriter}), value ordering and EXPLAIN output.
 */
package io.pgsight.sql.exec;
