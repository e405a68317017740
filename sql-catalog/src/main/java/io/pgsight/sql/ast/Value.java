package io.pgsight.sql.ast;

import java.util.List;

/**
 * A value in a utility statement (SET, option lists of CREATE INDEX ... WITH, COPY, EXPLAIN, CREATE DATABASE,
 * sequences): not an expression, just what was written.
 */
public sealed interface Value {
    int location();

    /** The value as text: the word, the string's contents or the number as written. */
    String text();

    /** An identifier or keyword, case-folded ({@code on}, {@code csv}, {@code off}, {@code "MixedCase"}). */
    record Word(String text, int location) implements Value {
    }

    /** A string constant. */
    record Str(String text, int location) implements Value {
    }

    /** A number as written, sign included ({@code -1}, {@code 0.5}). */
    record Num(String text, int location) implements Value {
    }

    /** A parenthesized list ({@code FORCE_NOT_NULL (a, b)}) or {@code *}. */
    record ValueList(List<Value> items, int location) implements Value {
        public ValueList {
            items = List.copyOf(items);
        }

        @Override
        public String text() {
            return String.join(", ", items.stream().map(Value::text).toList());
        }
    }
}
