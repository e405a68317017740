package io.pgsight.server;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * pgbench (Debian: postgresql-15 ships /usr/lib/postgresql/15/bin/pgbench) runs a custom script of
 * HNSW KNN selects with {@code \set} random ids from several clients, without vacuum (-n), in the
 * simple and prepared query modes. A compatibility check, not a benchmark: it asserts no failed
 * transactions and only prints the TPS pgbench reports.
 */
class PgbenchKnnTest {
    private static String pgbench() {
        for (String p : List.of("pgbench", "/usr/lib/postgresql/15/bin/pgbench")) {
            if (ExternalCommand.works(List.of(p, "--version"), Map.of())) {
                return p;
            }
        }
        return null;
    }

    @Test
    void knnScriptRunsWithoutFailedTransactions() throws Exception {
        String pgbench = pgbench();
        assumeTrue(pgbench != null, "pgbench not found (Debian package postgresql-15): skipping");
        try (ClientDatabase db = ClientDatabase.start("pgbench_knn")) {
            Path setup = ExternalCommand.resource("/pgbench/setup.sql");
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                for (String sql : Files.readString(setup).split(";\n")) {
                    if (!sql.isBlank()) {
                        st.execute(sql);
                    }
                }
            }
            Files.deleteIfExists(setup);
            Path script = ExternalCommand.resource("/pgbench/knn.sql");
            for (String mode : List.of("simple", "prepared")) {
                ExternalCommand r = ExternalCommand.run(List.of(pgbench, "-h", "127.0.0.1", "-p",
                        Integer.toString(db.port()), "-U", "postgres", "-n", "-M", mode, "-f", script.toString(), "-c", "4",
                        "-j", "2", "-T", "2", db.database), Map.of(), null, 60);
                assertEquals(0, r.exitCode(), r.output());
                assertTrue(r.output().contains("number of failed transactions: 0 (0.000%)"), r.output());
                Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(r.output());
                assertTrue(tps.find(), r.output());
                System.out.println("pgbench KNN (-M " + mode + ", 4 clients, 2 threads, 2 s): tps = " + tps.group(1));
            }
            Files.deleteIfExists(script);
        }
    }
}
