/**
 * PostgreSQL protocol 3.0 on the byte level: framing ({@link io.pgsight.pgwire.protocol.FrameDecoder}),
 * frontend messages as records ({@link io.pgsight.pgwire.protocol.ClientMessage}) and backend message
 * encoders ({@link io.pgsight.pgwire.protocol.BackendMessages}). No state beyond the framing mode.
 */
package io.pgsight.pgwire.protocol;
