package io.pgsight.pgwire.server;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ParameterStatus set sent after authentication: the backend's values, completed with the
 * settings clients depend on (pgjdbc refuses a connection without DateStyle ISO, client_encoding
 * UTF8 and standard_conforming_strings; psql picks its catalog queries from server_version).
 */
final class ReportedParameters {
    private ReportedParameters() {
    }

    static Map<String, String> complete(Map<String, String> fromBackend, String user, Map<String, String> startup) {
        Map<String, String> out = new LinkedHashMap<>(fromBackend == null ? Map.of() : fromBackend);
        out.putIfAbsent("application_name", startup.getOrDefault("application_name", ""));
        out.putIfAbsent("client_encoding", "UTF8");
        out.putIfAbsent("DateStyle", "ISO, MDY");
        out.putIfAbsent("default_transaction_read_only", "off");
        out.putIfAbsent("in_hot_standby", "off");
        out.putIfAbsent("integer_datetimes", "on");
        out.putIfAbsent("IntervalStyle", "postgres");
        out.putIfAbsent("is_superuser", "on");
        out.putIfAbsent("server_encoding", "UTF8");
        out.putIfAbsent("server_version", "15.0");
        out.putIfAbsent("session_authorization", user);
        out.putIfAbsent("standard_conforming_strings", "on");
        out.putIfAbsent("TimeZone", "UTC");
        return out;
    }
}
