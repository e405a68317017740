package io.pgsight.sql.engine;

import io.pgsight.sql.api.EngineSession;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** ROLLUP, CUBE, GROUPING SETS and GROUPING(); rows as PostgreSQL 15 returned them for the same data. */
class GroupingSetsTest extends EngineTestSupport {
    private EngineSession data() {
        EngineSession s = open();
        run(s, "CREATE TABLE s (r text, c text, n int)");
        run(s, "INSERT INTO s VALUES ('e','x',1),('e','y',2),('w','x',3),('w','x',4),('w',null,5)");
        return s;
    }

    private static List<String> row(String... v) {
        return Arrays.asList(v);
    }

    @Test
    void rollupAddsSubtotalsAndTheTotal() {
        EngineSession s = data();
        assertEquals(List.of(row("e", "0", "2"), row("w", "0", "3"), row(null, "1", "5")),
                rows(s, "SELECT r, grouping(r), count(*) FROM s GROUP BY ROLLUP (r) ORDER BY r NULLS LAST"));
        assertEquals(List.of(row("e", "x", "1", "0"), row("e", "y", "2", "0"), row("e", null, "3", "1"),
                        row("w", "x", "7", "0"), row("w", null, "5", "0"), row("w", null, "12", "1"),
                        row(null, null, "15", "3")),
                rows(s, "SELECT r, c, sum(n), grouping(r, c) FROM s GROUP BY ROLLUP (r, c) ORDER BY 1, 2, 4"));
        assertEquals("grouping", run(s, "SELECT grouping(r) FROM s GROUP BY r").columns.get(0).name());
    }

    @Test
    void cubeAndGroupingSets() {
        EngineSession s = data();
        assertEquals(10, rows(s, "SELECT r, c, sum(n) FROM s GROUP BY CUBE (r, c)").size()); // PostgreSQL: 4 + 2 + 3 + 1
        assertEquals(List.of(row("e", null, "2"), row("w", null, "3"), row(null, "x", "3"), row(null, "y", "1")),
                rows(s, "SELECT r, c, count(*) FROM s GROUP BY GROUPING SETS ((r), (c), ()) HAVING count(*) < 5 "
                        + "AND (c IS NOT NULL OR r IS NOT NULL) ORDER BY 1, 2"));
        assertEquals(List.of(row("e", "x", "1"), row("e", "y", "1"), row("e", null, "2"), row("w", "x", "2"),
                        row("w", null, "1"), row("w", null, "3")),
                rows(s, "SELECT r, c, count(*) FROM s GROUP BY r, ROLLUP (c) ORDER BY 1, 2, 3"));
        assertEquals(List.of(row("5")), rows(s, "SELECT count(*) FROM s GROUP BY GROUPING SETS (())"));
        assertEquals(List.of(row("0")), rows(s, "SELECT count(*) FROM s WHERE false GROUP BY ROLLUP (r)"));
        assertError(s, "SELECT grouping(n) FROM s GROUP BY r", "42803",
                "arguments to GROUPING must be grouping expressions of the associated query level");
    }
}
