package io.pgsight.sql.engine;

import io.pgsight.sql.api.EngineSession;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** WHERE conjuncts over FROM a, b, c are evaluated at the lowest join that can run them. */
class CommaJoinTest extends EngineTestSupport {
    private EngineSession schema() {
        EngineSession s = open();
        run(s, "CREATE TABLE a (id int PRIMARY KEY, name text)");
        run(s, "CREATE TABLE b (id int PRIMARY KEY, a_id int, w int)");
        run(s, "CREATE TABLE c (b_id int, tag text)");
        run(s, "INSERT INTO a SELECT i, 'a' || i FROM generate_series(1, 300) i");
        run(s, "INSERT INTO b SELECT i, i % 300 + 1, i % 7 FROM generate_series(1, 900) i");
        run(s, "INSERT INTO c SELECT i % 900 + 1, CASE WHEN i % 2 = 0 THEN 'even' ELSE 'odd' END FROM generate_series(1, 1800) i");
        return s;
    }

    @Test
    void sameRowsAsExplicitJoins() {
        EngineSession s = schema();
        String comma = "SELECT a.name, b.id, c.tag FROM a, b, c WHERE a.id = b.a_id AND c.b_id = b.id AND b.w = 3 "
                + "AND c.tag = 'even' AND a.id < 50 AND a.id + b.id > 10 ORDER BY b.id, a.name";
        String joined = "SELECT a.name, b.id, c.tag FROM a JOIN b ON a.id = b.a_id JOIN c ON c.b_id = b.id "
                + "WHERE b.w = 3 AND c.tag = 'even' AND a.id < 50 AND a.id + b.id > 10 ORDER BY b.id, a.name";
        List<List<String>> expected = rows(s, joined);
        assertTrue(expected.size() > 5, "the query selects something");
        assertEquals(expected, rows(s, comma));
    }

    @Test
    void equalitiesBecomeHashJoinsAndFiltersMoveToTheScans() {
        EngineSession s = schema();
        String plan = String.join("\n", rows(s, "EXPLAIN (COSTS OFF) SELECT a.name FROM a, b, c "
                + "WHERE a.id = b.a_id AND c.b_id = b.id AND c.tag = 'odd'").stream().map(r -> r.get(0)).toList());
        assertTrue(plan.contains("Hash Join"), plan);
        assertTrue(plan.contains("Filter: (c.tag = 'odd'::text)"), plan);
        assertEquals("900", one(s, "SELECT count(*) FROM a, b, c WHERE a.id = b.a_id AND c.b_id = b.id AND c.tag = 'odd'"));
    }

    @Test
    void subqueriesAndConstantsStayAboveTheJoin() {
        EngineSession s = schema();
        assertEquals("3", one(s, "SELECT count(*) FROM a, b WHERE a.id = b.a_id AND a.id = 1 AND "
                + "EXISTS (SELECT 1 FROM c WHERE c.b_id = b.id) AND 1 = 1"));
        assertEquals("0", one(s, "SELECT count(*) FROM a, b WHERE a.id = b.a_id AND false"));
    }
}
