package io.pgsight.ext.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pgsight.sql.api.SqlException;
import org.junit.jupiter.api.function.Executable;

/** Asserts a PostgreSQL-style error: SQLSTATE, message and (optionally) DETAIL. */
final class Errors {
    private Errors() {
    }

    static SqlException expect(String sqlState, String message, Executable action) {
        SqlException e = assertThrows(SqlException.class, action);
        assertEquals(message, e.getMessage());
        assertEquals(sqlState, e.sqlState(), "SQLSTATE of: " + message);
        return e;
    }

    static void expect(String sqlState, String message, String detail, Executable action) {
        SqlException e = expect(sqlState, message, action);
        assertEquals(detail, e.detail());
    }
}
