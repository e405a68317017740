package io.pgsight.pgwire.auth;

import io.pgsight.pgwire.backend.BackendError;

/** The FATAL errors authentication ends with, worded as PostgreSQL words them. */
final class AuthFailures {
    private AuthFailures() {
    }

    static BackendError passwordFailed(String user) {
        return new BackendError("FATAL", "28P01", "password authentication failed for user \"" + user + "\"");
    }

    static BackendError malformed(String what) {
        return new BackendError("FATAL", "08P01", what);
    }
}
