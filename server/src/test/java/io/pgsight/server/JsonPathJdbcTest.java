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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * pgjdbc sending the metadata filters of LangChain's PGVector store (langchain-postgres): each
 * comparison is {@code jsonb_path_match(cmetadata, CAST(:path AS JSONPATH), CAST(:vars AS JSONB))}
 * with the path {@code $.field OP $value} and the vars {@code {"value": ...}}; $between is two such
 * calls, $in/$nin compare {@code ->>} text, $exists calls jsonb_exists.
 */
class JsonPathJdbcTest {
    private static final String MATCH = "SELECT id FROM langchain_pg_embedding WHERE jsonb_path_match("
            + "langchain_pg_embedding.cmetadata, CAST(?::VARCHAR AS JSONPATH), CAST(?::JSONB AS JSONB)) ORDER BY id";

    @Test
    void langChainMetadataFilters() throws Exception {
        RealEngine.assumePresent();
        try (PgsightServer server = PgsightServer.startForTests(0);
             Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port()
                     + "/postgres?user=postgres")) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE langchain_pg_embedding (id varchar PRIMARY KEY, document varchar, cmetadata jsonb)");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO langchain_pg_embedding (id, document, cmetadata) VALUES (?, ?, CAST(? AS JSONB))")) {
                String[] meta = {"{\"page\": 1, \"source\": \"a.pdf\", \"score\": 0.5}",
                        "{\"page\": 2, \"source\": \"b.pdf\", \"score\": 1.5, \"tags\": [\"x\"]}",
                        "{\"page\": 3, \"source\": \"a.pdf\", \"score\": 2}", "{}"};
                for (int i = 0; i < meta.length; i++) {
                    ps.setString(1, String.valueOf(i + 1));
                    ps.setString(2, "doc" + (i + 1));
                    ps.setString(3, meta[i]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            assertEquals(List.of("2"), match(c, "$.page == $value", "{\"value\": 2}"));
            assertEquals(List.of("1", "3"), match(c, "$.source == $value", "{\"value\": \"a.pdf\"}"));
            assertEquals(List.of("2"), match(c, "$.source != $value", "{\"value\": \"a.pdf\"}"));
            assertEquals(List.of("1", "2"), match(c, "$.page < $value", "{\"value\": 3}"));
            assertEquals(List.of("1", "2"), match(c, "$.page <= $value", "{\"value\": 2}"));
            assertEquals(List.of("2", "3"), match(c, "$.score > $value", "{\"value\": 1}"));
            assertEquals(List.of("2", "3"), match(c, "$.score >= $value", "{\"value\": 1.5}"));
            // a string never equals a number: no error, no row
            assertEquals(List.of(), match(c, "$.page == $value", "{\"value\": \"2\"}"));
            // the same prepared statement often enough for pgjdbc to switch to a named server-side one
            for (int k = 0; k < 6; k++) {
                assertEquals(List.of("3"), match(c, "$.page == $value", "{\"value\": 3}"));
            }

            String between = "SELECT id FROM langchain_pg_embedding WHERE jsonb_path_match(cmetadata, "
                    + "CAST(? AS JSONPATH), CAST(? AS JSONB)) AND jsonb_path_match(cmetadata, CAST(? AS JSONPATH), "
                    + "CAST(? AS JSONB)) ORDER BY id";
            try (PreparedStatement ps = c.prepareStatement(between)) {
                ps.setString(1, "$.page >= $value");
                ps.setString(2, "{\"value\": 2}");
                ps.setString(3, "$.page <= $value");
                ps.setString(4, "{\"value\": 3}");
                assertEquals(List.of("2", "3"), ids(ps));
            }
            // parameters of unspecified type (psycopg's default for str) take their type from the CAST
            try (PreparedStatement ps = c.prepareStatement(between)) {
                ps.setObject(1, "$.score > $value", Types.OTHER);
                ps.setObject(2, "{\"value\": 0.5}", Types.OTHER);
                ps.setObject(3, "$.page != $value", Types.OTHER);
                ps.setObject(4, "{\"value\": 3}", Types.OTHER);
                assertEquals(List.of("2"), ids(ps));
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM langchain_pg_embedding "
                    + "WHERE (cmetadata ->> ?) NOT IN (?, ?) AND jsonb_exists(cmetadata, ?) ORDER BY id")) {
                ps.setString(1, "source");
                ps.setString(2, "a.pdf");
                ps.setString(3, "c.pdf");
                ps.setString(4, "tags");
                assertEquals(List.of("2"), ids(ps));
            }
            // pgjdbc reads a lone ? as a parameter: the operator @? is written @?? in JDBC
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM langchain_pg_embedding WHERE cmetadata @?? ?::jsonpath ORDER BY id")) {
                ps.setString(1, "$.tags[*] ? (@ == \"x\")");
                assertEquals(List.of("2"), ids(ps));
            }
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT '$.a == 1'::jsonpath, jsonb_path_query_array("
                         + "'[1, 2, 3]', 'strict $[*] ? (@ >= $min)', '{\"min\": 2}')")) {
                assertTrue(rs.next());
                assertEquals("($.\"a\" == 1)", rs.getString(1));
                assertEquals("[2, 3]", rs.getString(2));
            }

            SQLException syntax = assertThrows(SQLException.class, () -> match(c, "$.page = $value", "{\"value\": 1}"));
            assertEquals("42601", syntax.getSQLState());
            assertTrue(syntax.getMessage().contains("syntax error at or near \"=\" of jsonpath input"), syntax.getMessage());
            SQLException single = assertThrows(SQLException.class, () -> match(c, "$.page", "{}"));
            assertEquals("22038", single.getSQLState());
            SQLException missing = assertThrows(SQLException.class, () -> match(c, "$.page == $v", "{}"));
            assertEquals("42704", missing.getSQLState());
            assertTrue(missing.getMessage().contains("could not find jsonpath variable \"v\""), missing.getMessage());
            assertFalse(c.isClosed());
        }
    }

    private static List<String> match(Connection c, String path, String vars) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(MATCH)) {
            ps.setString(1, path);
            ps.setString(2, vars);
            return ids(ps);
        }
    }

    private static List<String> ids(PreparedStatement ps) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
