package io.pgsight.server.lab;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The lab image's start behaviour without Docker: docker/docker-entrypoint.sh with the environment
 * the official postgres image takes (POSTGRES_USER/PASSWORD/DB, an init folder), checked with
 * pgjdbc, psql and pg_isready.
 */
class EntrypointTest {
    private static final String USER = "lab";
    private static final String PASSWORD = "lab-secret";
    private static final String DB = "labdb";
    private static final String READY = "init process complete";

    private static Path script;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findScriptAndClients() {
        assumeTrue(EntrypointRun.onPath("bash"), "bash is not on PATH");
        assumeTrue(EntrypointRun.onPath("psql") && EntrypointRun.onPath("pg_isready"),
                "psql/pg_isready not on PATH: install postgresql-client (.ci/run does) to test the lab entrypoint");
        script = EntrypointRun.script().orElse(null);
        assumeTrue(script != null, "docker/docker-entrypoint.sh not found above " + Path.of("").toAbsolutePath());
    }

    @Test
    void firstStartInitialisesOnceAndDataPersistsAcrossRestarts() throws Exception {
        Path initDir = labInitFolder();
        Path dataDir = tmp.resolve("data");
        Path log = tmp.resolve("entrypoint.log");
        int port = EntrypointRun.freePort();
        Map<String, String> env = labEnv(port, initDir);
        env.put("PGDATA", dataDir.toString());

        try (EntrypointRun run = EntrypointRun.start(script, env, log)) {
            assertTrue(run.awaitLog(READY, 0, 120), "first start did not finish initialising:\n" + run.log());
            for (String file : List.of("01-extensions.sql", "02-schema.sql", "03-rows.sql.gz", "04-shell.sh")) {
                assertTrue(run.log().contains("/" + file), file + " not run:\n" + run.log());
            }
            assertTrue(run.log().contains("ignoring " + initDir.resolve("README.txt")), run.log());
            try (Connection c = connect(port, DB, PASSWORD)) {
                assertEquals(3L, count(c, "items"));
                assertEquals(1L, count(c, "from_shell"));
                assertEquals(dataDir.toString(), single(c, "SHOW data_directory"));
                assertExtensionsInstalled(c);
            }
            SQLException refused = assertThrows(SQLException.class, () -> connect(port, DB, "wrong").close());
            assertEquals("28P01", refused.getSQLState());
            assertEquals(0, pgIsReady(port), "pg_isready");

            List<ProcessHandle> jvm = run.children();
            assertFalse(jvm.isEmpty(), "the script started no server process");
            assertEquals(0, run.terminate(), "exit status after SIGTERM:\n" + run.log());
            jvm.forEach(h -> assertFalse(h.isAlive(), "server process " + h.pid() + " outlived the script"));
            assertTrue(run.log().contains("checkpoint written"), "clean shutdown checkpoint:\n" + run.log());
        }
        assertTrue(Files.exists(dataDir.resolve(".pgsight-initialized")));

        int from = (int) Files.size(log);
        try (EntrypointRun run = EntrypointRun.start(script, env, log)) {
            assertTrue(run.awaitLog("skipping the init folder", from, 60), run.log());
            awaitReady(run, port);
            String second = run.log().substring(from);
            assertFalse(second.contains("running "), "init folder ran again:\n" + second);
            try (Connection c = connect(port, DB, PASSWORD)) {
                assertEquals(3L, count(c, "items"));
                assertEquals(1L, count(c, "from_shell"));
                assertExtensionsInstalled(c);
            }
            assertEquals(0, run.terminate(), run.log());
        }
    }

    @Test
    void inMemoryServerRunsTheInitFolderAtEveryStartAndTakesPostgresArguments() throws Exception {
        Path initDir = labInitFolder();
        Path log = tmp.resolve("memory.log");
        int port = EntrypointRun.freePort();
        Map<String, String> env = labEnv(port, initDir);
        env.put("PGDATA", "");
        // As a compose file written for the postgres image says it: command: postgres -c ...
        try (EntrypointRun run = EntrypointRun.start(script, env, log,
                "postgres", "-c", "work_mem=64MB", "-chnsw.ef_search=100")) {
            assertTrue(run.awaitLog(READY, 0, 120), run.log());
            assertTrue(run.log().contains("runs again at the next start"), run.log());
            try (Connection c = connect(port, DB, PASSWORD)) {
                assertEquals("", single(c, "SHOW data_directory"));
                assertEquals("64MB", single(c, "SHOW work_mem"));
                assertEquals("100", single(c, "SHOW hnsw.ef_search"));
                assertEquals(3L, count(c, "items"));
            }
            assertEquals(0, run.terminate(), run.log());
        }
    }

