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

    /**
     * Adds one non-null real (float4) input handed over unboxed, with the same effect as {@code add(ctx, {v})};
     * returns false, having done nothing, when the state takes it only through {@link #add} (the caller then
     * boxes it). Float arithmetic cast to real then feeds array_agg without a Float per input.
     */
    default boolean addFloat4(FunctionContext ctx, float v) {
        return false;
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
