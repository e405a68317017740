/**
 * The contract between the wire front end and whatever executes SQL. pgwire knows bytes, not SQL:
 * it hands statement text and raw parameter bytes to a {@link io.pgsight.pgwire.backend.BackendSession}
 * and writes back the bytes it is given. The server module adapts the SQL engine to this contract.
 *
 * <p>Threading: every method of {@code BackendSession} except {@code cancel()} is called on a worker
 * thread, never on a Netty event loop, and never concurrently for one session. {@code cancel()} may be
 * called from any thread at any time.
 */
package io.pgsight.pgwire.backend;
