package io.pgsight.pgwire.server;

import io.netty.handler.ssl.SslContext;
import io.pgsight.pgwire.auth.Authenticator;

import java.time.Duration;

/**
 * Listener settings.
 *
 * @param listenAddress         host name or address to bind
 * @param port                  TCP port (0 picks a free one)
 * @param maxConnections        client connections accepted at once (53300 beyond that)
 * @param maxMessageLength      largest regular message, length word included (08P01 beyond that)
 * @param authenticator         how clients authenticate
 * @param authenticationTimeout connections not authenticated by then are closed
 * @param workerThreads         most threads running backend calls at once (each connection uses at most one)
 * @param sslContext            TLS for clients that send SSLRequest, or null to answer 'N'
 */
public record PgServerConfig(String listenAddress, int port, int maxConnections, int maxMessageLength,
                             Authenticator authenticator, Duration authenticationTimeout, int workerThreads,
                             SslContext sslContext) {
    public static final int DEFAULT_MAX_MESSAGE_LENGTH = 1 << 30;

    public PgServerConfig {
        if (maxConnections < 1 || workerThreads < 1) {
            throw new IllegalArgumentException("maxConnections and workerThreads must be positive");
        }
    }

    /** 127.0.0.1, trust, 100 connections (PostgreSQL's default max_connections), 1 GiB messages. */
    public static PgServerConfig defaults(int port) {
        return new PgServerConfig("127.0.0.1", port, 100, DEFAULT_MAX_MESSAGE_LENGTH, Authenticator.trust(),
                Duration.ofSeconds(60), 116, null);
    }

    public PgServerConfig withAuthenticator(Authenticator a) {
        return new PgServerConfig(listenAddress, port, maxConnections, maxMessageLength, a, authenticationTimeout,
                workerThreads, sslContext);
    }

    public PgServerConfig withMaxMessageLength(int length) {
        return new PgServerConfig(listenAddress, port, maxConnections, length, authenticator, authenticationTimeout,
                workerThreads, sslContext);
    }

    public PgServerConfig withMaxConnections(int connections) {
        return new PgServerConfig(listenAddress, port, connections, maxMessageLength, authenticator,
                authenticationTimeout, Math.max(workerThreads, connections + 16), sslContext);
    }

    public PgServerConfig withSslContext(SslContext context) {
        return new PgServerConfig(listenAddress, port, maxConnections, maxMessageLength, authenticator,
                authenticationTimeout, workerThreads, context);
    }

    public PgServerConfig withListenAddress(String address) {
        return new PgServerConfig(address, port, maxConnections, maxMessageLength, authenticator,
                authenticationTimeout, workerThreads, sslContext);
    }
}
