package io.pgsight.sql.spi;

import java.util.Iterator;

/** A set-returning function: each element is one output value (or Object[] for a record result). */
@FunctionalInterface
public interface SetReturningFunction {
    Iterator<Object> call(FunctionContext ctx, Object[] args);
}
