package io.pgsight.sql.engine;

import io.pgsight.sql.api.EngineSession;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** LATERAL subqueries and functions in FROM reading earlier FROM items; rows as PostgreSQL 15 returned them. */
class LateralTest extends EngineTestSupport {
    private EngineSession table() {
        EngineSession s = open();
        run(s, "CREATE TABLE p (id int PRIMARY KEY, g text, arr int[])");
        run(s, "INSERT INTO p VALUES (1,'a','{1,2}'),(2,'a','{3}'),(3,'b','{}'),(4,'c',null)");
        return s;
    }

    @Test
    void subqueriesAndFunctionsSeeTheRowsBeforeThem() {
        EngineSession s = table();
        assertEquals(List.of(List.of("1", "1"), List.of("2", "2"), List.of("3", "3"), List.of("4", "4")),
                rows(s, "SELECT id, c FROM p, LATERAL (SELECT count(*) c FROM p p2 WHERE p2.id <= p.id) x ORDER BY id"));
        assertEquals(List.of(List.of("1", "1"), List.of("1", "2"), List.of("2", "3")),
                rows(s, "SELECT p.id, u FROM p, unnest(p.arr) u ORDER BY 1, 2"));
        assertEquals(List.of(List.of("1", "1"), List.of("2", "1"), List.of("2", "2")),
                rows(s, "SELECT p.id, g.n FROM p, generate_series(1, p.id) g(n) WHERE p.id < 3 ORDER BY 1, 2"));
        assertEquals(List.of(List.of("1", "2"), List.of("2", "1")), rows(s, "SELECT p.id, top.id2 FROM p CROSS JOIN LATERAL "
                + "(SELECT p2.id AS id2 FROM p p2 WHERE p2.g = p.g AND p2.id <> p.id ORDER BY p2.id LIMIT 1) top ORDER BY 1"));
    }

    @Test
    void leftJoinLateralKeepsRowsWithoutMatches() {
        EngineSession s = table();
        assertEquals(List.of(List.of("1", "2"), List.of("2", "3"), Arrays.asList("3", null), Arrays.asList("4", null)),
                rows(s, "SELECT p.id, x.m FROM p LEFT JOIN LATERAL (SELECT max(v) m FROM unnest(p.arr) v) x ON true ORDER BY 1"));
        assertEquals(List.of(List.of("1", "1"), List.of("1", "2"), List.of("2", "3"), Arrays.asList("3", null),
                        Arrays.asList("4", null)),
                rows(s, "SELECT p.id, x.v FROM p LEFT JOIN LATERAL unnest(p.arr) x(v) ON true ORDER BY 1, 2"));
        assertEquals(List.of(List.of("2", "3")),
                rows(s, "SELECT p.id, x.v FROM p JOIN LATERAL (SELECT v FROM unnest(p.arr) v WHERE v > 1) x ON x.v > 2 ORDER BY 1"));
    }

    @Test
    void rightJoinCannotBeLateral() {
        EngineSession s = table();
        var e = assertError(s, "SELECT * FROM p RIGHT JOIN LATERAL (SELECT p.id) x ON true", "42P10",
                "invalid reference to FROM-clause entry for table \"p\"");
        assertEquals("The combining JOIN type must be INNER or LEFT for a LATERAL reference.", e.detail());
    }
}
