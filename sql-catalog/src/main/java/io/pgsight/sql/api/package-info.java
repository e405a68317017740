/**
 * The engine's public face: what the server module adapts to the wire protocol. Nothing here knows
 * about Netty or protocol messages. Obtain an engine with {@link io.pgsight.sql.api.Engines#create}.
 * Threading: one {@link io.pgsight.sql.api.EngineSession} is used by one thread at a time, except
 * {@code cancel()}, which any thread may call.
 */
package io.pgsight.sql.api;
