package io.pgsight.sql.engine;

import io.pgsight.sql.api.EngineSession;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Column defaults read back as PostgreSQL 15's pg_get_expr prints them (psql \d, JDBC COLUMN_DEF). */
class ColumnDefaultTextTest extends EngineTestSupport {
    @Test
    void defaultsReadBackAsWritten() {
        EngineSession s = open();
        run(s, "CREATE TABLE dflt (a float8 DEFAULT 1.5, b int DEFAULT 2, c text DEFAULT 'x', d numeric DEFAULT 2.50, "
                + "e timestamptz DEFAULT now(), g boolean DEFAULT true, h varchar(10) DEFAULT 'ab', i float4 DEFAULT -1, "
                + "j int DEFAULT -3, k text DEFAULT 'a' || 'b', l date DEFAULT current_date, m int[] DEFAULT '{1,2}', "
                + "n int DEFAULT 1 + 2, o real DEFAULT 2, p uuid DEFAULT null)");
        // expected column: what PostgreSQL 15 printed for the same CREATE TABLE
        assertEquals(List.of(List.of("a", "1.5"), List.of("b", "2"), List.of("c", "'x'::text"), List.of("d", "2.50"),
                List.of("e", "now()"), List.of("g", "true"), List.of("h", "'ab'::character varying"),
                List.of("i", "'-1'::integer"), List.of("j", "'-3'::integer"), List.of("k", "'a'::text || 'b'::text"),
                List.of("l", "CURRENT_DATE"), List.of("m", "'{1,2}'::integer[]"), List.of("n", "1 + 2"), List.of("o", "2")),
                rows(s, "SELECT a.attname, pg_get_expr(d.adbin, d.adrelid, true) FROM pg_attrdef d "
                        + "JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum "
                        + "WHERE d.adrelid = 'dflt'::regclass ORDER BY a.attnum"));
        run(s, "INSERT INTO dflt DEFAULT VALUES");
        assertEquals(List.of(List.of("1.5", "2", "x", "-1", "3", "ab")), rows(s, "SELECT a, b, c, i, n, h FROM dflt"));
    }
}
