package io.pgsight.pgwire.auth;

import io.pgsight.pgwire.backend.BackendError;

/** The FATAL errors authentication ends with, worded as PostgreSQL words them. */
final class AuthFailures {
    private AuthFailures() {
    }

    static BackendError passwordFailed(String user) {
        return new BackendError("FATAL", "28P01", "password authentication failed for user \"" + user + "\"");
    }

    static BackendError rejected(java.net.InetAddress host, String user, String database, boolean ssl) {
        return new BackendError("FATAL", "28000", "pg_hba.conf rejects connection for host \"" + host.getHostAddress()
                + "\", user \"" + user + "\", database \"" + database + "\", " + encryption(ssl));
    }

    static BackendError noHbaEntry(java.net.InetAddress host, String user, String database, boolean ssl) {
        return new BackendError("FATAL", "28000", "no pg_hba.conf entry for host \"" + host.getHostAddress()
                + "\", user \"" + user + "\", database \"" + database + "\", " + encryption(ssl));
    }

    private static String encryption(boolean ssl) {
        return ssl ? "SSL encryption" : "no encryption";
    }

    static BackendError malformed(String what) {
        return new BackendError("FATAL", "08P01", what);
    }
}
