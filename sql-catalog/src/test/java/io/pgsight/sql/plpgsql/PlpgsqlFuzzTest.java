package io.pgsight.sql.plpgsql;

import io.pgsight.sql.api.SqlException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

/** Mutated PL/pgSQL bodies: the parser returns a block or throws SqlException, nothing else, and never hangs. */
class PlpgsqlFuzzTest {
    private static final List<String> SEEDS = List.of(
            "\ndeclare\n  i int;\nbegin\n  for i in 1..50 loop\n    insert into t (a) values (i % 4);\n  end loop;\nend;\n",
            "\nDECLARE\n  n integer := 0;\n  r record;\nBEGIN\n  FOR r IN SELECT grp, count(*) AS c FROM t GROUP BY grp LOOP\n"
                    + "    RAISE NOTICE 'group % has % rows', r.grp, r.c;\n  END LOOP;\n  WHILE n < 3 LOOP\n"
                    + "    n := n + 1;\n  END LOOP;\n  IF n > 100 THEN\n    RAISE NOTICE 'big';\n  ELSIF n = 50 THEN\n"
                    + "    RETURN;\n  ELSE\n    RAISE NOTICE 'small: %', n;\n  END IF;\nEND\n",
            " BEGIN BEGIN PERFORM 1 / 0; EXCEPTION WHEN division_by_zero OR SQLSTATE '22023' THEN "
                    + "RAISE NOTICE 'caught: % (%)', SQLERRM, SQLSTATE; END; END ",
            "\n<<outer>>\nDECLARE\n  a int[] := '{1,2}';\n  x vec.embedding%TYPE;\nBEGIN\n  FOREACH v IN ARRAY a LOOP\n"
                    + "    CONTINUE WHEN v = 1;\n    EXECUTE format('SELECT %s', v) INTO x USING v;\n  END LOOP;\n"
                    + "  CASE a[1] WHEN 1, 2 THEN NULL; ELSE RETURN NEXT 1; END CASE;\n"
                    + "  GET DIAGNOSTICS n = ROW_COUNT;\n  SELECT 1 INTO STRICT n FROM t;\n  RETURN QUERY SELECT 1;\n"
                    + "END outer;\n");

    private static final String[] VOCAB = {"BEGIN", "END", "IF", "THEN", "ELSE", "ELSIF", "LOOP", "FOR", "IN", "..",
            ";", ":=", "(", ")", "RAISE", "NOTICE", "'%'", ",", "RETURN", "NEXT", "QUERY", "EXECUTE", "INTO", "USING",
            "DECLARE", "int", "x", "1", "<<l>>", "EXIT", "WHEN", "CASE", "PERFORM", "SELECT", "FROM", "EXCEPTION",
            "GET", "DIAGNOSTICS", "=", "$$", "'", "\""};

    @Test
    void neverCrashesNorHangs() {
        for (String seed : SEEDS) {
            PlpgsqlParser.parse(seed, 0);
        }
        Random random = new Random(42);
        List<String> failures = new ArrayList<>();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 5000; i++) {
                String body = mutate(SEEDS.get(random.nextInt(SEEDS.size())), random);
                try {
                    PlpgsqlParser.parse(body, 10);
                } catch (SqlException e) {
                    // expected for most mutations
                } catch (RuntimeException e) {
                    failures.add(e + " for: " + body);
                }
            }
        });
        if (!failures.isEmpty()) {
            fail(failures.size() + " crashes, first: " + failures.get(0));
        }
    }

    private static String mutate(String seed, Random r) {
        StringBuilder sb = new StringBuilder(seed);
        int edits = 1 + r.nextInt(3);
        for (int k = 0; k < edits && sb.length() > 0; k++) {
            int pos = r.nextInt(sb.length());
            switch (r.nextInt(4)) {
                case 0 -> sb.delete(pos, Math.min(sb.length(), pos + 1 + r.nextInt(10)));
                case 1 -> sb.insert(pos, " " + VOCAB[r.nextInt(VOCAB.length)] + " ");
                case 2 -> sb.setLength(pos);
                default -> sb.setCharAt(pos, (char) (32 + r.nextInt(95)));
            }
        }
        return sb.toString();
    }
}
