package io.pgsight.server;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** pgjdbc against the real engine: extended protocol, parameter types, batches, transactions, errors. */
class JdbcEngineTest {
    @Test
    void preparedStatementsBatchesAndTransactions() throws Exception {
        RealEngine.assumePresent();
        try (PgsightServer server = PgsightServer.startForTests(0);
             Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port()
                     + "/postgres?user=postgres")) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE j (id serial PRIMARY KEY, name text, score float8, n int)");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO j (name, score, n) VALUES (?, ?, ?)")) {
                for (int i = 1; i <= 5; i++) {
                    ps.setString(1, "row" + i);
                    ps.setDouble(2, i * 1.5);
                    if (i == 5) {
                        ps.setNull(3, Types.INTEGER);
                    } else {
                        ps.setInt(3, i);
                    }
                    ps.addBatch();
                }
                assertEquals(5, ps.executeBatch().length);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, score, n FROM j WHERE n >= ? ORDER BY id")) {
                ps.setInt(1, 3);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(3, rs.getInt(1));
                    assertEquals("row3", rs.getString(2));
                    assertEquals(4.5, rs.getDouble(3));
                    assertTrue(rs.next());
                    assertFalse(rs.next());
                }
                // executed often enough to switch pgjdbc to a named server-side statement with binary results
                for (int k = 0; k < 6; k++) {
                    ps.setInt(1, 1);
                    try (ResultSet rs = ps.executeQuery()) {
                        int count = 0;
                        while (rs.next()) {
                            count++;
                            assertEquals("row" + rs.getInt(1), rs.getString(2));
                        }
                        assertEquals(4, count);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT n FROM j WHERE name = ?")) {
                ps.setObject(1, "row5");
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(0, rs.getInt(1));
                    assertTrue(rs.wasNull());
                }
            }
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM j");
                c.rollback();
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM j")) {
                    rs.next();
                    assertEquals(5, rs.getLong(1));
                }
                SQLException e = assertThrows(SQLException.class, () -> st.executeQuery("SELECT 1 / 0"));
                assertEquals("22012", e.getSQLState());
                SQLException aborted = assertThrows(SQLException.class, () -> st.executeQuery("SELECT 1"));
                assertEquals("25P02", aborted.getSQLState());
                c.rollback();
            }
            c.setAutoCommit(true);
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT current_setting('server_version'), NULL::text")) {
                rs.next();
                assertEquals("15.20", rs.getString(1));
                assertNull(rs.getString(2));
            }
        }
    }
}
