package io.pgsight.sql.engine;

import io.pgsight.sql.api.EngineSession;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Window functions: ranking, running and partitioned aggregates, lag/lead, explicit frames. */
class WindowFunctionsTest extends EngineTestSupport {
    @Test
    void rankingAndAggregatesOverPartitions() {
        try (EngineSession s = open()) {
            run(s, "CREATE TABLE w (g text, v int)");
            run(s, "INSERT INTO w VALUES ('a', 10), ('a', 20), ('a', 20), ('b', 5), ('b', 7)");
            assertEquals(List.of(
                    List.of("a", "10", "1", "1", "1", "50", "10"),
                    List.of("a", "20", "2", "2", "2", "50", "50"),
                    List.of("a", "20", "3", "2", "2", "50", "50"),
                    List.of("b", "5", "1", "1", "1", "12", "5"),
                    List.of("b", "7", "2", "2", "2", "12", "12")),
                    rows(s, "SELECT g, v, row_number() OVER (PARTITION BY g ORDER BY v), rank() OVER (PARTITION BY g ORDER BY v), "
                            + "dense_rank() OVER (PARTITION BY g ORDER BY v), sum(v) OVER (PARTITION BY g), "
                            + "sum(v) OVER (PARTITION BY g ORDER BY v) FROM w ORDER BY g, v, 3"));
            assertEquals(List.of(java.util.Arrays.asList("10", null, "20"), List.of("20", "10", "20")),
                    rows(s, "SELECT v, lag(v) OVER (ORDER BY v), lead(v) OVER (ORDER BY v) FROM w WHERE g = 'a' ORDER BY v LIMIT 2")
                            .stream().map(r -> java.util.Arrays.asList(r.get(0), r.get(1), r.get(2))).toList());
            assertEquals(List.of(List.of("5", "5"), List.of("7", "12"), List.of("10", "17")),
                    rows(s, "SELECT v, sum(v) OVER (ORDER BY v ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM w ORDER BY v LIMIT 3"));
            assertEquals(List.of(List.of("2"), List.of("2")), rows(s, "SELECT count(*) OVER () FROM w GROUP BY g"));
            assertEquals(List.of(List.of("a", "3", "1"), List.of("b", "2", "2")),
                    rows(s, "SELECT g, count(*), rank() OVER (ORDER BY count(*) DESC) FROM w GROUP BY g ORDER BY g"));
        }
    }
}
