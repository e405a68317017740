package io.pgsight.sql.engine;

import io.pgsight.sql.api.EngineConfig;
import io.pgsight.sql.api.EngineSession;
import io.pgsight.sql.api.NoticeListener;
import io.pgsight.sql.api.SqlException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;


/**
 * Runs the compat corpus's sql_core.sql through an engine session, prints like psql -a -q, and
 * compares with the reference output line by line. Writes the actual output and a diff summary to
 * target/compat/ for inspection.
 */
class SqlCoreCompatTest {
    @Test
    void sqlCoreMatchesReference() throws Exception {
        String shared = System.getProperty("pgsight.shared");
        Assumptions.assumeTrue(shared != null && Files.isDirectory(Path.of(shared, "compat")),
                "shared compat corpus not found (pgsight.shared)");
        Path dir = Path.of(shared, "compat");
        String script = Files.readString(dir.resolve("sql_core.sql"));
        String expected = Files.readString(dir.resolve("expected/sql_core.out"));
        EngineImpl engine = new EngineImpl(EngineConfig.inMemory());
        List<SqlException> notices = new ArrayList<>();
        NoticeListener l = notices::add;
        try (EngineSession admin = engine.openSession("postgres", "postgres", Map.of(), l)) {
            admin.execute("CREATE DATABASE compat_sql_core TEMPLATE template0", new CollectingSink());
        }
        String actual;
        try (EngineSession s = engine.openSession("postgres", "compat_sql_core", Map.of(), l)) {
            actual = new PsqlScriptRunner(s, "sql_core.sql", notices).run(script);
        }
        Path outDir = Path.of("target", "compat");
        Files.createDirectories(outDir);
        Files.writeString(outDir.resolve("sql_core.out"), actual);
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        int same = 0;
        java.util.Set<String> actualLines = new java.util.HashSet<>(List.of(a));
        for (String line : e) {
            if (actualLines.contains(line)) {
                same++;
            }
        }
        double ratio = (double) same / e.length;
        System.out.printf("sql_core: %d of %d expected lines present (%.1f%%)%n", same, e.length, ratio * 100);
        org.junit.jupiter.api.Assertions.assertEquals(expected, actual,
                "sql_core output differs from the reference; see target/compat/sql_core.out");
    }
}
