package io.pgsight.sql.engine;

import io.pgsight.sql.api.EngineConfig;
import io.pgsight.sql.api.EngineSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Restarts of an engine on a data directory: "crash" = abandoning the engine without close (what
 * reached the log is all that survives), "clean" = close (final checkpoint). Queries must answer the
 * same before and after.
 */
class DurableRestartTest {
    private static final List<String> PROBES = List.of(
            "SELECT * FROM t ORDER BY id",
            "SELECT * FROM t2 ORDER BY 1",
            "SELECT * FROM renamed ORDER BY 1",
            "SELECT * FROM v ORDER BY 1",
            "SELECT nextval('seq')",
            "SELECT plus1(41)",
            "SELECT count(*) FROM truncated",
            "SELECT * FROM s.st");

    private static EngineImpl start(Path dir) {
        return new EngineImpl(new EngineConfig(Map.of(), dir.toString()));
    }

    private static EngineSession open(EngineImpl e, String db) {
        return e.openSession("postgres", db, Map.of(), null);
    }

    private static List<List<String>> rows(EngineSession s, String sql) {
        return EngineTestSupport.rows(s, sql);
    }

    private static List<List<List<String>>> probe(EngineImpl e) {
        EngineSession s = open(e, "postgres");
        List<List<List<String>>> out = new ArrayList<>();
        for (String p : PROBES) {
            out.add(rows(s, p));
        }
        s.close();
        return out;
    }

    private static void exec(EngineSession s, String... sql) {
        for (String q : sql) {
            EngineTestSupport.run(s, q);
        }
    }

    @Test
    void catalogRowsAndSequencesSurviveCrashAndCleanRestarts(@TempDir Path dir) {
        EngineImpl e = start(dir);
        EngineSession s = open(e, "postgres");
        exec(s, "CREATE SCHEMA s", "CREATE TABLE s.st (x text)", "INSERT INTO s.st VALUES ('in schema s')",
                "CREATE TABLE t (id serial PRIMARY KEY, note text NOT NULL, n numeric, f float8, ts timestamptz, "
                        + "b bytea, a int[], gone int, CHECK (id > 0))",
                "INSERT INTO t (note, n, f, ts, b, a, gone) VALUES ('one', 1.50, 0.1, '2024-01-02 03:04:05.678901+00', "
                        + "'\\x00ff', '{1,NULL,3}', 9), ('two', NULL, 1e300, NULL, NULL, NULL, 8), ('three', -0, 'NaN', "
                        + "'infinity', '\\x', '{}', 7)",
                "UPDATE t SET note = 'TWO' WHERE id = 2",
                "DELETE FROM t WHERE id = 3",
                "ALTER TABLE t ADD COLUMN extra int DEFAULT 42",
                "ALTER TABLE t DROP COLUMN gone",
                "COMMENT ON TABLE t IS 'kept'",
                "CREATE TABLE t2 AS SELECT id, note FROM t",
                "CREATE TABLE r (x int)", "INSERT INTO r VALUES (1), (2)", "ALTER TABLE r RENAME TO renamed",
                "CREATE VIEW v AS SELECT x * 10 AS y FROM renamed",
                "CREATE SEQUENCE seq START 100", "SELECT nextval('seq')", "SELECT nextval('seq')",
                "CREATE FUNCTION plus1(int) RETURNS int LANGUAGE sql AS 'SELECT $1 + 1'",
                "CREATE TABLE truncated (x int)", "INSERT INTO truncated VALUES (1)", "TRUNCATE truncated",
                "CREATE TEMP TABLE scratch (x int)",
                "BEGIN", "INSERT INTO t (note) VALUES ('rolled back')", "ROLLBACK",
                "BEGIN", "INSERT INTO t (note) VALUES ('kept in txn')", "SAVEPOINT a",
                "INSERT INTO t (note) VALUES ('savepoint rolled back')", "ROLLBACK TO a", "COMMIT",
                "BEGIN", "INSERT INTO t (note) VALUES ('failed txn')");
        EngineTestSupport.error(s, "SELECT 1/0");
        exec(s, "COMMIT");
        exec(s, "CREATE DATABASE other");
        EngineSession o = open(e, "other");
        exec(o, "CREATE TABLE ot (k text PRIMARY KEY)", "INSERT INTO ot VALUES ('in other')");
        o.close();
        List<List<List<String>>> before = probe(e);
        // the probe's nextval moved the sequence. As in PostgreSQL, nextval logs a state 32 values ahead
        // (at 100: 132) and writes again only after those: after a crash the sequence resumes past them
        e.crashForTests();
        EngineImpl crashed = start(dir);
        List<List<List<String>>> after = probe(crashed);
        assertEquals(before.subList(0, 4), after.subList(0, 4));
        assertEquals(List.of(List.of("102")), before.get(4));
        assertEquals(List.of(List.of("133")), after.get(4));
        assertEquals(before.subList(5, 8), after.subList(5, 8));
        EngineSession c = open(crashed, "postgres");
        assertEquals(List.of(Arrays.asList("1", "one", "1.50", "0.1", "2024-01-02 03:04:05.678901+00", "\\x00ff", "{1,NULL,3}", "42"),
                Arrays.asList("2", "TWO", null, "1e+300", null, null, null, "42"),
                Arrays.asList("5", "kept in txn", null, null, null, null, null, "42")), rows(c, "SELECT * FROM t ORDER BY id"));
        assertEquals("kept", crashed.database("postgres").catalog().comment("TABLE:t"));
        EngineTestSupport.assertError(c, "SELECT * FROM scratch", "42P01", "relation \"scratch\" does not exist");
        EngineSession o2 = open(crashed, "other");
        assertEquals(List.of(List.of("in other")), rows(o2, "SELECT * FROM ot"));
        o2.close();
        exec(c, "INSERT INTO t (note) VALUES ('after crash')");
        c.close();
        crashed.close(); // clean: checkpoint

        EngineImpl clean = start(dir);
        EngineSession d = open(clean, "postgres");
        // ids 4, 6 and 7 went to rolled-back rows: nextval is not transactional; the crash skipped to 34
        // (the log held t_id_seq at 33, 32 values past its first nextval, as PostgreSQL's would)
        assertEquals(List.of(List.of("34", "after crash")), rows(d, "SELECT id, note FROM t WHERE id > 5"));
        // a clean shutdown's checkpoint holds the exact value: no gap
        assertEquals(List.of(List.of("134")), rows(d, "SELECT nextval('seq')"));
        exec(d, "INSERT INTO t (note) VALUES ('tail after checkpoint')", "DELETE FROM t WHERE id = 1");
        clean.crashForTests(); // crash after a checkpoint: checkpoint + tail
        EngineImpl again = start(dir);
        EngineSession g = open(again, "postgres");
        assertEquals(List.of(List.of("2"), List.of("5"), List.of("34"), List.of("35")), rows(g, "SELECT id FROM t ORDER BY id"));
        // 134 was the first nextval after the checkpoint: it logged 166
        assertEquals(List.of(List.of("167")), rows(g, "SELECT nextval('seq')"));
        EngineTestSupport.assertError(g, "INSERT INTO t (id, note) VALUES (2, 'dup')", "23505",
                "duplicate key value violates unique constraint \"t_pkey\"");
        again.close();
    }

