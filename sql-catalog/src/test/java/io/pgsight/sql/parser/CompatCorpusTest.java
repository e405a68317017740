package io.pgsight.sql.parser;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.ast.Statement;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every statement of every compat script parses, except those for which PostgreSQL itself reported a syntax error
 * at the SQL level: those must fail with the same message and position.
 */
class CompatCorpusTest {
    private static final Pattern SQL_ERROR = Pattern.compile("^psql:([a-z_]+)\\.sql:(\\d+): ERROR:  (.*)$");

    static Path compatDir() {
        String shared = System.getProperty("pgsight.shared");
        assumeTrue(shared != null && Files.isDirectory(Path.of(shared, "compat")),
                "shared corpus not found (pgsight.shared=" + shared + ")");
        return Path.of(shared, "compat");
    }

    @Test
    void everyCompatStatementParsesOrFailsLikePostgres() throws IOException {
        Path dir = compatDir();
        List<Path> scripts;
        try (Stream<Path> s = Files.list(dir)) {
            scripts = s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        assertTrue(scripts.size() >= 8, "expected the compat scripts");
        int parsed = 0;
        List<String> failures = new ArrayList<>();
        for (Path script : scripts) {
            String name = script.getFileName().toString().replace(".sql", "");
            List<String> expectedOut = Files.readAllLines(dir.resolve("expected").resolve(name + ".out"));
            for (PsqlScript.Sent sent : PsqlScript.split(Files.readString(script))) {
                ExpectedError expected = expectedSyntaxError(expectedOut, name, sent.line());
                try {
                    List<Statement> stmts = SqlParser.parse(sent.sql());
                    assertEquals(1, stmts.size(), sent.sql());
                    if (expected != null) {
                        failures.add(name + ":" + sent.line() + " parsed but PostgreSQL said: " + expected.message);
                    }
                    parsed++;
                } catch (SqlException e) {
                    if (expected == null) {
                        failures.add(name + ":" + sent.line() + ": " + e.getMessage() + " at " + e.position()
                                + " in: " + sent.sql());
                    } else if (!expected.message.equals(e.getMessage())) {
                        failures.add(name + ":" + sent.line() + ": got " + e.getMessage() + ", want " + expected.message);
                    } else if (expected.position > 0 && expected.position != e.position()) {
                        failures.add(name + ":" + sent.line() + ": position " + e.position() + ", want "
                                + expected.position);
                    }
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " failures:\n" + String.join("\n", failures));
        }
        assertTrue(parsed > 400, "parsed " + parsed);
    }

    private record ExpectedError(String message, int position) {
    }

    /**
     * The SQL-level syntax error PostgreSQL reported for the statement starting at {@code line}, if any
     * (PL/pgSQL body errors are excluded: they belong to the PL/pgSQL parser).
     */
    private static ExpectedError expectedSyntaxError(List<String> out, String name, int line) {
        for (int i = 0; i < out.size(); i++) {
            Matcher m = SQL_ERROR.matcher(out.get(i));
            if (!m.matches() || !m.group(1).equals(name)) {
                continue;
            }
            String msg = m.group(3);
            boolean lexical = msg.startsWith("syntax error") || msg.startsWith("unterminated")
                    || msg.startsWith("zero-length") || msg.startsWith("trailing junk");
            if (!lexical) {
                continue;
            }
            // psql reports the line where the statement ends; match statements that end on that line
            int errLine = Integer.parseInt(m.group(2));
            if (errLine != line) {
                continue;
            }
            if (out.get(i).contains("plpgsql") || isPlpgsqlBody(out, i)) {
                return null;
            }
            int position = -1;
            if (i + 2 < out.size() && out.get(i + 1).startsWith("LINE 1: ") && !out.get(i + 1).startsWith("LINE 1: ...")) {
                position = out.get(i + 2).indexOf('^') - "LINE 1: ".length() + 1;
            }
            return new ExpectedError(msg, position);
        }
        return null;
    }

    /** The DO/CREATE FUNCTION statements whose syntax errors come from PL/pgSQL. */
    private static boolean isPlpgsqlBody(List<String> out, int errorIndex) {
        String stmt = out.get(errorIndex - 1);
        return stmt.startsWith("DO ") || stmt.contains("LANGUAGE plpgsql");
    }
}
