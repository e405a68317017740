package io.pgsight.sql.engine;

import io.pgsight.sql.api.EngineConfig;
import io.pgsight.sql.api.EngineSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Index images in a data directory: a checkpoint writes them, a restart loads them instead of
 * rebuilding, and the log tail written after the checkpoint is applied on top. Uses the test
 * extension's bruteknn index (exact, so results must match to the row) whose image is its entries.
 */
class IndexImagesRestartTest {
    private static final String KNN = "SELECT id, p FROM pts ORDER BY p <-> '3,4' LIMIT 12";

    private static EngineImpl start(Path dir) {
        return new EngineImpl(new EngineConfig(Map.of(), dir.toString()));
    }

    private static EngineSession open(EngineImpl e) {
        return e.openSession("postgres", "postgres", Map.of(), null);
    }

    private static void exec(EngineSession s, String... sql) {
        for (String q : sql) {
            EngineTestSupport.run(s, q);
        }
    }

    /** KNN through the index (checked in the plan), so a bad image would show. */
    private static List<List<String>> knn(EngineSession s) {
        String plan = String.join("\n", EngineTestSupport.rows(s, "EXPLAIN (COSTS OFF) " + KNN).stream()
                .map(r -> r.get(0)).toList());
        assertTrue(plan.contains("Index Scan using pts_p"), plan);
        return EngineTestSupport.rows(s, KNN);
    }

    private static EngineImpl loaded(Path dir, int rows) {
        EngineImpl e = start(dir);
        EngineSession s = open(e);
        exec(s, "CREATE EXTENSION knntest", "CREATE TABLE pts (id int PRIMARY KEY, p pt2)");
        StringBuilder insert = new StringBuilder("INSERT INTO pts VALUES ");
        for (int i = 0; i < rows; i++) {
            insert.append(i == 0 ? "" : ", ").append("(").append(i).append(", '").append((i * 37) % 101).append(",")
                    .append((i * 53) % 97).append("')");
        }
        exec(s, insert.toString(), "CREATE INDEX pts_p ON pts USING bruteknn (p)");
        s.close();
        return e;
    }

    private static List<String> sorted(List<List<String>> rows) {
        return rows.stream().map(r -> r.get(1) + " " + r.get(0)).sorted().toList();
    }

    private static boolean fromImage(EngineImpl e) {
        var t = e.database("postgres").catalog().relation("public", "pts");
        return ((KnnTestExtension.BruteIndex) t.indexes().get(1).instance()).fromImage;
    }

