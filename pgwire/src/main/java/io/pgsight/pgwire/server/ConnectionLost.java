package io.pgsight.pgwire.server;

import io.pgsight.pgwire.backend.BackendError;

/** Thrown into a running statement when its client went away; the session then closes. */
final class ConnectionLost extends BackendError {
    ConnectionLost() {
        super("FATAL", "08006", "connection to client lost");
    }
}
