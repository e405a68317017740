package io.pgsight.sql.spi;

/** Converts a non-null value to the target type; {@code typmod} is the target's (-1 if none). */
@FunctionalInterface
public interface CastFunction {
    Object cast(FunctionContext ctx, Object value, int typmod, boolean explicit);
}
