package io.pgsight.server;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the shared psql compatibility suite (compat/run.sh) against the server started in-process:
 * every script must print exactly what PostgreSQL 15 printed (the diffs of failing scripts are left in
 * target/compat-results), and the server must survive the suite.
 */
class CompatRunnerTest {
    private static final String PSQL = System.getenv().getOrDefault("PSQL", "/usr/bin/psql");

    @Test
    void compatSuite() throws Exception {
        String shared = System.getProperty("pgsight.shared");
        assumeTrue(shared != null && new File(shared, "compat/run.sh").isFile(),
                "shared corpus (compat/run.sh) not found at " + shared + ": skipping");
        assumeTrue(new File(PSQL).canExecute(), "psql not installed at " + PSQL + ": skipping");
        RealEngine.assumePresent();
        Path outDir = Path.of("target", "compat-results").toAbsolutePath();
        Files.createDirectories(outDir);
        try (PgsightServer server = PgsightServer.startForTests(0)) {
            ProcessBuilder pb = new ProcessBuilder("bash", new File(shared, "compat/run.sh").getAbsolutePath(),
                    "127.0.0.1", Integer.toString(server.port()), outDir.toString()).redirectErrorStream(true);
            pb.environment().put("PSQL", PSQL);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                fail("compat/run.sh did not finish in 10 minutes");
            }
            System.out.println("compat/run.sh (exit " + p.exitValue() + "), results in " + outDir + ":");
            System.out.print(out);

            String setupLog = Files.exists(outDir.resolve("setup.log"))
                    ? Files.readString(outDir.resolve("setup.log")) : "";
            // FATAL answers (e.g. a database the engine cannot create) are compat failures; these are not
            for (String unreachable : List.of("Connection refused", "server closed the connection unexpectedly",
                    "timeout expired")) {
                assertTrue(!setupLog.contains(unreachable) && !out.contains(unreachable),
                        "run.sh could not connect (" + unreachable + "):\n" + setupLog);
            }
            // the server must have survived the suite
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port()
                    + "/postgres?user=postgres")) {
                assertTrue(c.isValid(5), "server no longer answers after the compat suite");
            }
            String[] lines = out.strip().split("\n");
            String last = lines[lines.length - 1];
            assertTrue(last.matches("\\d+ passed, \\d+ failed"), "run.sh did not finish its report: " + last);
            System.out.println(last);
            assertTrue(p.exitValue() == 0 && last.endsWith(" 0 failed"),
                    "psql output differs from PostgreSQL 15's (diffs in " + outDir + "):\n" + out);
        }
    }
}
