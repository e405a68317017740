package io.pgsight.server;

import com.pgvector.PGvector;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * pgvector-java: registerTypes looks the vector types up in pg_type (current_schemas,
 * generate_series, array_upper), then vectors travel in pgvector's binary format both ways
 * (prepareThreshold=-1 makes pgjdbc use binary results from the first execution).
 */
class PgvectorJavaTest {
    @Test
    void registerTypesAndBinaryRoundTrip() throws Exception {
        try (ClientDatabase db = ClientDatabase.start("pgvector_java");
             Connection c = db.connect("prepareThreshold=-1")) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE EXTENSION vector");
                st.execute("CREATE TABLE items (id int PRIMARY KEY, embedding vector(3))");
            }
            PGvector.registerTypes(c);
            float[][] data = {{1, 1, 1}, {2, 2, 2}, {1, 1, 2}, {-0.5f, 1e-3f, 3.25f}};
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO items VALUES (?, ?)")) {
                for (int i = 0; i < data.length; i++) {
                    ps.setInt(1, i + 1);
                    ps.setObject(2, new PGvector(data[i]));
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT id, embedding FROM items ORDER BY id")) {
                ResultSet rs = ps.executeQuery();
                for (float[] expected : data) {
                    assertTrue(rs.next());
                    PGvector v = assertInstanceOf(PGvector.class, rs.getObject(2));
                    assertArrayEquals(expected, v.toArray());
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM items ORDER BY embedding <-> ? LIMIT 3")) {
                ps.setObject(1, new PGvector(new float[] {1, 1, 1}));
                ResultSet rs = ps.executeQuery();
                List<Integer> ids = new ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getInt(1));
                }
                assertEquals(List.of(1, 3, 2), ids);
            }
        }
    }
}
