package io.pgsight.sql.builtin.window;

/**
 * The body of a window-only function (pg_proc.prokind 'w'). These functions have no per-row body:
 * the engine's window executor recognises {@code FunctionDef.body() instanceof WindowFunction} and
 * computes the value from the partition and frame. Ordinary aggregates used with OVER are evaluated
 * by the executor through their {@link io.pgsight.sql.spi.AggregateDef}.
 */
public enum WindowFunction {
    ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK, CUME_DIST, NTILE, LAG, LEAD, FIRST_VALUE, LAST_VALUE, NTH_VALUE
}
