package io.pgsight.sql.engine;

import io.pgsight.sql.api.EngineSession;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Larger equi-joins use a hash join and give the same answers as the nested loop. */
class JoinStrategiesTest extends EngineTestSupport {
    @Test
    void hashJoinMatchesNestedLoop() {
        try (EngineSession s = open()) {
            run(s, "CREATE TABLE l (id int, g int)");
            run(s, "CREATE TABLE r (g int, name text)");
            run(s, "INSERT INTO l SELECT i, i % 50 FROM generate_series(1, 2000) i");
            run(s, "INSERT INTO r SELECT i, 'g' || i FROM generate_series(0, 39) i");
            String q = "SELECT count(*), count(name), sum(l.id) FROM l LEFT JOIN r ON l.g = r.g";
            List<String> plan = rows(s, "EXPLAIN (COSTS OFF) " + q).stream().map(x -> x.get(0)).toList();
            assertTrue(plan.get(1).contains("Hash Left Join"), plan.toString());
            List<List<String>> hashed = rows(s, q);
            run(s, "SET enable_hashjoin = off");
            assertEquals(hashed, rows(s, q));
            assertEquals(List.of(List.of("2000", "1600", "2001000")), hashed);
            run(s, "RESET enable_hashjoin");
            assertEquals("1600", one(s, "SELECT count(*) FROM l JOIN r USING (g)"));
        }
    }
}
