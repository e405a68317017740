package io.pgsight.sql.engine;

import io.pgsight.sql.api.EngineSession;
import io.pgsight.sql.api.SqlException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Feeds 10,000+ mutated statements (from the compat scripts) to one session. Each must end normally
 * or with a PostgreSQL-style error; none may surface as an internal error (a Java exception turned
 * into XX000), and the session must keep working.
 */
class SqlFuzzTest extends EngineTestSupport {
    private static final String[] TOKENS = {"(", ")", ",", "'", "''", "NULL", "1", "-1", "0", "1.5e308", "'x'", "*", "+",
        "||", "::int", "::text[]", "ARRAY[", "]", "SELECT", "FROM", "WHERE", "ORDER BY 1", "LIMIT", "GROUP BY",
        "count(*)", "AND", "OR", "NOT", "IN (", "CASE WHEN", "END", "$1", "=", "<->", "[1:2]", "DISTINCT", "UNION",
        "JOIN", "ON", "book", "author", "id", "title", "2147483647", "-9223372036854775808", "'{1,2}'", "E'\\\\'"};

    @Test
    void mutatedStatementsNeverCrashTheSession() throws Exception {
        String shared = System.getProperty("pgsight.shared");
        Assumptions.assumeTrue(shared != null && Files.isDirectory(Path.of(shared, "compat")),
                "shared compat corpus not found (pgsight.shared)");
        List<String> seeds = new ArrayList<>();
        for (String f : List.of("sql_core.sql", "vector_index.sql", "img_search_tutorial.sql", "plpgsql_functions.sql")) {
            String[] parts = Files.readString(Path.of(shared, "compat", f)).split(";\\s*\n");
            for (String p : parts) {
                String st = p.replaceAll("(?m)^--.*$", "").trim();
                if (!st.isEmpty() && !st.startsWith("\\")) {
                    seeds.add(st);
                }
            }
        }
        Random rnd = new Random(20261122);
        Map<String, Integer> internal = new LinkedHashMap<>();
        int runs = 0;
        try (EngineSession s = open()) {
            run(s, "SET statement_timeout = '2s'");
            for (String st : seeds) {
                try {
                    run(s, st);
                } catch (SqlException e) {
                    record(internal, e, st);
                }
            }
            while (runs < 10_000) {
                String sql = mutate(seeds.get(rnd.nextInt(seeds.size())), rnd);
                runs++;
                try {
                    run(s, sql);
                } catch (SqlException e) {
                    record(internal, e, sql);
                }
                if (s.transactionStatus() != 'I') {
                    run(s, "ROLLBACK");
                }
            }
            assertEquals("1", one(s, "SELECT 1"));
        }
        internal.forEach((k, v) -> System.out.println("internal error x" + v + ": " + k));
        System.out.println("fuzz outcomes by SQLSTATE: " + STATES);
        assertTrue(runs >= 10_000);
        assertTrue(internal.isEmpty(), "internal errors: " + internal.keySet());
    }

    static final Map<String, Integer> STATES = new java.util.TreeMap<>();

    private static void record(Map<String, Integer> internal, SqlException e, String sql) {
        STATES.merge(e.sqlState(), 1, Integer::sum);
        if (e.sqlState().equals("XX000")) {
            String key = e.getMessage() + "  <=  " + (sql.length() > 160 ? sql.substring(0, 160) : sql);
            internal.merge(e.getMessage(), 1, Integer::sum);
            if (internal.get(e.getMessage()) == 1) {
                System.out.println("first: " + key);
            }
        }
        if (e.sqlState().length() != 5) {
            internal.merge("bad SQLSTATE " + e.sqlState(), 1, Integer::sum);
        }
    }

    private static String mutate(String s, Random rnd) {
        StringBuilder sb = new StringBuilder(s);
        int n = 1 + rnd.nextInt(3);
        for (int k = 0; k < n && sb.length() > 0; k++) {
            int pos = rnd.nextInt(sb.length());
            switch (rnd.nextInt(5)) {
                case 0 -> sb.deleteCharAt(pos);
                case 1 -> sb.insert(pos, " " + TOKENS[rnd.nextInt(TOKENS.length)] + " ");
                case 2 -> sb.setLength(Math.max(1, pos));
                case 3 -> {
                    int end = Math.min(sb.length(), pos + 1 + rnd.nextInt(12));
                    sb.replace(pos, end, TOKENS[rnd.nextInt(TOKENS.length)]);
                }
                default -> sb.insert(pos, (char) (32 + rnd.nextInt(95)));
            }
        }
        return sb.toString();
    }
}
