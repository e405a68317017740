package io.pgsight.sql.catalog;

import io.pgsight.sql.spi.AggregateState;
import io.pgsight.sql.spi.PgType;

import java.util.List;
import java.util.function.Supplier;

/** A pg_aggregate row with its state factory. */
public record AggregateEntry(int oid, String schema, String name, List<PgType> argumentTypes, PgType resultType,
                             boolean strict, Supplier<AggregateState> newState, String extension, String comment) {
    public AggregateEntry {
        argumentTypes = List.copyOf(argumentTypes);
    }
}
