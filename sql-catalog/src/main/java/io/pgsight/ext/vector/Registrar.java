package io.pgsight.ext.vector;

import io.pgsight.sql.spi.ExtensionRegistry;
import io.pgsight.sql.spi.FunctionDef;
import io.pgsight.sql.spi.OperatorDef;
import io.pgsight.sql.spi.ScalarFunction;
import java.util.List;

/** Small helpers so registrations read like pgvector's SQL script. */
final class Registrar {
    private final ExtensionRegistry registry;

    Registrar(ExtensionRegistry registry) {
        this.registry = registry;
    }

    ExtensionRegistry registry() {
        return registry;
    }

    void function(String name, List<String> args, String returns, String comment, ScalarFunction body) {
        registry.function(FunctionDef.scalar(name, args, returns, body).withComment(comment));
    }

    /** A distance-style operator, its own commutator, described by its function's comment (as \do shows). */
    void commutativeOperator(String symbol, String type, String function) {
        registry.operator(new OperatorDef(symbol, type, type, function, symbol, null, null));
    }

    void operator(String symbol, String type, String function, String commutator, String negator, String comment) {
        registry.operator(new OperatorDef(symbol, type, type, function, commutator, negator, comment));
    }

    /** The six btree comparison operators and their implementation functions plus TYPE_cmp. */
    <T extends Comparable<T>> void comparisons(String type, Class<T> valueClass) {
        String[][] ops = {
            {"<", "lt", ">", ">=", "less than"},
            {"<=", "le", ">=", ">", "less than or equal"},
            {"=", "eq", "=", "<>", "equal"},
            {"<>", "ne", "<>", "=", "not equal"},
            {">=", "ge", "<=", "<", "greater than or equal"},
            {">", "gt", "<", "<=", "greater than"},
        };
        List<String> args = List.of(type, type);
        for (String[] op : ops) {
            String fn = type + "_" + op[1];
            String kind = op[1];
            function(fn, args, "boolean", "implementation of " + op[0] + " operator", (ctx, a) -> {
                int c = valueClass.cast(a[0]).compareTo(valueClass.cast(a[1]));
                return switch (kind) {
                    case "lt" -> c < 0;
                    case "le" -> c <= 0;
                    case "eq" -> c == 0;
                    case "ne" -> c != 0;
                    case "ge" -> c >= 0;
                    default -> c > 0;
                };
            });
            operator(op[0], type, fn, op[2], op[3], op[4]);
        }
        function(type + "_cmp", args, "integer", "less-equal-greater",
                (ctx, a) -> Integer.signum(valueClass.cast(a[0]).compareTo(valueClass.cast(a[1]))));
    }
}