    @Test
    void failingInitScriptStopsAtTheFirstErrorAndEndsTheServer() throws Exception {
        Path initDir = Files.createDirectories(tmp.resolve("bad-init"));
        Files.writeString(initDir.resolve("01-bad.sql"), """
                CREATE TABLE before_error (x int);
                SELECT 1/0;
                CREATE TABLE after_error (x int);
                """);
        int port = EntrypointRun.freePort();
        Map<String, String> env = labEnv(port, initDir);
        env.put("PGDATA", tmp.resolve("bad-data").toString());
        try (EntrypointRun run = EntrypointRun.start(script, env, tmp.resolve("bad.log"))) {
            assertTrue(run.awaitLog("division by zero", 0, 120), run.log());
            List<ProcessHandle> jvm = run.children();
            int status = run.awaitExit(60);
            assertTrue(status != 0, "a failed init script must fail the start:\n" + run.log());
            assertFalse(run.log().contains(READY), run.log());
            jvm.forEach(h -> assertTrue(h.onExit().orTimeout(30, TimeUnit.SECONDS).join() != null));
            assertFalse(Files.exists(tmp.resolve("bad-data/.pgsight-initialized")), "marker after a failed init");
        }
    }

    @Test
    void refusesToStartWithoutPasswordUnlessTrustIsAsked() throws Exception {
        Map<String, String> env = labEnv(EntrypointRun.freePort(), tmp);
        env.remove("POSTGRES_PASSWORD");
        try (EntrypointRun run = EntrypointRun.start(script, env, tmp.resolve("nopw.log"))) {
            assertEquals(1, run.awaitExit(30));
            assertTrue(run.log().contains("POSTGRES_PASSWORD"), run.log());
            assertTrue(run.children().isEmpty(), "no server may start");
        }
    }

    private Path labInitFolder() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("initdb.d"));
        // The lab's own init file, as the compose file mounts it.
        Files.copy(script.getParent().resolve("initdb.d/01-extensions.sql"), dir.resolve("01-extensions.sql"));
        Files.writeString(dir.resolve("02-schema.sql"), """
                CREATE TABLE items (id int PRIMARY KEY, embedding vector(3));
                INSERT INTO items VALUES (1, '[1,2,3]'), (2, '[4,5,6]');
                """);
        // Shaped like a pg_dump 15 data-only script (its header settings, COPY FROM stdin), compressed.
        String dump = """
                SET statement_timeout = 0;
                SET lock_timeout = 0;
                SET idle_in_transaction_session_timeout = 0;
                SET client_encoding = 'UTF8';
                SET standard_conforming_strings = on;
                SELECT pg_catalog.set_config('search_path', '', false);
                SET check_function_bodies = false;
                SET xmloption = content;
                SET client_min_messages = warning;
                SET row_security = off;
                SET default_tablespace = '';
                SET default_table_access_method = heap;
                COPY public.items (id, embedding) FROM stdin;
                3\t[7,8,9]
                \\.
                """;
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("03-rows.sql.gz")))) {
            out.write(dump.getBytes(StandardCharsets.UTF_8));
        }
        // Not executable, so sourced: psql finds the server and password through the exported PG* variables.
        Files.writeString(dir.resolve("04-shell.sh"), """
                psql -X -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<-'SQL'
                CREATE TABLE from_shell (x int);
                INSERT INTO from_shell VALUES (1);
                SQL
                """);
        Files.writeString(dir.resolve("README.txt"), "not an init file\n");
        return dir;
    }

    private static Map<String, String> labEnv(int port, Path initDir) {
        Map<String, String> env = new HashMap<>();
        env.put("PGPORT", Integer.toString(port));
        env.put("PGSIGHT_LISTEN", "127.0.0.1");
        env.put("POSTGRES_USER", USER);
        env.put("POSTGRES_PASSWORD", PASSWORD);
        env.put("POSTGRES_DB", DB);
        env.put("PGSIGHT_INITDB_DIR", initDir.toString());
        return env;
    }

    private static void assertExtensionsInstalled(Connection c) throws SQLException {
        for (String extension : List.of("imgsmlr", "vector", "pase")) {
            SQLException again = assertThrows(SQLException.class, () -> {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE EXTENSION " + extension);
                }
            });
            assertEquals("42710", again.getSQLState(), extension + ": " + again.getMessage());
        }
    }

    private static Connection connect(int port, String db, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + db, USER, password);
    }

    private static long count(Connection c, String table) throws SQLException {
        return Long.parseLong(single(c, "SELECT count(*) FROM " + table));
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }

    private static int pgIsReady(int port) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("pg_isready", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", USER)
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    private static void awaitReady(EntrypointRun run, int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (pgIsReady(port) != 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("server not ready after restart:\n" + run.log());
            }
            Thread.sleep(200);
        }
    }
}
