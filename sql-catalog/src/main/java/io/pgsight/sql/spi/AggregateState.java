package io.pgsight.sql.spi;

/** The running state of one aggregate over one group. */
public interface AggregateState {
    /** Adds one input row; for a strict aggregate never called with null arguments. */
    void add(FunctionContext ctx, Object[] args);

    /** The final value (null for SQL NULL, e.g. avg over no rows). */
    Object result(FunctionContext ctx);
}
