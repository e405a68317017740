package io.pgsight.sql.spi;

import io.pgsight.sql.api.SqlException;

/**
 * A data type with its text and binary I/O. Built-in and extension types implement this alike.
 * I/O methods throw {@link SqlException} (22P02 and friends) with PostgreSQL's exact messages.
 */
public interface PgType {
    String name();

    int oid();

    /** OID of the array type ({@code _name}), or 0 when there is none. */
    int arrayOid();

    /** typlen: -1 for variable length. */
    short length();

    /** typcategory: 'U' user-defined, 'N' numeric, 'S' string, 'A' array ... */
    default char category() {
        return 'U';
    }

    /** Text input; {@code typmod} is -1 when the target has none. */
    Object input(String text, int typmod);

    String output(Object value);

    /** Binary input (the protocol's binary format, big-endian). */
    Object receive(byte[] data, int typmod);

    byte[] send(Object value);

    /** typmodin: turns {@code vector(3)}'s modifiers into a typmod. Types without modifiers refuse. */
    default int typmodIn(int[] modifiers) {
        throw new SqlException("42601", "type modifier is not allowed for type \"" + name() + "\"");
    }

    /** typmodout: how format_type prints the typmod, e.g. {@code (3)}. */
    default String typmodOut(int typmod) {
        return typmod < 0 ? "" : "(" + typmod + ")";
    }

    /** Applies a column's or cast's typmod to a value (e.g. checks vector dimensions). */
    default Object applyTypmod(Object value, int typmod, boolean explicit) {
        return value;
    }

    /** typispreferred: the preferred type of its category (float8, text, ...) in overload resolution. */
    default boolean preferred() {
        return false;
    }

    /** typelem: for an array type, its element type's OID; 0 otherwise. */
    default int elementOid() {
        return 0;
    }

    /**
     * Text output that may depend on session settings (bytea_output, TimeZone, DateStyle,
     * extra_float_digits ...). The engine calls this one; types that ignore settings need not override.
     */
    default String output(Object value, FunctionContext ctx) {
        return output(value);
    }

    /** Text input that may depend on session settings (TimeZone for timestamptz, DateStyle ...). */
    default Object input(String text, int typmod, FunctionContext ctx) {
        return input(text, typmod);
    }

    /** Comment shown by \dT+ (pg_description), or null. */
    default String comment() {
        return null;
    }

    /**
     * typstorage as \d+ shows it: 'p' plain, 'e' external, 'm' main, 'x' extended. pgvector's types
     * are 'e' (external).
     */
    default char storage() {
        return 'p';
    }

    /**
     * For a row type whose fields are known (a table's whole-row reference, ROW(...), OUT columns): the
     * field names in order, values being Object[] in that order; null for other types. Lets functions
     * over records (row_to_json, to_jsonb) name the fields.
     */
    default java.util.List<String> fieldNames() {
        return null;
    }

    /** The field types matching {@link #fieldNames}; null for other types. */
    default java.util.List<PgType> fieldTypes() {
        return null;
    }
}
