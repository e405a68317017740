package io.pgsight.sql.spi;

/** The running state of one aggregate over one group. */
public interface AggregateState {
    /** Adds one input row; for a strict aggregate never called with null arguments. */
    void add(FunctionContext ctx, Object[] args);

    /**
     * False when {@link #add} never keeps a reference to its {@code args} array (values taken out of it are
     * fine): the executor may then pass the same array for every row instead of a new one.
     */
    default boolean keepsArgumentArray() {
        return true;
    }

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
