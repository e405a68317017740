package io.pgsight.sql.engine;

import io.pgsight.sql.api.EngineSession;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CREATE INDEX while other sessions insert: rows written during the build must not be missing from it. */
class IndexBuildDuringWritesTest extends EngineTestSupport {
    private static final String ALL_BY_INDEX = "SELECT count(*) FROM (SELECT id FROM t ORDER BY sig <-> "
            + "'(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1)' LIMIT 1000000) s";

    @Test
    void indexBuiltDuringInsertsHoldsEveryRow() throws Exception {
        EngineSession ddl = open();
        run(ddl, "CREATE EXTENSION imgsmlr");
        run(ddl, "CREATE TABLE t (id int, sig signature)");
        AtomicInteger inserted = new AtomicInteger();
        Thread[] writers = new Thread[3];
        for (int w = 0; w < writers.length; w++) {
            EngineSession s = open();
            int base = w * 1_000_000;
            writers[w] = new Thread(() -> {
                for (int i = 0; i < 1500; i++) {
                    run(s, "INSERT INTO t VALUES (" + (base + i) + ", '(" + (i % 97) + ", 2, 3, 4, 5, 6, 7, 8, 9,"
                            + " 10, 11, 12, 13, 14, 15, " + (i % 13) + ")')");
                    inserted.incrementAndGet();
                }
            });
            writers[w].start();
        }
        int builds = 0;
        while (inserted.get() < 3000) {
            run(ddl, "DROP INDEX IF EXISTS t_sig");
            run(ddl, "CREATE INDEX t_sig ON t USING gist (sig)");
            builds++;
        }
        for (Thread w : writers) {
            w.join(60_000);
        }
        assertTrue(builds > 0);
        assertTrue(String.join("\n", rows(ddl, "EXPLAIN (COSTS OFF) " + ALL_BY_INDEX).stream()
                .map(r -> r.get(0)).toList()).contains("Index Scan using t_sig"));
        assertEquals("4500", one(ddl, "SELECT count(*) FROM t"));
        assertEquals("4500", one(ddl, ALL_BY_INDEX));
    }
}
