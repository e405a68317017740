/**
 * The listener and per-connection machinery. Netty event loops only decode and enqueue
 * ({@link io.pgsight.pgwire.server.ConnectionHandler}); each connection's messages are handled in order
 * on a worker thread ({@link io.pgsight.pgwire.server.ConnectionInbox}) by the protocol state machine
 * ({@link io.pgsight.pgwire.server.ProtocolSession}, {@link io.pgsight.pgwire.server.CommandProcessor}),
 * which writes through one ordered, backpressured {@link io.pgsight.pgwire.server.OutboundWriter}.
 */
package io.pgsight.pgwire.server;
