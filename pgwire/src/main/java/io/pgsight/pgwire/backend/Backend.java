package io.pgsight.pgwire.backend;

/** Opens sessions; one instance per server. */
public interface Backend {
    /**
     * Called once authentication succeeded. Throws {@link BackendError} to refuse the connection
     * (e.g. 3D000 database does not exist); pgwire sends it as a FATAL ErrorResponse and closes.
     */
    BackendSession open(StartupParams startup, SessionListener listener);
}
