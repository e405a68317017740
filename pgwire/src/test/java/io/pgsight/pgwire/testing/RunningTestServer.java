package io.pgsight.pgwire.testing;

import io.pgsight.pgwire.server.PgServer;
import io.pgsight.pgwire.server.PgServerConfig;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** A {@link PgServer} on a free port in front of a {@link ScriptedTestBackend}, for end-to-end tests. */
public final class RunningTestServer implements AutoCloseable {
    public final ScriptedTestBackend backend = new ScriptedTestBackend();
    public final PgServer server;

    public RunningTestServer() {
        this(PgServerConfig.defaults(0));
    }

    public RunningTestServer(PgServerConfig config) {
        try {
            server = PgServer.start(config, backend);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return server.port();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/postgres";
    }

    public Connection connect() throws SQLException {
        return connect(new Properties());
    }

    public Connection connect(Properties extra) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        p.setProperty("sslmode", "disable");
        p.putAll(extra);
        return DriverManager.getConnection(jdbcUrl(), p);
    }

    @Override
    public void close() {
        server.close();
    }
}
