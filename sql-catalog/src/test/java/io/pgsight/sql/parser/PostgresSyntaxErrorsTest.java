package io.pgsight.sql.parser;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.ast.Command;
import io.pgsight.sql.ast.Expr;
import io.pgsight.sql.ast.Statement;
import io.pgsight.sql.plpgsql.PlpgsqlParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * 2,000 statements recorded against a real PostgreSQL 15: where it reported a syntax error we must report the same
 * message at the same position; where it did not, we must parse. Function and DO bodies are checked as PostgreSQL
 * checks them at CREATE FUNCTION / DO time.
 */
class PostgresSyntaxErrorsTest {
    @Test
    void sameSyntaxErrorsAsPostgres() throws IOException {
        String text;
        try (InputStream in = PostgresSyntaxErrorsTest.class.getResourceAsStream("postgres-syntax-errors.tsv")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> failures = new ArrayList<>();
        int cases = 0;
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int t2 = line.lastIndexOf('\t');
            int t1 = line.lastIndexOf('\t', t2 - 1);
            String sql = unescape(line.substring(0, t1));
            String message = unescape(line.substring(t1 + 1, t2));
            int position = Integer.parseInt(line.substring(t2 + 1));
            cases++;
            String got = null;
            int gotPosition = 0;
            try {
                for (Statement st : SqlParser.parse(sql)) {
                    checkBody(sql, st.command());
                }
            } catch (SqlException e) {
                got = e.getMessage();
                gotPosition = e.position();
            }
            boolean ok = message.equals("OK") ? got == null : message.equals(got) && position == gotPosition;
            if (!ok) {
                failures.add(sql + "\n   postgres: " + message + " @" + position + "\n   ours:     " + got + " @"
                        + gotPosition);
            }
        }
        assertTrue(cases >= 2000, "cases: " + cases);
        if (!failures.isEmpty()) {
            fail(failures.size() + " differences:\n" + String.join("\n", failures.subList(0,
                    Math.min(20, failures.size()))));
        }
    }

    /** What PostgreSQL checks when the statement runs: the syntax of SQL and PL/pgSQL bodies. */
    private static void checkBody(String sql, Command c) {
        Expr.StringLiteral body = null;
        String language = null;
        if (c instanceof Command.DoBlock d) {
            body = d.code();
            language = d.language() == null ? "plpgsql" : d.language();
        } else if (c instanceof Command.CreateFunction f) {
            body = f.body();
            language = f.language();
        }
        if (body == null || language == null) {
            return;
        }
        int pos = SqlParser.contentPosition(sql, body, 0);
        int offset = pos < 0 ? 0 : pos - 1;
        if (language.equals("plpgsql")) {
            PlpgsqlParser.parse(body.value(), offset);
        } else if (language.equals("sql")) {
            SqlParser.parse(body.value(), offset);
        }
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
