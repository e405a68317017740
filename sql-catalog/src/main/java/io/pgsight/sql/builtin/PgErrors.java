package io.pgsight.sql.builtin;

import io.pgsight.sql.api.SqlException;

/** PostgreSQL's error texts for the errors built-in functions and types raise, with their SQLSTATEs. */
public final class PgErrors {
    private PgErrors() {
    }

    public static SqlException divisionByZero() {
        return new SqlException("22012", "division by zero");
    }

    public static SqlException integerOutOfRange() {
        return new SqlException("22003", "integer out of range");
    }

    public static SqlException smallintOutOfRange() {
        return new SqlException("22003", "smallint out of range");
    }

    public static SqlException bigintOutOfRange() {
        return new SqlException("22003", "bigint out of range");
    }

    public static SqlException floatOverflow() {
        return new SqlException("22003", "value out of range: overflow");
    }

    public static SqlException floatUnderflow() {
        return new SqlException("22003", "value out of range: underflow");
    }

    /** 22P02 {@code invalid input syntax for type integer: "abc"}. */
    public static SqlException invalidSyntax(String typeName, String text) {
        return new SqlException("22P02", "invalid input syntax for type " + typeName + ": \"" + text + "\"");
    }

    /** 22003 {@code value "99999999999" is out of range for type integer}. */
    public static SqlException outOfRangeForType(String text, String typeName) {
        return new SqlException("22003", "value \"" + text + "\" is out of range for type " + typeName);
    }

    public static SqlException invalidBinary(String message) {
        return new SqlException("22P03", message);
    }
}
