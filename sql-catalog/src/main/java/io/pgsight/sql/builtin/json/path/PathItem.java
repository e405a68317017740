package io.pgsight.sql.builtin.json.path;

import io.pgsight.sql.builtin.json.JsonbValue;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A node of a parsed jsonpath expression. Accessor chains ({@code $.a[1].size()}) are a {@link Chain}
 * of a head item and its {@link Step}s, as PostgreSQL links an item to its "next".
 */
public sealed interface PathItem {
    /** null, true/false, a string or a number. */
    record Literal(JsonbValue value) implements PathItem {
    }

    /** {@code $}: the document. */
    record Root() implements PathItem {
    }

    /** {@code @}: the item a filter is testing. */
    record Current() implements PathItem {
    }

    /** {@code last}: the last index of the innermost array being subscripted. */
    record Last() implements PathItem {
    }

    /** {@code $name}: a value from the vars object. */
    record Variable(String name) implements PathItem {
    }

    record Binary(Operator op, PathItem left, PathItem right) implements PathItem {
    }

    /** Unary {@code +} or {@code -} applied to each value of its operand. */
    record Unary(boolean minus, PathItem operand) implements PathItem {
    }

    record Not(PathItem operand) implements PathItem {
    }

    record IsUnknown(PathItem operand) implements PathItem {
    }

    record Exists(PathItem operand) implements PathItem {
    }

    /** {@code expr like_regex "pattern" flag "flags"}; flags as written, in PostgreSQL's print order. */
    record LikeRegex(PathItem operand, String pattern, String flags, Pattern compiled) implements PathItem {
    }

    /** An item followed by accessors, filters and methods. */
    record Chain(PathItem head, List<Step> steps) implements PathItem {
        public Chain {
            steps = List.copyOf(steps);
        }
    }

    /** What follows an item in a chain. */
    sealed interface Step {
    }

    /** {@code ."key"} */
    record Key(String name) implements Step {
    }

    /** {@code .*} */
    record AnyKey() implements Step {
    }

    /** {@code [*]} */
    record AnyArray() implements Step {
    }

    /** {@code [a, b to c]}: each subscript with an optional range end (null when a single index). */
    record Subscript(PathItem from, PathItem to) {
    }

    record Index(List<Subscript> subscripts) implements Step {
        public Index {
            subscripts = List.copyOf(subscripts);
        }
    }

    /** {@code .**{first to last}}: levels, {@link #LAST} for the keyword last. */
    record AnyPath(long first, long last) implements Step {
        public static final long LAST = 0xFFFFFFFFL;
    }

    record Filter(PathItem predicate) implements Step {
    }

    /** An item method without arguments: type, size, double, ceiling, floor, abs, keyvalue. */
    record Method(String name) implements Step {
    }

    /** {@code .datetime()} or {@code .datetime("template")} (template null when absent). */
    record DateTime(String template) implements Step {
    }

    /** Binary operators with PostgreSQL's print text and priority (higher binds tighter). */
    enum Operator {
        OR("||", 0), AND("&&", 1),
        EQ("==", 2), NE("!=", 2), LT("<", 2), GT(">", 2), LE("<=", 2), GE(">=", 2), STARTS_WITH("starts with", 2),
        ADD("+", 3), SUB("-", 3), MUL("*", 4), DIV("/", 4), MOD("%", 4);

        public final String text;
        public final int priority;

        Operator(String text, int priority) {
            this.text = text;
            this.priority = priority;
        }

        public boolean isComparison() {
            return priority == 2 && this != STARTS_WITH;
        }

        public boolean isArithmetic() {
            return priority >= 3;
        }
    }
}
