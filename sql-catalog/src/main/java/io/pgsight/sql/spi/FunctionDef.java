package io.pgsight.sql.spi;

import java.util.List;

/**
 * A function: {@code body} is a {@link ScalarFunction} or, when {@code returnsSet}, a
 * {@link SetReturningFunction}. For a record-returning set function, {@code outColumns} names the
 * columns (name:type each), else it is empty.
 */
public record FunctionDef(String name, List<String> argumentTypes, String returnType, boolean strict,
                          Volatility volatility, boolean returnsSet, Object body, List<String> outColumns,
                          String comment) {
    public FunctionDef {
        argumentTypes = List.copyOf(argumentTypes);
        outColumns = List.copyOf(outColumns);
    }

    /** The common case: a strict immutable scalar function. */
    public static FunctionDef scalar(String name, List<String> argumentTypes, String returnType, ScalarFunction body) {
        return new FunctionDef(name, argumentTypes, returnType, true, Volatility.IMMUTABLE, false, body, List.of(), null);
    }

    public FunctionDef withComment(String c) {
        return new FunctionDef(name, argumentTypes, returnType, strict, volatility, returnsSet, body, outColumns, c);
    }

    public FunctionDef withVolatility(Volatility v) {
        return new FunctionDef(name, argumentTypes, returnType, strict, v, returnsSet, body, outColumns, comment);
    }
}
