package io.pgsight.server;

import io.pgsight.pgwire.backend.BackendError;
import io.pgsight.sql.api.SqlException;

import java.util.LinkedHashMap;
import java.util.Map;

/** Turns the engine's {@link SqlException} into the wire's ErrorResponse/NoticeResponse fields. */
final class SqlErrors {
    private SqlErrors() {
    }

    static BackendError toBackendError(SqlException e) {
        Map<Character, String> f = new LinkedHashMap<>();
        String severity = e.severity() == null ? "ERROR" : e.severity();
        f.put('S', severity);
        f.put('V', severity);
        f.put('C', e.sqlState() == null ? "XX000" : e.sqlState());
        f.put('M', e.getMessage() == null ? "" : e.getMessage());
        putIfPresent(f, 'D', e.detail());
        putIfPresent(f, 'H', e.hint());
        if (e.position() > 0) {
            f.put('P', Integer.toString(e.position()));
        }
        if (e.internalPosition() > 0) {
            f.put('p', Integer.toString(e.internalPosition()));
        }
        putIfPresent(f, 'q', e.internalQuery());
        putIfPresent(f, 'W', e.context());
        BackendError error = new BackendError(f);
        error.initCause(e);
        return error;
    }

    private static void putIfPresent(Map<Character, String> f, char code, String value) {
        if (value != null && !value.isEmpty()) {
            f.put(code, value);
        }
    }
}