    @Test
    void sequencesAreLoggedEvery32ValuesAndNeverRepeatAfterACrash(@TempDir Path dir) {
        EngineImpl e = start(dir);
        EngineSession s = open(e, "postgres");
        exec(s, "CREATE TABLE serials (id serial PRIMARY KEY, n int)",
                "INSERT INTO serials (n) SELECT g FROM generate_series(1, 40) g", "CREATE SEQUENCE small MAXVALUE 10");
        for (int i = 0; i < 8; i++) {
            rows(s, "SELECT nextval('small')");
        }
        e.crashForTests();
        EngineImpl crashed = start(dir);
        EngineSession c = open(crashed, "postgres");
        // records at 1 (state 33) and at 34 (state 66), none for the values between: PostgreSQL's numbers
        assertEquals(List.of(List.of("67")), rows(c, "SELECT nextval('serials_id_seq')"));
        exec(c, "INSERT INTO serials (n) VALUES (41)");
        assertEquals(List.of(List.of("41", "68")), rows(c, "SELECT count(*), max(id) FROM serials"));
        // ahead of a non-cycling sequence's end the logged state stops at its maximum (8 values were used)
        EngineTestSupport.assertError(c, "SELECT nextval('small')", "2200H",
                "nextval: reached maximum value of sequence \"small\" (10)");
        exec(c, "SELECT setval('serials_id_seq', 500)");
        c.close();
        crashed.crashForTests();
        EngineImpl again = start(dir);
        EngineSession g = open(again, "postgres");
        // setval is logged as it is, and the next nextval logs afresh
        assertEquals(List.of(List.of("501")), rows(g, "SELECT nextval('serials_id_seq')"));
        again.close();
    }

