package io.pgsight.sql.engine;

import io.pgsight.sql.api.EngineSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * PL/pgSQL and SQL-function scripts (test resources plpgsql/NAME.sql) through a session, printed as
 * {@code psql -X -a -q -f NAME.sql} prints them, against plpgsql/NAME.out, recorded from PostgreSQL 15 with that
 * command in a fresh database. Each script covers one area with its success and error paths; the errors' CONTEXT
 * lines (function, body line, statement) are part of what is compared.
 */
class PlpgsqlScriptsTest extends EngineTestSupport {
    @ParameterizedTest
    @ValueSource(strings = {"pl_declare", "pl_control", "pl_raise", "pl_functions", "pl_dynamic", "pl_context", "pl_procedures", "pl_results", "pl_cursors", "pl_misc", "pl_diagnostics", "pl_transactions", "pl_calls", "pl_catalog", "sql_functions"})
    void matchesPostgres(String name) throws IOException {
        String script = resource("plpgsql/" + name + ".sql");
        String expected = resource("plpgsql/" + name + ".out");
        String actual;
        try (EngineSession s = open()) {
            actual = new PsqlScriptRunner(s, name + ".sql", notices).run(script);
        }
        Path outDir = Path.of("target", "compat", "plpgsql");
        Files.createDirectories(outDir);
        Files.writeString(outDir.resolve(name + ".out"), actual);
        assertEquals(expected, actual, name + ".sql output differs from PostgreSQL's; see target/compat/plpgsql/"
                + name + ".out");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PlpgsqlScriptsTest.class.getResourceAsStream(name)) {
            assertNotNull(in, "missing test resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