    private static List<Path> images(Path dir) throws IOException {
        Path d = dir.resolve("index-snapshots");
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(d)) {
            return files.filter(f -> f.toString().endsWith(".idx")).toList();
        }
    }

    @Test
    void cleanShutdownWritesImagesThatTheNextStartLoads(@TempDir Path dir) throws IOException {
        EngineImpl e = loaded(dir, 300);
        List<List<String>> before = knn(open(e));
        e.close();
        assertEquals(1, images(dir).size());
        EngineImpl r = start(dir);
        assertTrue(fromImage(r), "the index comes from its image");
        EngineSession s = open(r);
        assertEquals(before, knn(s));
        // the restored index keeps working for new rows
        exec(s, "INSERT INTO pts VALUES (1000, '3,4')");
        assertEquals(List.of("1000", "3,4"), knn(s).get(0));
        r.close();
    }

    @Test
    void rowChangesAfterTheCheckpointAreReplayedOntoTheImage(@TempDir Path dir) {
        EngineImpl e = loaded(dir, 300);
        // in the index but uncommitted at the checkpoint: one commits afterwards (so it is in the image
        // and in the log tail), the other never does (in the image, gone after the crash)
        EngineSession late = open(e);
        exec(late, "BEGIN", "INSERT INTO pts VALUES (501, '3,5')");
        EngineSession never = open(e);
        exec(never, "BEGIN", "INSERT INTO pts VALUES (600, '3,4')");
        e.store().checkpoint();
        exec(late, "COMMIT");
        EngineSession s = open(e);
        exec(s, "INSERT INTO pts VALUES (500, '3,4')", "DELETE FROM pts WHERE id < 20",
                "UPDATE pts SET p = '2,4' WHERE id = 100");
        List<List<String>> before = knn(s);
        int duplicates = KnnTestExtension.DUPLICATE_INSERTS.get();
        e.crashForTests();

        EngineImpl r = start(dir);
        assertTrue(fromImage(r));
        EngineSession t = open(r);
        assertEquals(before, knn(t));
        assertEquals("0", EngineTestSupport.one(t, "SELECT count(*) FROM pts WHERE id = 600"));
        // a new row must not get the row id the never-committed row has in the image
        exec(t, "INSERT INTO pts VALUES (700, '3.001,4')");
        assertEquals(duplicates, KnnTestExtension.DUPLICATE_INSERTS.get(),
                "rows already in the image are replaced, not inserted twice, and row ids are not reused");
        assertEquals(List.of("500", "3,4"), knn(t).get(0));
        assertEquals(List.of("700", "3.001,4"), knn(t).get(1));
        r.close();
    }

    @Test
    void imagesWrittenBeforeACrashAreUsedWithTheLogTail(@TempDir Path dir) {
        EngineImpl e = loaded(dir, 200);
        e.store().checkpoint();
        EngineSession s = open(e);
        for (int i = 0; i < 20; i++) {
            exec(s, "INSERT INTO pts VALUES (" + (2000 + i) + ", '" + (3 + i * 0.01) + ",4')");
        }
        List<List<String>> before = knn(s);
        e.crashForTests();
        EngineImpl r = start(dir);
        List<List<String>> after = knn(open(r));
        assertEquals(before, after);
        assertTrue(after.get(0).get(0).startsWith("20"), after.toString());
        r.close();
    }

    @Test
    void aDamagedImageIsRebuiltFromTheRows(@TempDir Path dir) throws IOException {
        EngineImpl e = loaded(dir, 300);
        List<List<String>> before = knn(open(e));
        e.close();
        Path image = images(dir).get(0);
        byte[] b = Files.readAllBytes(image);
        b[b.length / 2] ^= 0x40;
        Files.write(image, b);
        EngineImpl r = start(dir);
        assertFalse(fromImage(r), "a damaged image is not used");
        assertEquals(before, knn(open(r)));
        r.close(); // nothing changed, but the rebuilt index asks for a checkpoint: a good image again
        assertEquals(1, images(dir).size());
        EngineImpl r1 = start(dir);
        assertTrue(fromImage(r1));
        r1.close();

        Files.write(images(dir).get(0), new byte[] {1, 2, 3}); // truncated
        EngineImpl r2 = start(dir);
        assertFalse(fromImage(r2));
        assertEquals(before, knn(open(r2)));
        r2.close();
    }

    @Test
    void imagesOfAnOlderCheckpointAreNotUsed(@TempDir Path dir) throws IOException {
        EngineImpl e = loaded(dir, 100);
        e.close();
        Path old = images(dir).get(0);
        byte[] oldImage = Files.readAllBytes(old);
        EngineImpl r = start(dir);
        EngineSession s = open(r);
        exec(s, "INSERT INTO pts VALUES (900, '3,4')");
        r.close(); // a new checkpoint with new images; put the old one back as if they were never written
        for (Path p : images(dir)) {
            Files.delete(p);
        }
        Files.write(old, oldImage);
        EngineImpl r2 = start(dir);
        assertFalse(fromImage(r2));
        assertEquals(List.of("900", "3,4"), knn(open(r2)).get(0));
        r2.close();
    }

    @Test
    void aStartAndCleanStopWithoutChangesKeepsTheCheckpointAndItsImages(@TempDir Path dir) throws IOException {
        loaded(dir, 50).close();
        List<Path> first = images(dir);
        start(dir).close();
        assertEquals(first, images(dir), "nothing changed: no new checkpoint");
    }

    @Test
    void hnswAndIvfflatIndexesAnswerAlikeAfterRestarts(@TempDir Path dir) throws IOException {
        EngineImpl e = start(dir);
        EngineSession s = open(e);
        exec(s, "CREATE EXTENSION vector", "CREATE TABLE items (id int, embedding vector(8))",
                "INSERT INTO items SELECT g, ('[' || (g * 7 % 13) || ',' || (g * 5 % 11) || ',' || (g % 7) || ',' || "
                        + "(g * 3 % 17) || ',' || (g % 5) || ',' || (g * 11 % 19) || ',' || (g % 3) || ',' || (g * 13 % 23) "
                        + "|| ']')::vector FROM generate_series(1, 3000) g",
                "CREATE INDEX items_hnsw ON items USING hnsw (embedding vector_l2_ops) WITH (m = 8, ef_construction = 32)",
                "CREATE INDEX items_ivf ON items USING ivfflat (embedding vector_cosine_ops) WITH (lists = 20)");
        String knn = "SELECT id, embedding <-> '[6,5,3,8,2,9,1,11]' FROM items ORDER BY embedding <-> '[6,5,3,8,2,9,1,11]' LIMIT 20";
        String cosine = "SELECT id, embedding <=> '[6,5,3,8,2,9,1,11]' FROM items ORDER BY embedding <=> '[6,5,3,8,2,9,1,11]' LIMIT 20";
        assertTrue(String.join("\n", EngineTestSupport.rows(s, "EXPLAIN (COSTS OFF) " + cosine).stream().map(x -> x.get(0))
                .toList()).contains("items_ivf"));
        List<List<String>> before = EngineTestSupport.rows(s, knn);
        List<List<String>> beforeCosine = EngineTestSupport.rows(s, cosine);
        exec(s, "SET hnsw.iterative_scan = relaxed_order");
        List<List<String>> iterative = EngineTestSupport.rows(s,
                "SELECT id FROM items WHERE id % 7 = 0 ORDER BY embedding <-> '[6,5,3,8,2,9,1,11]' LIMIT 30");
        e.close();
        assertEquals(2, images(dir).size());
        EngineImpl r = start(dir);
        EngineSession t = open(r);
        assertEquals(before, EngineTestSupport.rows(t, knn));
        assertEquals(beforeCosine, EngineTestSupport.rows(t, cosine));
        exec(t, "SET hnsw.iterative_scan = relaxed_order");
        assertEquals(iterative, EngineTestSupport.rows(t,
                "SELECT id FROM items WHERE id % 7 = 0 ORDER BY embedding <-> '[6,5,3,8,2,9,1,11]' LIMIT 30"));
        exec(t, "INSERT INTO items VALUES (9999, '[6,5,3,8,2,9,1,11]')");
        r.crashForTests();
        EngineImpl r2 = start(dir);
        List<List<String>> after = EngineTestSupport.rows(open(r2), knn);
        assertEquals(List.of("9999", "0"), after.get(0));
        // the new row first, then the same distances and, below the last distance (whose ties may
        // be cut differently), the same rows in some order of ties: the graph changed
        List<List<String>> was = before.subList(0, 19);
        List<List<String>> now = after.subList(1, 20);
        assertEquals(was.stream().map(x -> x.get(1)).toList(), now.stream().map(x -> x.get(1)).toList());
        String last = was.get(18).get(1);
        assertEquals(sorted(was.stream().filter(x -> !x.get(1).equals(last)).toList()),
                sorted(now.stream().filter(x -> !x.get(1).equals(last)).toList()));
        r2.close();
    }
}
