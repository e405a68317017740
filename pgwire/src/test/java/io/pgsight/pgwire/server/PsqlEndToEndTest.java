package io.pgsight.pgwire.server;

import io.pgsight.pgwire.testing.RunningTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The real psql binary (sslmode=prefer, so it starts with SSLRequest) against the scripted backend. */
class PsqlEndToEndTest {
    private static final String PSQL = System.getenv().getOrDefault("PSQL", "/usr/bin/psql");
    private static RunningTestServer server;

    @BeforeAll
    static void start() {
        assumeTrue(new File(PSQL).canExecute(), "psql not installed at " + PSQL + ": skipping psql tests");
        server = new RunningTestServer();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private record Result(int exitCode, String output) {
    }

    private ProcessBuilder psql(String... args) {
        List<String> cmd = new ArrayList<>(List.of(PSQL, "-X", "-h", "127.0.0.1", "-p",
                Integer.toString(server.port()), "-U", "postgres", "-d", "postgres"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("LC_ALL", "C.UTF-8");
        pb.environment().put("PGCONNECT_TIMEOUT", "10");
        pb.environment().remove("PGSSLMODE");
        pb.environment().remove("PGPASSWORD");
        return pb;
    }

    private Result run(ProcessBuilder pb, String stdin) throws IOException, InterruptedException {
        Process p = pb.start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "psql did not finish");
        return new Result(p.exitValue(), out);
    }

    @Test
    void selectOne() throws Exception {
        Result r = run(psql("-c", "SELECT 1"), "");
        assertEquals(0, r.exitCode(), r.output());
        assertEquals(" ?column? \n----------\n        1\n(1 row)\n\n", r.output());
    }

    @Test
    void errorWithCaret() throws Exception {
        Result r = run(psql("-c", "SELEC 1"), "");
        assertEquals(1, r.exitCode());
        assertEquals("ERROR:  syntax error at or near \"SELEC\"\nLINE 1: SELEC 1\n        ^\n", r.output());
    }

    @Test
    void copyFromFileTextAndCsv(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("names.txt");
        Files.writeString(text, "psql-a\npsql-b\npsql-c\n");
        Path csv = dir.resolve("names.csv");
        Files.writeString(csv, "\"psql-\"\"q\"\"\"\npsql-d\n");
        Result r = run(psql("-c", "\\copy items (name) from '" + text + "'"), "");
        assertEquals("COPY 3\n", r.output());
        r = run(psql("-c", "\\copy items (name) from '" + csv + "' with (format csv)"), "");
        assertEquals("COPY 2\n", r.output());
        assertTrue(server.backend.itemNames().containsAll(List.of("psql-a", "psql-c", "psql-\"q\"", "psql-d")));
    }

    @Test
    void scriptAndQuitCleanly() throws Exception {
        awaitSessions(0); // sessions of earlier psql runs end shortly after those processes exit
        Result r = run(psql("-q"), "SELECT 1;\nBEGIN;\nSELECT 1/0;\nROLLBACK;\n\\q\n");
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("ERROR:  division by zero"), r.output());
        awaitSessions(0);
        assertEquals(0, server.backend.openSessions.get(), "session closed after \\q");
    }

    private static void awaitSessions(int n) throws InterruptedException {
        for (int i = 0; i < 250 && server.backend.openSessions.get() != n; i++) {
            Thread.sleep(20);
        }
    }

    @Test
    void controlCCancels() throws Exception {
        Process p = psql("-c", "SELECT pg_sleep(30)").start();
        Thread.sleep(1500);
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start();
        assertEquals(0, kill.waitFor());
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "psql did not return after Ctrl-C");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(out.contains("ERROR:  canceling statement due to user request"), out);
    }
}
