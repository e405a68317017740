package io.pgsight.sql.builtin;

import io.pgsight.sql.spi.AggregateDef;
import io.pgsight.sql.spi.AggregateState;
import io.pgsight.sql.spi.CastContext;
import io.pgsight.sql.spi.CastDef;
import io.pgsight.sql.spi.CastFunction;
import io.pgsight.sql.spi.ExtensionRegistry;
import io.pgsight.sql.spi.FunctionDef;
import io.pgsight.sql.spi.OperatorDef;
import io.pgsight.sql.spi.ScalarFunction;
import io.pgsight.sql.spi.SetReturningFunction;
import io.pgsight.sql.spi.Volatility;

import java.util.List;
import java.util.function.Supplier;

/** Shorthand for registering pg_catalog objects: functions with their operators, casts, aggregates. */
public final class CatalogWriter {
    private final ExtensionRegistry registry;

    public CatalogWriter(ExtensionRegistry registry) {
        this.registry = registry;
    }

    public ExtensionRegistry registry() {
        return registry;
    }

    /** A strict immutable scalar function. */
    public void fn(String name, String returnType, ScalarFunction body, String... args) {
        registry.function(FunctionDef.scalar(name, List.of(args), returnType, body));
    }

    /** A scalar function with explicit strictness and volatility. */
    public void fn(String name, String returnType, boolean strict, Volatility volatility, ScalarFunction body,
                   String... args) {
        registry.function(new FunctionDef(name, List.of(args), returnType, strict, volatility, false, body, List.of(),
                null));
    }

    /** A strict immutable set-returning function with a single output column of {@code returnType}. */
    public void srf(String name, String returnType, SetReturningFunction body, String... args) {
        registry.function(new FunctionDef(name, List.of(args), returnType, true, Volatility.IMMUTABLE, true, body,
                List.of(), null));
    }

    public void function(FunctionDef def) {
        registry.function(def);
    }

    /** A binary operator and the function behind it. */
    public void op(String symbol, String left, String right, String functionName, String returnType, ScalarFunction body) {
        fn(functionName, returnType, body, left, right);
        registry.operator(new OperatorDef(symbol, left, right, functionName, commutator(symbol), negator(symbol), null));
    }

    /** An operator over an already registered function. */
    public void opOnly(String symbol, String left, String right, String functionName) {
        registry.operator(new OperatorDef(symbol, left, right, functionName, commutator(symbol), negator(symbol), null));
    }

    /** A prefix operator and its function. */
    public void prefix(String symbol, String operand, String functionName, String returnType, ScalarFunction body) {
        fn(functionName, returnType, body, operand);
        registry.operator(new OperatorDef(symbol, null, operand, functionName, null, null, null));
    }

    public void cast(String from, String to, CastContext context, String functionName, CastFunction body) {
        registry.cast(new CastDef(from, to, context, functionName, body));
    }

    /** A binary-coercible cast: the value passes unchanged. */
    public void binaryCast(String from, String to, CastContext context) {
        registry.cast(new CastDef(from, to, context, null, (ctx, v, typmod, explicit) -> v));
    }

    public void aggregate(String name, String returnType, boolean strict, Supplier<AggregateState> state,
                          String... args) {
        registry.aggregate(new AggregateDef(name, List.of(args), returnType, strict, state, null));
    }

    private static String commutator(String symbol) {
        return switch (symbol) {
            case "=", "<>", "+", "*", "&&" -> symbol;
            case "<" -> ">";
            case ">" -> "<";
            case "<=" -> ">=";
            case ">=" -> "<=";
            case "@>" -> "<@";
            case "<@" -> "@>";
            default -> null;
        };
    }

    private static String negator(String symbol) {
        return switch (symbol) {
            case "=" -> "<>";
            case "<>" -> "=";
            case "<" -> ">=";
            case ">=" -> "<";
            case ">" -> "<=";
            case "<=" -> ">";
            case "~~" -> "!~~";
            case "!~~" -> "~~";
            case "~~*" -> "!~~*";
            case "!~~*" -> "~~*";
            case "~" -> "!~";
            case "!~" -> "~";
            case "~*" -> "!~*";
            case "!~*" -> "~*";
            default -> null;
        };
    }
}
