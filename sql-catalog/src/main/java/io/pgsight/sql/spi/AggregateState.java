package io.pgsight.sql.spi;

/** The running state of one aggregate over one group. */
public interface AggregateState {
    /** Adds one input row; for a strict aggregate never called with null arguments. */
    void add(FunctionContext ctx, Object[] args);

    /**
     * Whether the state keeps every input (array_agg, string_agg), so the executor counts inputs
     * against the statement's memory bound; states of a fixed size (count, sum, avg) do not.
     */
    default boolean keepsInputs() {
        return false;
    }

    /** The final value (null for SQL NULL, e.g. avg over no rows). */
    Object result(FunctionContext ctx);
}
