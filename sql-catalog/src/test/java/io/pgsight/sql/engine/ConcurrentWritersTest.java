package io.pgsight.sql.engine;

import io.pgsight.sql.api.EngineSession;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Many sessions updating one row and inserting distinct keys: no lost updates, no duplicates. */
class ConcurrentWritersTest extends EngineTestSupport {
    @Test
    void noLostUpdatesUnderContention() throws Exception {
        try (EngineSession setup = open()) {
            run(setup, "CREATE TABLE counter (id int PRIMARY KEY, n int)");
            run(setup, "CREATE TABLE log (id int PRIMARY KEY, who int)");
            run(setup, "INSERT INTO counter VALUES (1, 0)");
        }
        int threads = 4;
        int each = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int who = t;
            fs.add(pool.submit(() -> {
                try (EngineSession s = open()) {
                    for (int i = 0; i < each; i++) {
                        run(s, "BEGIN");
                        run(s, "UPDATE counter SET n = n + 1 WHERE id = 1");
                        run(s, "INSERT INTO log VALUES (" + (who * 1000 + i) + ", " + who + ")");
                        run(s, "COMMIT");
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        try (EngineSession s = open()) {
            assertEquals(String.valueOf(threads * each), one(s, "SELECT n FROM counter WHERE id = 1"));
            assertEquals(String.valueOf(threads * each), one(s, "SELECT count(DISTINCT id) FROM log"));
            assertEquals("1", one(s, "SELECT count(*) FROM counter"));
            run(s, "VACUUM counter");
            assertEquals(String.valueOf(threads * each), one(s, "SELECT n FROM counter"));
        }
    }
}
