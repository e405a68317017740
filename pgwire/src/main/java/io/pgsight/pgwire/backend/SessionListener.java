package io.pgsight.pgwire.backend;

/** Asynchronous messages a session sends to its client outside result sets. */
public interface SessionListener {
    /** A NoticeResponse (NOTICE, WARNING, INFO, LOG, DEBUG); fields as in {@link BackendError}. */
    void notice(BackendError notice);

    /** A ParameterStatus, sent when a reported setting changes (e.g. {@code SET application_name}). */
    void parameterStatus(String name, String value);
}
