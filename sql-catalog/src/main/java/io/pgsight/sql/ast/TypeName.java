package io.pgsight.sql.ast;

import java.util.List;

/**
 * A type as written in SQL. SQL-standard spellings are mapped the way PostgreSQL's grammar maps them:
 * {@code int}/{@code integer} to {@code pg_catalog.int4}, {@code smallint} to {@code pg_catalog.int2},
 * {@code bigint} to {@code pg_catalog.int8}, {@code real} and {@code float(1..24)} to {@code pg_catalog.float4},
 * {@code float}, {@code float(25..53)} and {@code double precision} to {@code pg_catalog.float8},
 * {@code decimal}/{@code numeric} to {@code pg_catalog.numeric}, {@code boolean} to {@code pg_catalog.bool},
 * {@code varchar}/{@code character varying} to {@code pg_catalog.varchar}, {@code char}/{@code character} to
 * {@code pg_catalog.bpchar} (typmod 1 when no length is given), {@code timestamp [without time zone]} to
 * {@code pg_catalog.timestamp}, {@code timestamp with time zone} to {@code pg_catalog.timestamptz},
 * {@code time [without time zone]} to {@code pg_catalog.time}, {@code time with time zone} to
 * {@code pg_catalog.timetz}, {@code interval} to {@code pg_catalog.interval}, {@code bit} to
 * {@code pg_catalog.bit} (typmod 1 when no length), {@code bit varying} to {@code pg_catalog.varbit}.
 * Any other name ({@code text}, {@code date}, {@code vector}, {@code public.vector}) is kept as written.
 *
 * @param names       the (possibly qualified) type name, case-folded
 * @param typmods     type modifier expressions, e.g. {@code [3]} for {@code vector(3)}, {@code [8, 2]} for
 *                    {@code numeric(8,2)}; empty when none
 * @param arrayBounds one entry per array dimension: -1 for {@code []} or {@code ARRAY}, n for {@code [n]}
 * @param setof       written as {@code SETOF type} (function results)
 * @param percentType written as {@code name%TYPE} (function arguments, PL/pgSQL declarations)
 * @param location    position of the first token of the type name
 */
public record TypeName(List<String> names, List<Expr> typmods, List<Integer> arrayBounds, boolean setof,
                       boolean percentType, int location) {
    public TypeName {
        names = List.copyOf(names);
        typmods = List.copyOf(typmods);
        arrayBounds = List.copyOf(arrayBounds);
    }

    public static TypeName simple(String name, int location) {
        return new TypeName(List.of(name), List.of(), List.of(), false, false, location);
    }

    /** The unqualified type name, e.g. {@code int4} or {@code vector}. */
    public String name() {
        return names.get(names.size() - 1);
    }

    /** The schema part, or null when unqualified. */
    public String schema() {
        return names.size() >= 2 ? names.get(names.size() - 2) : null;
    }

    public boolean isArray() {
        return !arrayBounds.isEmpty();
    }

    public TypeName withArrayBounds(List<Integer> bounds) {
        return new TypeName(names, typmods, bounds, setof, percentType, location);
    }

    public TypeName withSetof(boolean s) {
        return new TypeName(names, typmods, arrayBounds, s, percentType, location);
    }
}
