package io.pgsight.server;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.pgsight.pgwire.server.PgServer;
import io.pgsight.pgwire.server.PgServerConfig;
import io.pgsight.sql.api.Engine;
import io.pgsight.sql.api.EngineConfig;
import io.pgsight.sql.api.Engines;

import javax.net.ssl.SSLException;
import java.io.File;
import java.net.InetSocketAddress;
import java.util.Map;

/** The engine plus the protocol listener in front of it: what {@link Main} runs and tests start in-process. */
public final class PgsightServer implements AutoCloseable {
    private final Engine engine;
    private final PgServer listener;

    private PgsightServer(Engine engine, PgServer listener) {
        this.engine = engine;
        this.listener = listener;
    }

    static PgsightServer start(ServerOptions options) throws InterruptedException {
        // SHOW max_connections should report the limit the listener enforces
        Map<String, String> settings = new java.util.LinkedHashMap<>(options.settings());
        settings.putIfAbsent("max_connections", Integer.toString(options.maxConnections()));
        Engine engine = Engines.create(new EngineConfig(settings, options.dataDir()));
        try {
            PgServerConfig config = PgServerConfig.defaults(options.port())
                    .withListenAddress(options.listen())
                    .withMaxConnections(options.maxConnections())
                    .withMaxMessageLength(options.maxMessageSize())
                    .withAuthenticator(ClientAuthentication.from(options))
                    .withSslContext(sslContext(options));
            return new PgsightServer(engine, PgServer.start(config, new EngineBackend(engine)));
        } catch (RuntimeException | InterruptedException e) {
            engine.close();
            throw e;
        }
    }

    /** In-process with command-line options (e.g. --hba-file), port 0 unless given. */
    public static PgsightServer startForTests(String... args) throws InterruptedException {
        String[] all = new String[args.length + 2];
        all[0] = "--port";
        all[1] = "0";
        System.arraycopy(args, 0, all, 2, args.length);
        return start(ServerOptions.parse(all, Map.of()));
    }

    /** In-memory engine, trust authentication, 127.0.0.1 and the given port (0 = any free one). */
    public static PgsightServer startForTests(int port) throws InterruptedException {
        return start(ServerOptions.parse(new String[] {"--port", Integer.toString(port)}, Map.of()));
    }

    private static SslContext sslContext(ServerOptions options) {
        if (options.sslCert() == null) {
            return null;
        }
        try {
            return SslContextBuilder.forServer(new File(options.sslCert()), new File(options.sslKey())).build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot use --ssl-cert/--ssl-key: " + e.getMessage(), e);
        }
    }

    public InetSocketAddress address() {
        return listener.address();
    }

    public int port() {
        return listener.port();
    }

    @Override
    public void close() {
        try {
            listener.close();
        } finally {
            engine.close();
        }
    }
}
