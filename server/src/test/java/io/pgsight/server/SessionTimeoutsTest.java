package io.pgsight.server;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** statement_timeout and idle_in_transaction_session_timeout through the wire, as PostgreSQL reports them. */
class SessionTimeoutsTest {
    private static Connection connect(PgsightServer server) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres?user=postgres");
    }

    @Test
    void idleInTransactionTimeoutTerminatesOnlySessionsInATransaction() throws Exception {
        RealEngine.assumePresent();
        try (PgsightServer server = PgsightServer.startForTests(0); Connection c = connect(server)) {
            Statement s = c.createStatement();
            s.execute("SET idle_in_transaction_session_timeout = '150ms'");
            Thread.sleep(400); // idle outside a transaction: kept
            s.execute("SELECT 1");
            c.setAutoCommit(false);
            s.execute("SELECT 2"); // now idle in a transaction
            Thread.sleep(600);
            SQLException e = assertThrows(SQLException.class, () -> s.execute("SELECT 3"));
            String all = e.getMessage() + " / " + (e.getCause() == null ? "" : e.getCause().getMessage());
            assertTrue("25P03".equals(e.getSQLState()) || all.contains("idle-in-transaction timeout"), e.getSQLState() + " " + all);
            assertTrue(c.isClosed() || !c.isValid(1));
        }
    }

    @Test
    void statementTimeoutCancelsWith57014() throws Exception {
        RealEngine.assumePresent();
        try (PgsightServer server = PgsightServer.startForTests(0); Connection c = connect(server)) {
            Statement s = c.createStatement();
            s.execute("SET statement_timeout = '100ms'");
            SQLException e = assertThrows(SQLException.class, () -> s.execute("SELECT pg_sleep(5)"));
            assertEquals("57014", e.getSQLState());
            assertTrue(e.getMessage().contains("canceling statement due to statement timeout"), e.getMessage());
            s.execute("SELECT 1"); // the session goes on
        }
    }
}
