package io.pgsight.server;

import io.pgsight.pgwire.server.PgServer;
import io.pgsight.pgwire.server.PgServerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine adapter behind the real wire front end, with pgjdbc as the client. */
class EngineBackendTest {
    private static PgServer server;

    @BeforeAll
    static void start() throws InterruptedException {
        server = PgServer.start(PgServerConfig.defaults(0), new EngineBackend(new ScriptedTestEngine()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/" + database
                + "?user=postgres");
    }

    @Test
    void rowsAndColumnMetadata() throws Exception {
        try (Connection c = connect("postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("anything")) {
            assertEquals("x", rs.getMetaData().getColumnName(1));
            assertTrue(rs.next());
            assertEquals(42, rs.getInt(1));
            assertFalse(rs.next());
        }
    }

    @Test
    void everyErrorFieldReachesTheClient() throws Exception {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            PSQLException e = assertThrows(PSQLException.class, () -> s.execute("fail"));
            ServerErrorMessage m = e.getServerErrorMessage();
            assertEquals("ERROR", m.getSeverity());
            assertEquals("42703", m.getSQLState());
            assertEquals("column \"nope\" does not exist", m.getMessage());
            assertEquals("some detail", m.getDetail());
            assertEquals("Perhaps you meant to reference the column \"t.note\".", m.getHint());
            assertEquals(8, m.getPosition());
            assertEquals("SQL function \"f\" statement 1", m.getWhere());
        }
    }

    @Test
    void noticesAndSettingChanges() throws Exception {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.executeQuery("notice").close();
            assertEquals("just so you know", s.getWarnings().getMessage());
            s.execute("set");
            assertEquals("changed", c.getClientInfo("ApplicationName"));
        }
    }

    @Test
    void preparedWithFetchSize() throws Exception {
        try (Connection c = connect("postgres")) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("series ?")) {
                ps.setFetchSize(3);
                ps.setInt(1, 10);
                int n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        assertEquals(++n, rs.getInt(1));
                    }
                }
                assertEquals(10, n);
            }
        }
    }

    @Test
    void engineRefusingTheDatabaseIsFatal() {
        SQLException e = assertThrows(SQLException.class, () -> connect("nosuchdb"));
        assertEquals("3D000", e.getSQLState());
    }
}
