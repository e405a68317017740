package io.pgsight.pgwire.server;

import io.pgsight.pgwire.backend.BackendError;

import java.util.LinkedHashMap;
import java.util.Map;

/** Normalises ErrorResponse/NoticeResponse fields: severity (S and V) and SQLSTATE always present. */
final class ErrorFields {
    private ErrorFields() {
    }

    static Map<Character, String> of(BackendError e, String defaultSeverity) {
        Map<Character, String> in = e.fields();
        Map<Character, String> out = new LinkedHashMap<>();
        String severity = in.getOrDefault('S', defaultSeverity);
        out.put('S', severity);
        out.put('V', in.getOrDefault('V', severity));
        out.put('C', in.getOrDefault('C', "XX000"));
        out.put('M', in.getOrDefault('M', e.getMessage() == null ? "internal error" : e.getMessage()));
        for (Map.Entry<Character, String> f : in.entrySet()) {
            out.putIfAbsent(f.getKey(), f.getValue());
        }
        return out;
    }

    static boolean isFatal(Map<Character, String> fields) {
        String s = fields.get('S');
        return "FATAL".equals(s) || "PANIC".equals(s);
    }

    /** A Java exception that escaped the backend: reported without its Java message. */
    static BackendError internal(RuntimeException e) {
        Map<Character, String> f = new LinkedHashMap<>();
        f.put('S', "ERROR");
        f.put('V', "ERROR");
        f.put('C', "XX000");
        f.put('M', "internal error");
        f.put('D', e.getClass().getSimpleName());
        return new BackendError(f);
    }
}
