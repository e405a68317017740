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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGTERM writes a checkpoint with the hnsw index's image; the next start loads the image (no
 * rebuild) and answers KNN queries exactly as before; a kill -9 after more inserts keeps using the
 * image and replays the inserts on top.
 */
class ShutdownIndexImageTest {
    private static final String KNN = "SELECT id, embedding <-> '[0.5,0.25,0,1,0.75,0.5,0.125,0]' FROM items "
            + "ORDER BY embedding <-> '[0.5,0.25,0,1,0.75,0.5,0.125,0]' LIMIT 10";

    private static List<String> knn(String url) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(KNN)) {
            while (r.next()) {
                ids.add(r.getString(1) + " " + r.getString(2));
            }
        }
        return ids;
    }

    private static List<String> distances(List<String> rows) {
        return rows.stream().map(x -> x.substring(x.indexOf(' ') + 1)).toList();
    }

    private static void exec(String url, String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    @Test
    void sigtermWritesTheIndexImageAndTheNextStartLoadsIt(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        Path log = tmp.resolve("server.log");
        ChildServer server = ChildServer.start(data, log);
        List<String> before;
        try {
            StringBuilder insert = new StringBuilder("INSERT INTO items SELECT g, ('[' || array_to_string(ARRAY["
                    + "(g * 7 % 13) / 13.0, (g * 5 % 11) / 11.0, (g % 7) / 7.0, (g * 3 % 17) / 17.0, (g % 5) / 5.0, "
                    + "(g * 11 % 19) / 19.0, (g % 3) / 3.0, (g * 13 % 23) / 23.0], ',') || ']')::vector "
                    + "FROM generate_series(1, 2000) g");
            exec(server.url(), "CREATE EXTENSION vector", "CREATE TABLE items (id int, embedding vector(8))",
                    insert.toString(), "CREATE INDEX items_hnsw ON items USING hnsw (embedding vector_l2_ops)");
            before = knn(server.url());
            int status = server.stop();
            assertTrue(status == 0 || status == 143, "exit status after SIGTERM: " + status);
        } finally {
            server.close();
        }
        assertTrue(server.output().contains("index images"), server.output());

        server = ChildServer.start(data, log);
        try {
            String out = server.output();
            assertTrue(out.contains("loaded index \"items_hnsw\" (hnsw) from its image"), out);
            assertEquals(before, knn(server.url()));
            exec(server.url(), "INSERT INTO items VALUES (5000, '[0.5,0.25,0,1,0.75,0.5,0.125,0]')");
            server.kill();
        } finally {
            server.close();
        }

        server = ChildServer.start(data, log);
        try {
            List<String> after = knn(server.url());
            assertEquals("5000 0", after.get(0));
            // then the same distances; rows of equal distance may come in another order (the graph grew)
            assertEquals(distances(before.subList(0, 9)), distances(after.subList(1, 10)));
        } finally {
            server.close();
        }
    }
}
