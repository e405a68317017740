package io.pgsight.sql.builtin.types;

import io.pgsight.sql.format.PgInterval;
import io.pgsight.sql.spi.FunctionContext;
import io.pgsight.sql.spi.PgArray;
import io.pgsight.sql.spi.PgType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * A value's text form for functions over "any" (concat, format, anytextcat, array_to_string): through
 * the argument's resolved type when the engine reports it, else through the built-in type its Java
 * class stands for, else toString (extension values print themselves).
 */
public final class ValueText {
    private ValueText() {
    }

    /** The text of argument {@code index}'s value. */
    public static String ofArgument(FunctionContext ctx, int index, Object value) {
        String typname = ctx == null ? null : ctx.argumentType(index);
        if (typname != null) {
            PgType t = BuiltinTypes.byName(typname);
            if (t != null && !(t instanceof PseudoType)) {
                return t.output(value, ctx);
            }
        }
        return of(ctx, value);
    }

    /**
     * The argument as {@code value::text} gives it (anytextcat and textanycat are defined as that cast):
     * the output function, except where pg_cast names a function that prints differently (bool).
     */
    public static String castArgumentToText(FunctionContext ctx, int index, Object value) {
        if (value instanceof Boolean b) {
            return boolText(b);
        }
        return ofArgument(ctx, index, value);
    }

    /** text(boolean): {@code true}/{@code false}. */
    public static String boolText(boolean value) {
        return value ? "true" : "false";
    }

    /** The text of a value of a built-in type, chosen by its Java class. */
    public static String of(FunctionContext ctx, Object value) {
        PgType t = typeOf(value);
        return t == null ? value.toString() : t.output(value, ctx);
    }

    /** The built-in type whose values are of this Java class, or null. */
    public static PgType typeOf(Object value) {
        String name;
        if (value instanceof String) {
            name = "text";
        } else if (value instanceof Integer) {
            name = "int4";
        } else if (value instanceof Long) {
            name = "int8";
        } else if (value instanceof Short) {
            name = "int2";
        } else if (value instanceof Double) {
            name = "float8";
        } else if (value instanceof Float) {
            name = "float4";
        } else if (value instanceof BigDecimal || value instanceof io.pgsight.sql.format.PgNumeric) {
            name = "numeric";
        } else if (value instanceof Boolean) {
            name = "bool";
        } else if (value instanceof byte[]) {
            name = "bytea";
        } else if (value instanceof LocalDate) {
            name = "date";
        } else if (value instanceof LocalDateTime) {
            name = "timestamp";
        } else if (value instanceof Instant) {
            name = "timestamptz";
        } else if (value instanceof LocalTime) {
            name = "time";
        } else if (value instanceof PgInterval) {
            name = "interval";
        } else if (value instanceof io.pgsight.sql.spi.BitString) {
            name = "varbit";
        } else if (value instanceof java.util.UUID) {
            name = "uuid";
        } else if (value instanceof PgArray a) {
            PgType e = BuiltinTypes.byOid(a.elementTypeOid());
            return e == null || e.arrayOid() == 0 ? null : BuiltinTypes.byName("_" + e.name());
        } else {
            return null;
        }
        return BuiltinTypes.byName(name);
    }

    /** The element type of an array value, if built in. */
    public static PgType elementType(PgArray a) {
        return BuiltinTypes.byOid(a.elementTypeOid());
    }

    /** Text of one array element. */
    public static String ofElement(FunctionContext ctx, PgArray a, Object element) {
        PgType t = elementType(a);
        return t == null ? of(ctx, element) : t.output(element, ctx);
    }
}
