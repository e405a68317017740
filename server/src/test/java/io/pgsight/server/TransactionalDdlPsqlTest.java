package io.pgsight.server;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * psql runs psql/transactional_ddl.sql (DROP, TRUNCATE, ALTER TABLE, DROP SCHEMA ... CASCADE and a PL/pgSQL
 * exception block inside transactions that roll back, partly or wholly) and must print what PostgreSQL 15
 * printed for it (psql/transactional_ddl.out, recorded with the same psql flags as the compat suite).
 */
class TransactionalDdlPsqlTest {
    private static final String PSQL = System.getenv().getOrDefault("PSQL", "/usr/bin/psql");

    @Test
    void psqlPrintsWhatPostgresPrinted() throws Exception {
        assumeTrue(new File(PSQL).canExecute(), "psql not installed at " + PSQL + ": skipping");
        RealEngine.assumePresent();
        Path dir = Path.of(TransactionalDdlPsqlTest.class.getResource("/psql/transactional_ddl.sql").toURI()).getParent();
        String expected = Files.readString(dir.resolve("transactional_ddl.out"));
        try (PgsightServer server = PgsightServer.startForTests(0)) {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port()
                    + "/postgres?user=postgres")) {
                c.createStatement().execute("CREATE DATABASE txddl_psql");
            }
            ProcessBuilder pb = new ProcessBuilder(PSQL, "-X", "-a", "-q", "-h", "127.0.0.1", "-p",
                    Integer.toString(server.port()), "-U", "postgres", "-d", "txddl_psql", "-v", "ON_ERROR_STOP=0",
                    "-f", "transactional_ddl.sql").directory(dir.toFile()).redirectErrorStream(true);
            pb.environment().put("LC_ALL", "C");
            for (String v : new String[] {"PGOPTIONS", "PGPASSWORD", "PGSERVICE", "PGSERVICEFILE", "PGAPPNAME", "PSQLRC"}) {
                pb.environment().remove(v);
            }
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "psql did not finish");
            assertEquals(expected, out);
        }
    }
}
