package io.pgsight.pgwire.backend;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An ErrorResponse or NoticeResponse. Field codes are the protocol's one-byte codes:
 * S/V severity, C SQLSTATE, M message, D detail, H hint, P position (1-based, in characters),
 * W where/context, and so on. Severity and code are mandatory.
 */
public class BackendError extends RuntimeException {
    private final Map<Character, String> fields;

    public BackendError(Map<Character, String> fields) {
        super(fields.get('M'));
        this.fields = new LinkedHashMap<>(fields);
    }

    public BackendError(String severity, String sqlState, String message) {
        this(Map.of('S', severity, 'V', severity, 'C', sqlState, 'M', message));
    }

    /** The fields in the order they should be written. */
    public Map<Character, String> fields() {
        return fields;
    }

    public String sqlState() {
        return fields.get('C');
    }

    public String severity() {
        return fields.get('S');
    }
}
