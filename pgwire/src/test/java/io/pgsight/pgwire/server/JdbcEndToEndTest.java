package io.pgsight.pgwire.server;

import io.pgsight.pgwire.testing.RunningTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.util.PSQLException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** pgjdbc 42.7 against the wire front end with the scripted test backend. */
class JdbcEndToEndTest {
    private static RunningTestServer server;

    @BeforeAll
    static void start() {
        server = new RunningTestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void simpleAndPreparedStatements() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
                assertEquals("?column?", rs.getMetaData().getColumnLabel(1));
                assertFalse(rs.next());
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT ?::int4")) {
                // past prepareThreshold (5) pgjdbc switches to a named server-side statement
                for (int i = 0; i < 12; i++) {
                    ps.setInt(1, i * 7);
                    try (ResultSet rs = ps.executeQuery()) {
                        assertTrue(rs.next());
                        assertEquals(i * 7, rs.getInt(1));
                    }
                }
            }
        }
    }

    @Test
    void namedStatementsFromTheStart() throws Exception {
        Properties p = new Properties();
        p.setProperty("prepareThreshold", "-1");
        try (Connection c = server.connect(p); PreparedStatement ps = c.prepareStatement("SELECT ?::text")) {
            for (String v : List.of("a", "ü€", "")) {
                ps.setString(1, v);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(v, rs.getString(1));
                }
            }
        }
    }

    @Test
    void binaryByteaRoundTripOfOneMegabyte() throws Exception {
        byte[] data = new byte[1 << 20];
        new Random(42).nextBytes(data);
        try (Connection c = server.connect(); PreparedStatement ps = c.prepareStatement("SELECT ?::bytea")) {
            for (int i = 0; i < 7; i++) {
                ps.setBytes(1, data);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertArrayEquals(data, rs.getBytes(1), "round " + i);
                }
            }
        }
    }

    @Test
    void updateCountsGeneratedKeysAndBatch() throws Exception {
        try (Connection c = server.connect()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO items (name) VALUES (?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, "first");
                assertEquals(1, ps.executeUpdate());
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    assertTrue(keys.next());
                    assertTrue(keys.getInt("id") > 0);
                    assertEquals("first", keys.getString("name"));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO items (name) VALUES (?)")) {
                for (int i = 0; i < 20; i++) {
                    ps.setString(1, "batch-" + i);
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                assertEquals(20, counts.length);
                for (int n : counts) {
                    assertEquals(1, n);
                }
            }
            assertTrue(server.backend.itemNames().contains("batch-19"));
        }
    }

    @Test
    void transactionStatusAndFailedTransaction() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.executeQuery("SELECT 1").close();
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("SELECT 1/0"));
            assertEquals("22012", e.getSQLState());
            SQLException aborted = assertThrows(SQLException.class, () -> s.executeQuery("SELECT 1"));
            assertEquals("25P02", aborted.getSQLState());
            c.rollback();
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
                assertTrue(rs.next());
            }
            c.commit();
            c.setAutoCommit(true);
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
                assertTrue(rs.next());
            }
        }
    }

    @Test
    void errorFieldsReachTheClient() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            PSQLException e = assertThrows(PSQLException.class, () -> s.execute("SELEC 1"));
            assertEquals("42601", e.getSQLState());
            assertEquals("syntax error at or near \"SELEC\"", e.getServerErrorMessage().getMessage());
            assertEquals(1, e.getServerErrorMessage().getPosition());
            assertEquals("ERROR", e.getServerErrorMessage().getSeverity());
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
                assertTrue(rs.next());
            }
        }
    }

    @Test
    void noticesArriveAsWarnings() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.executeQuery("SELECT notice('hello there')").close();
            SQLWarning w = s.getWarnings();
            assertEquals("hello there", w.getMessage());
        }
    }

    @Test
    void cancelRunningStatement() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            CompletableFuture<SQLException> failure = CompletableFuture.supplyAsync(() -> {
                try {
                    s.executeQuery("SELECT pg_sleep(30)");
                    return null;
                } catch (SQLException e) {
                    return e;
                }
            });
            Thread.sleep(300);
            s.cancel();
            SQLException e = failure.get(10, TimeUnit.SECONDS);
            assertEquals("57014", e.getSQLState());
            assertEquals("ERROR: canceling statement due to user request", e.getMessage());
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
                assertTrue(rs.next());
            }
        }
    }

    @Test
    void fetchSizeUsesPortalSuspended() throws Exception {
        try (Connection c = server.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT generate_series(1, 1000)")) {
                ps.setFetchSize(37);
                int expected = 1;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        assertEquals(expected++, rs.getInt(1));
                    }
                }
                assertEquals(1001, expected);
            }
            c.commit();
        }
    }

    @Test
    void errorInTheMiddleOfAPipelineThenSuccess() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.addBatch("INSERT INTO items (name) VALUES ('p1')");
            s.addBatch("SELECT 1/0");
            s.addBatch("INSERT INTO items (name) VALUES ('p3')");
            assertThrows(SQLException.class, s::executeBatch);
            assertTrue(server.backend.itemNames().contains("p1"));
            assertFalse(server.backend.itemNames().contains("p3"), "messages after the error are skipped");
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
                assertTrue(rs.next());
            }
        }
    }

    @Test
    void copyInThroughCopyManager() throws Exception {
        try (Connection c = server.connect()) {
            long n = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY items (name) FROM STDIN",
                    new java.io.ByteArrayInputStream("cm-1\ncm-2\ncm-3\n".getBytes()));
            assertEquals(3, n);
            assertTrue(server.backend.itemNames().containsAll(List.of("cm-1", "cm-2", "cm-3")));
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY items TO STDOUT", out);
            assertTrue(out.toString().contains("cm-2\n"));
        }
    }

    @Test
    void copyFailAbortsTheCopyAndTheConnectionGoesOn() throws Exception {
        try (Connection c = server.connect()) {
            org.postgresql.copy.CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY items (name) FROM STDIN");
            copy.writeToCopy("never-stored\n".getBytes(), 0, 13);
            copy.cancelCopy(); // CopyFail; pgjdbc consumes the expected 57014 ErrorResponse itself
            assertFalse(copy.isActive());
            assertFalse(server.backend.itemNames().contains("never-stored"));
            try (ResultSet rs = c.createStatement().executeQuery("SELECT 1")) {
                assertTrue(rs.next());
            }
        }
    }

    @Test
    void parameterStatusChangesAreTracked() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("SET application_name = 'wire-test'");
            assertEquals("wire-test", c.getClientInfo("ApplicationName"));
        }
    }

    @Test
    void refusedDatabaseIsFatal() {
        SQLException e = assertThrows(SQLException.class, () -> java.sql.DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + server.port() + "/nosuchdb?user=postgres"));
        assertEquals("3D000", e.getSQLState());
    }

    @Test
    void manyRowsStreamToTheClient() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT generate_series(1, 200000)")) {
            long sum = 0;
            while (rs.next()) {
                sum += rs.getInt(1);
            }
            assertEquals(200000L * 200001 / 2, sum);
        }
    }
}
