package io.pgsight.sql.engine;

import io.pgsight.sql.api.EngineSession;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** ORDER BY ... LIMIT keeps only the rows it may return (bounded heap) yet returns what a full sort would. */
class SortLimitTest extends EngineTestSupport {
    @Test
    void boundedSortEqualsTheFullSortTiesIncluded() {
        EngineSession s = open();
        run(s, "CREATE TABLE r (id int, k int)");
        run(s, "INSERT INTO r SELECT i, (i * 7919) % 97 FROM generate_series(1, 5000) i");
        for (String order : List.of("k, id", "k DESC", "k", "k DESC NULLS LAST")) {
            List<List<String>> all = rows(s, "SELECT id, k FROM r ORDER BY " + order);
            for (int[] lo : new int[][] {{10, 0}, {25, 7}, {1, 4999}, {3, 5003}}) {
                List<List<String>> expected = new ArrayList<>(all.subList(Math.min(lo[1], all.size()),
                        Math.min(lo[1] + lo[0], all.size())));
                assertEquals(expected, rows(s, "SELECT id, k FROM r ORDER BY " + order + " LIMIT " + lo[0] + " OFFSET " + lo[1]),
                        order + " limit " + lo[0] + " offset " + lo[1]);
            }
        }
    }

    @Test
    void fetchWithTiesReturnsTheTyingRows() {
        EngineSession s = open();
        assertEquals(List.of(List.of("1"), List.of("2"), List.of("2")),
                rows(s, "SELECT x FROM (VALUES (1),(2),(2),(3)) v(x) ORDER BY x FETCH FIRST 2 ROWS WITH TIES"));
        assertEquals(List.of(List.of("2"), List.of("2")),
                rows(s, "SELECT x FROM (VALUES (1),(2),(2),(3)) v(x) ORDER BY x OFFSET 1 FETCH FIRST 1 ROWS WITH TIES"));
        assertError(s, "SELECT x FROM (VALUES (1),(2)) v(x) FETCH FIRST 1 ROWS WITH TIES", "42601",
                "WITH TIES cannot be specified without ORDER BY clause");
    }
}
