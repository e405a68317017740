package io.pgsight.server;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** max_connections, statement_timeout and idle_in_transaction_session_timeout as PostgreSQL enforces them. */
class SessionLimitsTest {
    @Test
    void connectionsBeyondMaxConnectionsAreRefused() throws Exception {
        RealEngine.assumePresent();
        try (PgsightServer server = PgsightServer.startForTests("--max-connections", "2")) {
            String url = "jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres?user=postgres";
            try (Connection a = DriverManager.getConnection(url); Connection b = DriverManager.getConnection(url)) {
                PSQLException e = assertThrows(PSQLException.class, () -> DriverManager.getConnection(url).close());
                assertEquals("53300", e.getSQLState());
                assertEquals("sorry, too many clients already", e.getServerErrorMessage().getMessage());
                assertTrue(a.isValid(5) && b.isValid(5));
            }
            try (Connection c = DriverManager.getConnection(url)) {
                assertTrue(c.isValid(5), "a slot frees when a client leaves");
            }
        }
    }

    @Test
    void statementTimeoutCancelsTheStatementNotTheSession() throws Exception {
        RealEngine.assumePresent();
        try (PgsightServer server = PgsightServer.startForTests(0);
             Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port()
                     + "/postgres?user=postgres");
             Statement s = c.createStatement()) {
            s.execute("SET statement_timeout = '100ms'");
            PSQLException e = assertThrows(PSQLException.class, () -> s.execute("SELECT pg_sleep(5)"));
            assertEquals("57014", e.getSQLState());
            assertEquals("canceling statement due to statement timeout", e.getServerErrorMessage().getMessage());
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
                assertTrue(rs.next());
            }
        }
    }

    @Test
    void idleInTransactionTimeoutEndsTheSessionWithFatal() throws Exception {
        RealEngine.assumePresent();
        try (PgsightServer server = PgsightServer.startForTests(0)) {
            List<RawPgConnection.Error> errors = new ArrayList<>();
            try (RawPgConnection idle = new RawPgConnection(server.port())) {
                assertTrue(idle.readUntilReady(errors));
                idle.send(RawPgConnection.query("SET idle_in_transaction_session_timeout = 200"));
                assertTrue(idle.readUntilReady(errors));
                // outside a transaction block the timeout does not apply
                Thread.sleep(400);
                idle.send(RawPgConnection.query("BEGIN"));
                assertTrue(idle.readUntilReady(errors));
                idle.send(RawPgConnection.query("SELECT 1"));
                assertTrue(idle.readUntilReady(errors));
                assertTrue(errors.isEmpty(), errors.toString());
                long start = System.nanoTime();
                assertFalse(idle.readUntilReady(errors), "the server closes the idle session");
                assertTrue(System.nanoTime() - start >= 150_000_000L);
                assertEquals(List.of(new RawPgConnection.Error("FATAL", "25P03",
                        "terminating connection due to idle-in-transaction timeout")), errors);
            }
        }
    }
}
