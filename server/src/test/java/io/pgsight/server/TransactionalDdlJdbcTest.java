package io.pgsight.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * pgjdbc against a server on a data directory: DROP/TRUNCATE/ALTER in a transaction (autocommit off) are
 * taken back by rollback(), another connection waits for them, and kill -9 or a clean restart keeps
 * exactly what was committed, a vector index included.
 */
class TransactionalDdlJdbcTest {
    private static final String KNN = "SELECT id FROM items ORDER BY e <-> '[10, 20, 90.1]' LIMIT 3";

    private static List<String> column(Statement st, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static String one(Statement st, String sql) throws SQLException {
        return column(st, sql).get(0);
    }

    @Test
    void rollbackWaitsAndRestartsKeepOnlyCommittedDdl(@TempDir Path tmp) throws Exception {
        RealEngine.assumePresent();
        Path data = tmp.resolve("data");
        Path log = tmp.resolve("server.log");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        ChildServer server = ChildServer.start(data, log);
        try {
            try (Connection c = DriverManager.getConnection(server.url()); Statement st = c.createStatement()) {
                st.execute("CREATE EXTENSION vector");
                st.execute("CREATE TABLE items (id serial PRIMARY KEY, e vector(3), note text)");
                st.execute("INSERT INTO items (e) SELECT ARRAY[g, g * 2, 100 - g]::vector FROM generate_series(1, 300) g");
                st.execute("CREATE INDEX items_hnsw ON items USING hnsw (e vector_l2_ops)");
                st.execute("SET enable_seqscan = off");
                assertEquals(List.of("10", "9", "11"), column(st, KNN));

                c.setAutoCommit(false);
                st.execute("DROP TABLE items");
                try (Connection other = DriverManager.getConnection(server.url());
                     Statement os = other.createStatement()) {
                    Future<String> waiting = pool.submit(() -> one(os, "SELECT count(*) FROM items"));
                    Thread.sleep(300);
                    assertFalse(waiting.isDone(), "another connection waits for the dropping transaction");
                    c.rollback();
                    assertEquals("300", waiting.get(10, TimeUnit.SECONDS));
                }
                assertEquals(List.of("10", "9", "11"), column(st, KNN));
                st.execute("TRUNCATE items RESTART IDENTITY");
                st.execute("ALTER TABLE items DROP COLUMN note");
                c.rollback();
                st.execute("ALTER TABLE items ADD COLUMN w int DEFAULT 3");
                c.commit();
                st.execute("DROP TABLE items"); // left open: the kill comes first
                assertThrows(SQLException.class, () -> one(st, "SELECT count(*) FROM items"));
            }
            server.kill();
            server = ChildServer.start(data, log);
            try (Connection c = DriverManager.getConnection(server.url()); Statement st = c.createStatement()) {
                assertEquals("300", one(st, "SELECT count(*) FROM items"));
                assertEquals("900", one(st, "SELECT sum(w) FROM items"));
                assertEquals("1", one(st, "SELECT count(*) FROM pg_attribute WHERE attrelid = 'items'::regclass "
                        + "AND attname = 'note'"));
                st.execute("SET enable_seqscan = off");
                assertEquals(List.of("10", "9", "11"), column(st, KNN));
                c.setAutoCommit(false);
                st.execute("DROP TABLE items");
                c.commit();
            }
            int status = server.stop();
            assertTrue(status == 0 || status == 143, "exit status after SIGTERM: " + status);
            server = ChildServer.start(data, log);
            try (Connection c = DriverManager.getConnection(server.url()); Statement st = c.createStatement()) {
                assertEquals("0", one(st, "SELECT count(*) FROM pg_class WHERE relname = 'items'"));
            }
        } finally {
            pool.shutdownNow();
            server.close();
        }
    }
}
