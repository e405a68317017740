package io.pgsight.sql.spi;

/** A function body. For STRICT functions it is never called with a null argument. */
@FunctionalInterface
public interface ScalarFunction {
    Object call(FunctionContext ctx, Object[] args);
}
