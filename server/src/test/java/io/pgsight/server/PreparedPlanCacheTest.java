package io.pgsight.server;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A prepared statement keeps its plan between executions; schema changes and SET must still be seen,
 * as PostgreSQL's plan cache invalidation guarantees. pgjdbc switches to a named server-side statement
 * after five executions, so each step runs the statement often enough to exercise the cached plan.
 */
class PreparedPlanCacheTest {
    @Test
    void cachedPlansFollowSchemaChangesAndSettings() throws Exception {
        RealEngine.assumePresent();
        try (PgsightServer server = PgsightServer.startForTests(0);
             Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port()
                     + "/postgres?user=postgres")) {
            exec(c, "CREATE EXTENSION vector");
            exec(c, "CREATE TABLE items (id int, v vector(2))");
            exec(c, "INSERT INTO items VALUES (1, '[0,0]'), (2, '[1,1]'), (3, '[5,5]')");
            try (PreparedStatement knn = c.prepareStatement("SELECT id FROM items ORDER BY v <-> ?::vector LIMIT 2")) {
                assertEquals(List.of(2, 1), run(knn, "[1,1]"));

                exec(c, "CREATE INDEX ON items USING hnsw (v vector_l2_ops)");
                assertEquals(List.of(3, 2), run(knn, "[4,4]"));

                // a table of the same name with other rows: a stale plan would still read the old one
                exec(c, "DROP TABLE items");
                exec(c, "CREATE TABLE items (id int, v vector(2))");
                exec(c, "INSERT INTO items VALUES (10, '[9,9]'), (20, '[8,8]')");
                assertEquals(List.of(20, 10), run(knn, "[0,0]"));

                exec(c, "SET enable_indexscan = off");
                assertEquals(List.of(10, 20), run(knn, "[10,10]"));
            }

        }
    }

    /** Runs the KNN statement seven times (past pgjdbc's prepare threshold); all runs must agree. */
    private static List<Integer> run(PreparedStatement ps, String query) throws SQLException {
        List<Integer> first = null;
        for (int i = 0; i < 7; i++) {
            ps.setObject(1, query, Types.OTHER);
            List<Integer> got = collect(ps);
            if (first == null) {
                first = got;
            } else {
                assertEquals(first, got, "execution " + (i + 1));
            }
        }
        return first;
    }

    private static List<Integer> collect(PreparedStatement ps) throws SQLException {
        List<Integer> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getInt(1));
            }
        }
        return out;
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
