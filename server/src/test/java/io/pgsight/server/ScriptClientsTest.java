package io.pgsight.server;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * psycopg2 (Debian package python3-psycopg2) and node-postgres (npm package pg) against the
 * in-process server: connect, insert image bytes and vectors as parameters, KNN query. Each test
 * skips, saying why, only when its client cannot be found.
 */
class ScriptClientsTest {
    private static Path image() throws Exception {
        String shared = System.getProperty("pgsight.shared");
        assumeTrue(shared != null, "pgsight.shared is not set");
        Path p = Path.of(shared, "compat", "data", "1.jpg");
        assumeTrue(Files.isRegularFile(p), "no shared image " + p);
        return p;
    }

    /** The first python3 that can import psycopg2 (the Debian package installs into /usr/bin/python3's path). */
    private static String pythonWithPsycopg2() {
        for (String py : List.of("python3", "/usr/bin/python3")) {
            if (ExternalCommand.works(List.of(py, "-c", "import psycopg2"), Map.of())) {
                return py;
            }
        }
        return null;
    }

    @Test
    void psycopg2InsertsBytesAndVectorsAndRunsKnn() throws Exception {
        Path image = image();
        String python = pythonWithPsycopg2();
        assumeTrue(python != null, "psycopg2 not found (install the Debian package python3-psycopg2): skipping");
        try (ClientDatabase db = ClientDatabase.start("psycopg2_client")) {
            Path script = ExternalCommand.resource("/clients/psycopg2_knn.py");
            ExternalCommand r = ExternalCommand.run(List.of(python, script.toString(), "127.0.0.1",
                    Integer.toString(db.port()), db.database, image.toString()), Map.of(), null, 120);
            Files.deleteIfExists(script);
            assertEquals(0, r.exitCode(), r.output());
            assertEquals("knn 1 0.0\nknn 3 1.0\nimage " + Files.size(image) + " True\n", r.output());
        }
    }

    /**
     * node's {@code pg} module: taken from NODE_PATH when it is there, else installed with npm into a
     * reusable temporary folder (pgsight-node-pg); skipped when neither works.
     */
    private static Path nodeModulesWithPg() throws Exception {
        if (!ExternalCommand.works(List.of("node", "--version"), Map.of())) {
            return null;
        }
        String nodePath = System.getenv("NODE_PATH");
        if (nodePath != null && ExternalCommand.works(List.of("node", "-e", "require('pg')"), Map.of("NODE_PATH", nodePath))) {
            return Path.of(nodePath);
        }
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "pgsight-node-pg");
        Path modules = dir.resolve("node_modules");
        Map<String, String> env = Map.of("NODE_PATH", modules.toString());
        if (ExternalCommand.works(List.of("node", "-e", "require('pg')"), env)) {
            return modules;
        }
        Files.createDirectories(dir);
        ExternalCommand install = ExternalCommand.run(List.of("npm", "install", "--no-audit", "--no-fund", "--silent",
                "--prefix", dir.toString(), "pg"), Map.of(), dir, 180);
        return install.exitCode() == 0 && ExternalCommand.works(List.of("node", "-e", "require('pg')"), env) ? modules : null;
    }

    @Test
    void nodePostgresInsertsBytesAndVectorsAndRunsKnn() throws Exception {
        Path image = image();
        Path modules = nodeModulesWithPg();
        assumeTrue(modules != null, "node or its pg module not found (install node and `npm install pg`, or set NODE_PATH): skipping");
        try (ClientDatabase db = ClientDatabase.start("node_pg_client")) {
            Path script = ExternalCommand.resource("/clients/node_pg_knn.js");
            ExternalCommand r = ExternalCommand.run(List.of("node", script.toString(), "127.0.0.1",
                    Integer.toString(db.port()), db.database, image.toString()), Map.of("NODE_PATH", modules.toString()),
                    null, 120);
            Files.deleteIfExists(script);
            assertEquals(0, r.exitCode(), r.output());
            assertEquals("knn 1 0\nknn 3 1\nimage " + Files.size(image) + " True\n", r.output());
        }
    }
}
