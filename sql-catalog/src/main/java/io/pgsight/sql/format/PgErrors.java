package io.pgsight.sql.format;

import io.pgsight.sql.api.SqlException;

/** Factories for the PostgreSQL errors raised by value input, output and arithmetic. */
public final class PgErrors {
    public static final String INVALID_TEXT_REPRESENTATION = "22P02";
    public static final String NUMERIC_VALUE_OUT_OF_RANGE = "22003";
    public static final String DIVISION_BY_ZERO = "22012";
    public static final String DATETIME_FIELD_OVERFLOW = "22008";
    public static final String INVALID_DATETIME_FORMAT = "22007";
    public static final String INVALID_PARAMETER_VALUE = "22023";
    public static final String INVALID_ARGUMENT_FOR_LOG = "2201E";
    public static final String INVALID_ARGUMENT_FOR_POWER = "2201F";
    public static final String FEATURE_NOT_SUPPORTED = "0A000";
    public static final String SUBSTRING_ERROR = "22011";
    public static final String INVALID_ESCAPE_SEQUENCE = "22025";
    public static final String INVALID_REGULAR_EXPRESSION = "2201B";
    public static final String PROGRAM_LIMIT_EXCEEDED = "54000";
    public static final String CHARACTER_NOT_IN_REPERTOIRE = "22021";
    public static final String ARRAY_SUBSCRIPT_ERROR = "2202E";
    public static final String UNTRANSLATABLE_CHARACTER = "22P05";
    public static final String STRING_DATA_RIGHT_TRUNCATION = "22001";
    public static final String INVALID_BINARY_REPRESENTATION = "22P03";
    public static final String UNDEFINED_FUNCTION = "42883";
    public static final String INVALID_ESCAPE_CHARACTER = "22019";
    public static final String DATA_EXCEPTION = "22000";

    private PgErrors() {
    }

    /** 22P02 {@code invalid input syntax for type TYPE: "INPUT"}. */
    public static SqlException invalidInput(String typeName, String input) {
        return new SqlException(INVALID_TEXT_REPRESENTATION,
                "invalid input syntax for type " + typeName + ": \"" + input + "\"");
    }

    /** 22003 {@code value "INPUT" is out of range for type TYPE} (integer input). */
    public static SqlException valueOutOfRange(String input, String typeName) {
        return new SqlException(NUMERIC_VALUE_OUT_OF_RANGE,
                "value \"" + input + "\" is out of range for type " + typeName);
    }

    /** 22003 {@code TYPE out of range}, e.g. "integer out of range". */
    public static SqlException outOfRange(String typeName) {
        return new SqlException(NUMERIC_VALUE_OUT_OF_RANGE, typeName + " out of range");
    }

    public static SqlException divisionByZero() {
        return new SqlException(DIVISION_BY_ZERO, "division by zero");
    }

    public static SqlException error(String sqlState, String message) {
        return new SqlException(sqlState, message);
    }
}
