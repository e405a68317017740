package io.pgsight.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A server started in-process on a free port with a fresh database for one client test class. */
final class ClientDatabase implements AutoCloseable {
    final PgsightServer server;
    final String database;

    private ClientDatabase(PgsightServer server, String database) {
        this.server = server;
        this.database = database;
    }

    static ClientDatabase start(String database) throws Exception {
        RealEngine.assumePresent();
        PgsightServer server = PgsightServer.startForTests(0);
        try (Connection c = DriverManager.getConnection(url(server, "postgres"));
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + database);
        }
        return new ClientDatabase(server, database);
    }

    static String url(PgsightServer server, String database) {
        return "jdbc:postgresql://127.0.0.1:" + server.port() + "/" + database + "?user=postgres";
    }

    int port() {
        return server.port();
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(server, database));
    }

    Connection connect(String extraParameters) throws SQLException {
        return DriverManager.getConnection(url(server, database) + "&" + extraParameters);
    }

    /** An image from the shared compat corpus, or a skip when the corpus is not there. */
    static byte[] sharedImage(String name) throws Exception {
        String shared = System.getProperty("pgsight.shared");
        assumeTrue(shared != null, "pgsight.shared is not set: skipping the image part");
        Path p = Path.of(shared, "compat", "data", name);
        assumeTrue(Files.isRegularFile(p), "no shared image " + p + ": skipping the image part");
        return Files.readAllBytes(p);
    }

    @Override
    public void close() {
        server.close();
    }
}
