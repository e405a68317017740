package io.pgsight.pgwire.auth;

import io.netty.buffer.ByteBuf;

/**
 * One client's authentication conversation. {@link #start} writes the first Authentication request;
 * each 'p' message goes to {@link #onResponse}, which writes the next request (if any) and says whether
 * the client is now authenticated. Failures are thrown as FATAL {@link io.pgsight.pgwire.backend.BackendError}s.
 */
public interface AuthExchange {
    /** Writes the first request; returns true when no response is needed (trust). */
    boolean start(ByteBuf out);

    /** Consumes a 'p' message body; returns true when authentication succeeded. */
    boolean onResponse(byte[] body, ByteBuf out);
}
