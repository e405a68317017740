package io.pgsight.sql.spi;

import java.util.List;
import java.util.function.Supplier;

/** An aggregate: {@code newState} makes an empty state per group. */
public record AggregateDef(String name, List<String> argumentTypes, String returnType, boolean strict,
                           Supplier<AggregateState> newState, String comment) {
    public AggregateDef {
        argumentTypes = List.copyOf(argumentTypes);
    }
}
