package io.pgsight.sql.plpgsql.exec;

import io.pgsight.sql.api.SqlException;

import java.util.Map;

/** PL/pgSQL condition names (plerrcodes) and how a handler's condition matches an error's SQLSTATE. */
final class PlConditions {
    private static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("successful_completion", "00000"), Map.entry("warning", "01000"),
            Map.entry("no_data", "02000"), Map.entry("sql_statement_not_yet_complete", "03000"),
            Map.entry("connection_exception", "08000"), Map.entry("feature_not_supported", "0A000"),
            Map.entry("case_not_found", "20000"), Map.entry("cardinality_violation", "21000"),
            Map.entry("data_exception", "22000"), Map.entry("string_data_right_truncation", "22001"),
            Map.entry("null_value_not_allowed", "22004"), Map.entry("error_in_assignment", "22005"),
            Map.entry("numeric_value_out_of_range", "22003"), Map.entry("invalid_datetime_format", "22007"),
            Map.entry("datetime_field_overflow", "22008"), Map.entry("division_by_zero", "22012"),
            Map.entry("invalid_parameter_value", "22023"), Map.entry("array_subscript_error", "2202E"),
            Map.entry("invalid_text_representation", "22P02"), Map.entry("invalid_binary_representation", "22P03"),
            Map.entry("integrity_constraint_violation", "23000"), Map.entry("not_null_violation", "23502"),
            Map.entry("foreign_key_violation", "23503"), Map.entry("unique_violation", "23505"),
            Map.entry("check_violation", "23514"), Map.entry("exclusion_violation", "23P01"),
            Map.entry("invalid_transaction_state", "25000"), Map.entry("in_failed_sql_transaction", "25P02"),
            Map.entry("invalid_cursor_state", "24000"), Map.entry("invalid_cursor_name", "34000"),
            Map.entry("transaction_rollback", "40000"), Map.entry("serialization_failure", "40001"),
            Map.entry("deadlock_detected", "40P01"), Map.entry("syntax_error_or_access_rule_violation", "42000"),
            Map.entry("syntax_error", "42601"), Map.entry("insufficient_privilege", "42501"),
            Map.entry("undefined_column", "42703"), Map.entry("undefined_function", "42883"),
            Map.entry("undefined_table", "42P01"), Map.entry("undefined_parameter", "42P02"),
            Map.entry("undefined_object", "42704"), Map.entry("duplicate_column", "42701"),
            Map.entry("duplicate_function", "42723"), Map.entry("duplicate_table", "42P07"),
            Map.entry("duplicate_object", "42710"), Map.entry("ambiguous_column", "42702"),
            Map.entry("datatype_mismatch", "42804"), Map.entry("wrong_object_type", "42809"),
            Map.entry("invalid_column_reference", "42P10"), Map.entry("program_limit_exceeded", "54000"),
            Map.entry("statement_too_complex", "54001"), Map.entry("object_not_in_prerequisite_state", "55000"),
            Map.entry("lock_not_available", "55P03"), Map.entry("operator_intervention", "57000"),
            Map.entry("query_canceled", "57014"), Map.entry("internal_error", "XX000"),
            Map.entry("raise_exception", "P0001"), Map.entry("no_data_found", "P0002"),
            Map.entry("too_many_rows", "P0003"), Map.entry("assert_failure", "P0004"),
            Map.entry("plpgsql_error", "P0000"), Map.entry("invalid_escape_sequence", "22025"),
            Map.entry("character_not_in_repertoire", "22021"), Map.entry("invalid_regular_expression", "2201B"));

    private PlConditions() {
    }

    /** The SQLSTATE of a condition name, or an error like PostgreSQL's for an unknown one. */
    static String sqlState(String name) {
        String code = CODES.get(name);
        if (code == null) {
            throw new SqlException("42704", "unrecognized exception condition \"" + name + "\"");
        }
        return code;
    }

    static boolean isKnown(String name) {
        return CODES.containsKey(name);
    }

    /**
     * Whether a handler for {@code code} catches {@code actual}: equal codes, a class code (xx000) covers its
     * class, OTHERS everything but query_canceled and assert_failure.
     */
    static boolean matches(String name, String code, String actual) {
        if ("others".equals(name)) {
            return !actual.equals("57014") && !actual.equals("P0004");
        }
        if (code.equals(actual)) {
            return true;
        }
        return code.endsWith("000") && actual.startsWith(code.substring(0, 2));
    }
}