    @Test
    void tornLogTailIsCutAndWritingContinues(@TempDir Path dir) throws Exception {
        EngineImpl e = start(dir);
        EngineSession s = open(e, "postgres");
        exec(s, "CREATE TABLE k (x int)", "INSERT INTO k VALUES (1)", "INSERT INTO k VALUES (2)");
        Path wal = dir.resolve("pgsight.wal");
        e.crashForTests();
        long size = Files.size(wal);
        // half a frame, as a crash in the middle of a write leaves
        Files.write(wal, new byte[] {0, 0, 0, 50, 1, 2, 3, 4, 5, 6}, StandardOpenOption.APPEND);
        EngineImpl r = start(dir);
        assertEquals(size, Files.size(wal));
        EngineSession t = open(r, "postgres");
        exec(t, "INSERT INTO k VALUES (3)");
        r.crashForTests();
        EngineImpl r2 = start(dir);
        assertEquals(List.of(List.of("1"), List.of("2"), List.of("3")), rows(open(r2, "postgres"), "SELECT x FROM k ORDER BY x"));
        r2.close();
    }

    @Test
    void aSecondServerOnTheSameDirectoryIsRefused(@TempDir Path dir) {
        EngineImpl e = start(dir);
        IllegalStateException x = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> start(dir));
        assertTrue(x.getMessage().contains("in use by another pgsight server"), x.getMessage());
        e.close();
        start(dir).close();
    }

    @Test
    void synchronousCommitOffStillLogsAndDataDirectoryIsShown(@TempDir Path dir) {
        EngineImpl e = start(dir);
        EngineSession s = open(e, "postgres");
        assertEquals(dir.toAbsolutePath().normalize().toString(), EngineTestSupport.one(s, "SHOW data_directory"));
        assertEquals(dir.toAbsolutePath().normalize().toString(),
                EngineTestSupport.one(s, "SELECT current_setting('data_directory')"));
        exec(s, "SET synchronous_commit = off", "CREATE TABLE q (x int)", "INSERT INTO q VALUES (7)");
        e.crashForTests(); // the OS still has the unsynced write, as after a kill -9 (not a power loss)
        EngineImpl r = start(dir);
        assertEquals("7", EngineTestSupport.one(open(r, "postgres"), "SELECT x FROM q"));
        r.close();
        EngineImpl memory = new EngineImpl(EngineConfig.inMemory());
        assertEquals("", EngineTestSupport.one(open(memory, "postgres"), "SHOW data_directory"));
        memory.close();
    }

    @Test
    void extensionIndexesAreRebuiltAndUsedAfterRestart(@TempDir Path dir) {
        EngineImpl e = start(dir);
        EngineSession s = open(e, "postgres");
        exec(s, "CREATE EXTENSION pase", "CREATE TABLE pv (id int PRIMARY KEY, e float4[])");
        StringBuilder insert = new StringBuilder("INSERT INTO pv VALUES ");
        for (int i = 0; i < 200; i++) {
            StringBuilder v = new StringBuilder();
            for (int d = 0; d < 8; d++) {
                v.append(d == 0 ? "" : ",").append((i * 7 + d * 13) % 17);
            }
            insert.append(i == 0 ? "" : ", ").append("(").append(i).append(", '{").append(v).append("}')");
        }
        exec(s, insert.toString(), "CREATE INDEX pvh ON pv USING pase_hnsw (e) WITH (dim = 8, base_nb_num = 16, "
                + "ef_build = 40, ef_search = 200, base64_encoded = 0)",
                "CREATE INDEX pvi ON pv USING pase_ivfflat (e) WITH (clustering_type = 1, distance_type = 0, dimension = 8, "
                        + "clustering_params = \"100,20\")");
        String knn = "SELECT id FROM pv ORDER BY e <?> '1,2,3,4,5,6,7,8:200:0'::pase LIMIT 5";
        String ivf = "SELECT id, e <#> '1,2,3,4,5,6,7,8:0:0'::pase FROM pv ORDER BY e <#> '1,2,3,4,5,6,7,8:0:0'::pase LIMIT 5";
        List<List<String>> expected = rows(s, knn);
        List<List<String>> expectedIvf = rows(s, ivf);
        for (boolean clean : new boolean[] {false, true}) {
            if (clean) {
                e.close();
            } else {
                e.crashForTests();
            }
            EngineImpl r = start(dir);
            EngineSession t = open(r, "postgres");
            String plan = String.join("\n", rows(t, "EXPLAIN (COSTS OFF) " + knn).stream().map(x -> x.get(0)).toList());
            assertTrue(plan.contains("Index Scan using pvh"), plan);
            assertEquals(expected.size(), rows(t, knn).size());
            assertEquals(expectedIvf, rows(t, ivf));
            assertEquals(200, Integer.parseInt(EngineTestSupport.one(t, "SELECT count(*) FROM pv")));
            e = r;
        }
        e.close();
    }
}
