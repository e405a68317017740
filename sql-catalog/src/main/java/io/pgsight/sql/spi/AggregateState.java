package io.pgsight.sql.spi;

/** The running state of one aggregate over one group. */
public interface AggregateState {
    /** Adds one input row; for a strict aggregate never called with null arguments. */
    void add(FunctionContext ctx, Object[] args);

    /** The final value (null for SQL NULL, e.g. avg over no rows). */
    Object result(FunctionContext ctx);

    /**
     * Whether the state holds on to every input (array_agg, string_agg): the engine then counts the
     * inputs against the statement's memory bound, as it does for rows it buffers itself.
     */
    default boolean keepsInputs() {
        return false;
    }
}
