package io.pgsight.sql.parser;

import io.pgsight.sql.api.SqlException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Random and mutated SQL: the parser either returns statements or throws {@link SqlException}, never another
 * exception, and never hangs.
 */
class ParserFuzzTest {
    private static final List<String> SEEDS = List.of(
            "SELECT a.name, count(b.id) AS books FROM author a LEFT JOIN book b ON b.author_id = a.id GROUP BY a.name "
                    + "ORDER BY books DESC, a.name LIMIT 3 OFFSET 1;",
            "SELECT id FROM docs ORDER BY embedding <-> '[0.5,0.5,0.5,0.5]' LIMIT 5;",
            "SELECT c.relname FROM pg_catalog.pg_class c WHERE c.relname OPERATOR(pg_catalog.~) '^(items)$' "
                    + "COLLATE pg_catalog.default AND pg_catalog.pg_table_is_visible(c.oid) ORDER BY 2, 3;",
            "INSERT INTO book (author_id, title, tags) VALUES (1, 'Call to Arms', ARRAY['a', 'b']) RETURNING id;",
            "CREATE TABLE t (id serial PRIMARY KEY, x int NOT NULL DEFAULT 0 CHECK (x > 0), e vector(3));",
            "CREATE INDEX ON docs USING hnsw ((embedding::halfvec(4)) halfvec_l2_ops) WITH (m = 8);",
            "create function f(a int, b text default 'x') returns setof int as $$ select 1 $$ language sql;",
            "DO $$ DECLARE i int; BEGIN FOR i IN 1..10 LOOP INSERT INTO t VALUES (i); END LOOP; END $$;",
            "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT * FROM r;",
            "SELECT CASE WHEN x BETWEEN 1 AND 2 THEN E'a\\tb' ELSE $q$c$q$ END, x IS NOT DISTINCT FROM y, "
                    + "extract(year FROM now()), substring('abc' FROM 1 FOR 2), trim(BOTH 'x' FROM 'xax');",
            "SET hnsw.ef_search = 400; SHOW ivfflat.probes; RESET ALL; BEGIN; COMMIT; ROLLBACK TO SAVEPOINT sp;",
            "COPY t (a, b) FROM STDIN WITH (FORMAT csv, HEADER, DELIMITER ',', NULL '');",
            "EXPLAIN (COSTS OFF) SELECT * FROM (SELECT 1 AS a) t WHERE a IN (SELECT 1) AND EXISTS (SELECT 2);",
            "SELECT (ARRAY[5, 6, 7])[2:3], '{1,2}'::int[] = ARRAY[1, 2], x::timestamp with time zone, -2 ^ 2;",
            "UPDATE t SET (a, b) = (1, 2), c = DEFAULT FROM u WHERE t.id = u.id RETURNING *;",
            "SELECT u.v, u.ord FROM unnest(ARRAY['x', 'y']) WITH ORDINALITY AS u(v, ord), LATERAL (SELECT 1) s;");

    private static final String[] VOCAB = {
            "SELECT", "FROM", "WHERE", "(", ")", "[", "]", ",", ";", ".", "::", "*", "+", "-", "/", "<->", "<=>",
            "||", "=", "<", ">", "AND", "OR", "NOT", "IS", "NULL", "IN", "BETWEEN", "LIKE", "CASE", "WHEN", "THEN",
            "ELSE", "END", "ARRAY", "ROW", "1", "2.5", "1e3", "'s'", "E'\\n'", "$$b$$", "$1", "x", "t", "\"Q\"",
            "GROUP", "BY", "ORDER", "LIMIT", "OFFSET", "UNION", "ALL", "DISTINCT", "ON", "JOIN", "LEFT", "AS",
            "INSERT", "INTO", "VALUES", "UPDATE", "SET", "DELETE", "CREATE", "TABLE", "INDEX", "USING", "WITH",
            "DROP", "IF", "EXISTS", "ALTER", "ADD", "COLUMN", "int", "text", "vector", "OPERATOR", "COLLATE",
            "EXPLAIN", "COPY", "DO", "FUNCTION", "RETURNS", "LANGUAGE", "DEFAULT", "PRIMARY", "KEY", "REFERENCES",
            "CHECK", "OVER", "PARTITION", "FILTER", "WITHIN", "AT", "TIME", "ZONE", "INTERVAL", "'1 day'", "TRUE",
            "--c\n", "/*x*/", "B'10'", "X'ff'", "U&'a'", "@>", "&&", "~", "!", "%", "^", ":=", "=>", "..", "$"};

    @Test
    void neverCrashesNorHangs() throws IOException {
        List<String> seeds = new ArrayList<>(SEEDS);
        seeds.addAll(corpusStatements());
        Random random = new Random(20241122L);
        List<String> failures = new ArrayList<>();
        int[] count = {0};
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            for (int i = 0; i < 6000; i++) {
                check(mutate(seeds.get(random.nextInt(seeds.size())), random), failures);
                count[0]++;
            }
            for (int i = 0; i < 5000; i++) {
                check(tokenSoup(random), failures);
                count[0]++;
            }
        });
        if (count[0] < 10000) {
            fail("only " + count[0] + " inputs");
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " crashes, first ones:\n" + String.join("\n", failures.subList(0,
                    Math.min(10, failures.size()))));
        }
    }

    private static void check(String sql, List<String> failures) {
        try {
            SqlParser.parse(sql);
        } catch (SqlException e) {
            if (e.getMessage() == null || e.getMessage().isEmpty()) {
                failures.add("empty message for: " + sql);
            }
        } catch (RuntimeException | StackOverflowError e) {
            StringBuilder where = new StringBuilder();
            for (StackTraceElement el : e.getStackTrace()) {
                if (el.getClassName().startsWith("io.pgsight")) {
                    where.append(el).append(" <- ");
                    if (where.length() > 300) {
                        break;
                    }
                }
            }
            failures.add(e + " at " + where + " for: " + sql);
        }
    }

    private static String mutate(String seed, Random r) {
        StringBuilder sb = new StringBuilder(seed);
        int edits = 1 + r.nextInt(4);
        for (int k = 0; k < edits && sb.length() > 0; k++) {
            int pos = r.nextInt(sb.length());
            switch (r.nextInt(6)) {
                case 0 -> sb.delete(pos, Math.min(sb.length(), pos + 1 + r.nextInt(8)));
                case 1 -> sb.insert(pos, VOCAB[r.nextInt(VOCAB.length)]);
                case 2 -> sb.insert(pos, " " + VOCAB[r.nextInt(VOCAB.length)] + " ");
                case 3 -> sb.setLength(pos);
                case 4 -> {
                    int len = Math.min(sb.length() - pos, 1 + r.nextInt(20));
                    sb.insert(pos, sb.substring(pos, pos + len));
                }
                default -> sb.setCharAt(pos, (char) (32 + r.nextInt(95)));
            }
        }
        return sb.toString();
    }

    private static String tokenSoup(Random r) {
        int n = 1 + r.nextInt(30);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(VOCAB[r.nextInt(VOCAB.length)]);
            sb.append(r.nextInt(5) == 0 ? "" : " ");
        }
        return sb.toString();
    }

    private static List<String> corpusStatements() throws IOException {
        String shared = System.getProperty("pgsight.shared");
        if (shared == null || !Files.isDirectory(Path.of(shared, "compat"))) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of(shared, "compat"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                for (PsqlScript.Sent sent : PsqlScript.split(Files.readString(p))) {
                    out.add(sent.sql());
                }
            }
        }
        return out;
    }
}
