package io.pgsight.pgwire.server;

import io.pgsight.pgwire.testing.RunningTestServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 100 connections at once; one slow statement must not hold up the others. */
class ConcurrentClientsTest {

    @Test
    void slowQueryDoesNotStallOtherConnections() throws Exception {
        try (RunningTestServer server = new RunningTestServer()) {
            int clients = 99;
            List<Connection> connections = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
            try {
                Connection slowConnection = server.connect();
                connections.add(slowConnection);
                for (int i = 0; i < clients; i++) {
                    connections.add(server.connect());
                }
                assertEquals(clients + 1, server.backend.openSessions.get());
                Statement slowStatement = slowConnection.createStatement();
                CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> {
                    try (ResultSet rs = slowStatement.executeQuery("SELECT pg_sleep(20)")) {
                        rs.next();
                    } catch (SQLException e) {
                        assertEquals("57014", e.getSQLState());
                    }
                }, pool);
                Thread.sleep(200);
                List<CompletableFuture<Void>> fast = new ArrayList<>();
                for (int i = 1; i <= clients; i++) {
                    Connection c = connections.get(i);
                    fast.add(CompletableFuture.runAsync(() -> {
                        for (int k = 0; k < 20; k++) {
                            query(c, "SELECT 1");
                        }
                    }, pool));
                }
                CompletableFuture.allOf(fast.toArray(CompletableFuture[]::new)).get(15, TimeUnit.SECONDS);
                assertFalse(slow.isDone(), "the slow statement is still running while all others finished");
                slowStatement.cancel();
                slow.get(10, TimeUnit.SECONDS);
                assertEquals(0, server.backend.callsOnEventLoop.get(), "no backend call on an event loop");
            } finally {
                for (Connection c : connections) {
                    c.close();
                }
                pool.shutdownNow();
            }
        }
    }

    @Test
    void connectionLimitAnswers53300() throws Exception {
        try (RunningTestServer server = new RunningTestServer(io.pgsight.pgwire.server.PgServerConfig.defaults(0)
                .withMaxConnections(2));
             Connection first = server.connect(); Connection second = server.connect()) {
            SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, server::connect);
            assertEquals("53300", e.getSQLState());
            assertEquals("FATAL: sorry, too many clients already", e.getMessage());
            first.close();
            for (int i = 0; i < 100 && server.backend.openSessions.get() > 1; i++) {
                Thread.sleep(20);
            }
            try (Connection third = server.connect()) {
                assertTrue(third.isValid(5));
            }
            // failed logins and connections that quit during authentication give their slot back
            for (int i = 0; i < 5; i++) {
                try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.port())) {
                    s.getOutputStream().write(io.pgsight.pgwire.testing.FrontendMessages.concat(
                            io.pgsight.pgwire.testing.FrontendMessages.startup(Map.of("user", "x",
                                    "database", "nosuchdb")), io.pgsight.pgwire.testing.FrontendMessages.terminate()));
                    s.getInputStream().readAllBytes();
                }
            }
            try (Connection fourth = server.connect()) {
                assertTrue(fourth.isValid(5));
            }
        }
    }

    private static void query(Connection c, String sql) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
