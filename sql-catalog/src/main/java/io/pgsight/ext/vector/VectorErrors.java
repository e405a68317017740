package io.pgsight.ext.vector;

import io.pgsight.sql.api.SqlException;

/** pgvector's error texts and SQLSTATEs, in one place so each is spelled once. */
final class VectorErrors {
    static final String DATA_EXCEPTION = "22000";
    static final String INVALID_TEXT = "22P02";
    static final String OUT_OF_RANGE = "22003";
    static final String PROGRAM_LIMIT = "54000";
    static final String INVALID_PARAMETER = "22023";
    static final String NULL_NOT_ALLOWED = "22004";
    static final String INTERNAL = "XX000";

    private VectorErrors() {
    }

    static SqlException invalidSyntax(String type, String input) {
        return new SqlException(INVALID_TEXT, "invalid input syntax for type " + type + ": \"" + input + "\"");
    }

    static SqlException invalidSyntax(String type, String input, String detail) {
        return invalidSyntax(type, input).withDetail(detail);
    }

    static SqlException atLeastOneDimension(String type) {
        return new SqlException(DATA_EXCEPTION, type + " must have at least 1 dimension");
    }

    static SqlException tooManyDimensions(String type, int max) {
        return new SqlException(PROGRAM_LIMIT, type + " cannot have more than " + max + " dimensions");
    }

    static SqlException outOfRange(String token, String type) {
        return new SqlException(OUT_OF_RANGE, "\"" + token + "\" is out of range for type " + type);
    }

    static SqlException nanNotAllowed(String type) {
        return new SqlException(DATA_EXCEPTION, "NaN not allowed in " + type);
    }

    static SqlException infiniteNotAllowed(String type) {
        return new SqlException(DATA_EXCEPTION, "infinite value not allowed in " + type);
    }

    static SqlException expectedDimensions(int expected, int actual) {
        return new SqlException(DATA_EXCEPTION, "expected " + expected + " dimensions, not " + actual);
    }

    static SqlException differentDimensions(String type, int a, int b) {
        return new SqlException(DATA_EXCEPTION, "different " + type + " dimensions " + a + " and " + b);
    }

    static SqlException overflow() {
        return new SqlException(OUT_OF_RANGE, "value out of range: overflow");
    }

    static SqlException underflow() {
        return new SqlException(OUT_OF_RANGE, "value out of range: underflow");
    }

    static SqlException sparseTooManyElements() {
        return new SqlException(PROGRAM_LIMIT, "sparsevec cannot have more than " + SparseVec.MAX_NNZ
                + " non-zero elements");
    }

    static SqlException dataException(String message) {
        return new SqlException(DATA_EXCEPTION, message);
    }

    static SqlException invalidTypeModifier() {
        return new SqlException(INVALID_PARAMETER, "invalid type modifier");
    }

    static SqlException internal(String message) {
        return new SqlException(INTERNAL, message);
    }

    /** Rejects NaN and infinities the way every pgvector constructor does. */
    static void checkFinite(float f, String type) {
        if (Float.isNaN(f)) {
            throw nanNotAllowed(type);
        }
        if (Float.isInfinite(f)) {
            throw infiniteNotAllowed(type);
        }
    }

    static void checkDimensions(int dim, int max, String type) {
        if (dim < 1) {
            throw atLeastOneDimension(type);
        }
        if (dim > max) {
            throw tooManyDimensions(type, max);
        }
    }

    static void checkTypmod(int typmod, int dim) {
        if (typmod != -1 && typmod != dim) {
            throw expectedDimensions(typmod, dim);
        }
    }

    /** typmodin shared by the three types. */
    static int typmodIn(String type, int max, int[] modifiers) {
        if (modifiers.length != 1) {
            throw invalidTypeModifier();
        }
        if (modifiers[0] < 1) {
            throw new SqlException(INVALID_PARAMETER, "dimensions for type " + type + " must be at least 1");
        }
        if (modifiers[0] > max) {
            throw new SqlException(INVALID_PARAMETER, "dimensions for type " + type + " cannot exceed " + max);
        }
        return modifiers[0];
    }
}
