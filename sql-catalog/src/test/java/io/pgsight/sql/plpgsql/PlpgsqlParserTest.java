package io.pgsight.sql.plpgsql;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.ast.Command;
import io.pgsight.sql.ast.Expr;
import io.pgsight.sql.ast.Statement;
import io.pgsight.sql.parser.SqlParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class PlpgsqlParserTest {
    /** Parses the PL/pgSQL body of a DO or CREATE FUNCTION statement with positions in {@code sql}. */
    static PlStatement.Block body(String sql) {
        Statement st = SqlParser.parse(sql).get(0);
        Expr.StringLiteral code;
        if (st.command() instanceof Command.DoBlock d) {
            code = d.code();
        } else {
            code = ((Command.CreateFunction) st.command()).body();
        }
        int pos = SqlParser.contentPosition(sql, code, 0);
        return PlpgsqlParser.parse(code.value(), pos - 1);
    }

    @Test
    void doBlockWithLoop() {
        PlStatement.Block b = body("DO $$\ndeclare\n  i int;\nbegin\n  for i in 1..50 loop\n    insert into vec_test "
                + "(grp, embedding) values (i % 4, gen_float4_arr(1, 8)::vector);\n  end loop;\nend;\n$$ language plpgsql;");
        assertEquals(1, b.declarations().size());
        assertEquals("i", b.declarations().get(0).name());
        assertEquals("int4", b.declarations().get(0).type().type().name());
        PlStatement.ForInteger loop = (PlStatement.ForInteger) b.body().get(0);
        assertEquals("1", loop.lower().text());
        assertEquals("50", loop.upper().text());
        assertEquals(5, loop.line());
        PlStatement.ExecSql ins = (PlStatement.ExecSql) loop.body().get(0);
        assertEquals("INSERT", ins.command());
        assertEquals(6, ins.line());
        assertEquals("SQL statement", ins.typeName());
    }

    @Test
    void raiseIfWhileAndQueryLoops() {
        PlStatement.Block b = body("DO $$\nDECLARE\n  n integer := 0;\n  total numeric := 0;\n  r record;\nBEGIN\n"
                + "  FOR r IN SELECT grp, count(*) AS c FROM vec_test GROUP BY grp ORDER BY grp LOOP\n"
                + "    RAISE NOTICE 'group % has % rows', r.grp, r.c;\n    total := total + r.c;\n  END LOOP;\n"
                + "  WHILE n < 3 LOOP\n    n := n + 1;\n  END LOOP;\n  IF total > 100 THEN\n"
                + "    RAISE NOTICE 'big: %', total;\n  ELSIF total = 50 THEN\n    RAISE NOTICE 'exactly fifty (n=%)', n;\n"
                + "  ELSE\n    RAISE NOTICE 'small: %', total;\n  END IF;\nEND\n$$;");
        assertEquals(3, b.declarations().size());
        assertEquals("0", b.declarations().get(0).defaultValue().text());
        assertEquals(PlDataType.Kind.RECORD, b.declarations().get(2).type().kind());
        PlStatement.ForQuery fq = (PlStatement.ForQuery) b.body().get(0);
        assertEquals("SELECT grp, count(*) AS c FROM vec_test GROUP BY grp ORDER BY grp", fq.query().text());
        PlStatement.Raise raise = (PlStatement.Raise) fq.body().get(0);
        assertEquals("notice", raise.level());
        assertEquals("group % has % rows", raise.format());
        assertEquals(List.of("r.grp", "r.c"), raise.params().stream().map(PlExpr::text).toList());
        PlStatement.Assign assign = (PlStatement.Assign) fq.body().get(1);
        assertEquals("total", assign.target());
        assertEquals("total + r.c", assign.value().text());
        assertInstanceOf(PlStatement.While.class, b.body().get(1));
        PlStatement.If anIf = (PlStatement.If) b.body().get(2);
        assertEquals(2, anIf.branches().size());
        assertEquals(1, anIf.elseBody().size());
        assertEquals(14, anIf.line());
    }

    @Test
    void functionBodiesWithReturnsDiagnosticsAndInto() {
        PlStatement.Block b = body("CREATE FUNCTION fill_rows(n int) RETURNS int LANGUAGE plpgsql AS $$\nDECLARE\n"
                + "  c int;\nBEGIN\n  FOR i IN 1..n LOOP\n    INSERT INTO vec_test (grp, embedding) VALUES (-1, "
                + "array_fill(i::float4, ARRAY[8])::vector);\n  END LOOP;\n  GET DIAGNOSTICS c = ROW_COUNT;\n"
                + "  SELECT count(*) INTO c FROM vec_test WHERE grp = -1;\n  RETURN c;\nEND;\n$$;");
        PlStatement.GetDiagnostics gd = (PlStatement.GetDiagnostics) b.body().get(1);
        assertEquals("row_count", gd.items().get(0).item());
        PlStatement.ExecSql sel = (PlStatement.ExecSql) b.body().get(2);
        assertEquals(List.of("c"), sel.into());
        assertEquals("SELECT count(*)        FROM vec_test WHERE grp = -1", sel.sql().text());
        PlStatement.Return ret = (PlStatement.Return) b.body().get(3);
        assertEquals("c", ret.value().text());
    }

    @Test
    void lineNumbersForContext() {
        String sql = "CREATE FUNCTION fails(x int) RETURNS int LANGUAGE plpgsql AS $$\nBEGIN\n  IF x > 1 THEN\n"
                + "    RAISE EXCEPTION 'x is too big: %', x USING HINT = 'use 1 or less';\n  END IF;\n"
                + "  RETURN 10 / x;\nEND;\n$$;";
        PlStatement.Block b = body(sql);
        PlStatement.If anIf = (PlStatement.If) b.body().get(0);
        PlStatement.Raise raise = (PlStatement.Raise) anIf.branches().get(0).body().get(0);
        assertEquals(4, raise.line());
        assertEquals("exception", raise.level());
        assertEquals("hint", raise.options().get(0).name());
        assertEquals("'use 1 or less'", raise.options().get(0).value().text());
        assertEquals(6, b.body().get(1).line());
        assertEquals("RETURN", b.body().get(1).typeName());
    }

    @Test
    void exceptionHandlersAndRaiseUsing() {
        PlStatement.Block b = body("DO $$\nBEGIN\n  BEGIN\n    PERFORM 1 / 0;\n  EXCEPTION WHEN division_by_zero THEN\n"
                + "    RAISE NOTICE 'caught: % (%)', SQLERRM, SQLSTATE;\n  END;\nEND\n$$;");
        PlStatement.Block inner = (PlStatement.Block) b.body().get(0);
        assertEquals("1 / 0", ((PlStatement.Perform) inner.body().get(0)).expr().text());
        assertEquals("SELECT 1 / 0", ((PlStatement.Perform) inner.body().get(0)).expr().asSelect());
        assertEquals("division_by_zero", inner.handlers().get(0).conditions().get(0).name());
        PlStatement.Block u = body("DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'custom failure'; "
                + "END $$;");
        PlStatement.Raise r = (PlStatement.Raise) u.body().get(0);
        assertNull(r.format());
        assertEquals(List.of("errcode", "message"), r.options().stream().map(PlStatement.RaiseOption::name).toList());
        assertEquals(1, r.line());
    }

    @Test
    void returnNextQueryAndOutParams() {
        PlStatement.Block b = body("CREATE FUNCTION evens(n int) RETURNS SETOF int LANGUAGE plpgsql AS $$\nBEGIN\n"
                + "  FOR i IN 1..n LOOP\n    IF i % 2 = 0 THEN\n      RETURN NEXT i;\n    END IF;\n  END LOOP;\n"
                + "  RETURN;\nEND;\n$$;");
        PlStatement.ForInteger loop = (PlStatement.ForInteger) b.body().get(0);
        PlStatement.If anIf = (PlStatement.If) loop.body().get(0);
        assertInstanceOf(PlStatement.ReturnNext.class, anIf.branches().get(0).body().get(0));
        assertNull(((PlStatement.Return) b.body().get(1)).value());
        PlStatement.Block q = body("DO $$ BEGIN RETURN QUERY SELECT 1; RETURN QUERY EXECUTE 'SELECT $1' USING 2; "
                + "END $$");
        assertInstanceOf(PlStatement.ReturnQuery.class, q.body().get(0));
        assertEquals(1, ((PlStatement.ReturnQuery) q.body().get(1)).using().size());
    }

    @Test
    void syntaxErrorsMapToTheOriginalString() {
        SqlException e = assertThrows(SqlException.class, () -> body("DO $$ BEGIN nosuchstatement; END $$;"));
        assertEquals("syntax error at or near \"nosuchstatement\"", e.getMessage());
        assertEquals(13, e.position());
        String broken = "CREATE FUNCTION broken() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1 END; $$;";
        e = assertThrows(SqlException.class, () -> body(broken));
        assertEquals("syntax error at end of input", e.getMessage());
        assertEquals(81, e.position());
        e = assertThrows(SqlException.class, () -> body("DO $$ BEGIN IF x THEN RAISE NOTICE 'a'; END; END $$"));
        assertEquals("syntax error at or near \";\"", e.getMessage());
        e = assertThrows(SqlException.class, () -> body("DO $$ BEGIN RAISE NOTICE '% %', 1; END $$"));
        assertEquals("too few parameters specified for RAISE", e.getMessage());
        e = assertThrows(SqlException.class, () -> body("DO $$ BEGIN IF x = 1; END IF; END $$"));
        assertEquals("missing \"THEN\" at end of SQL expression", e.getMessage());
        assertEquals(21, e.position());
        e = assertThrows(SqlException.class, () -> body("DO $$ BEGIN IF (1 = 1)) THEN END IF; END $$"));
        assertEquals("mismatched parentheses at or near \")\"", e.getMessage());
        e = assertThrows(SqlException.class, () -> body("DO $$ BEGIN IF THEN END IF; END $$"));
        assertEquals("missing expression at or near \"THEN\"", e.getMessage());
        e = assertThrows(SqlException.class, () -> body("DO $$ DECLARE x ; BEGIN END $$"));
        assertEquals("missing data type declaration at or near \";\"", e.getMessage());
        e = assertThrows(SqlException.class, () -> body("DO $$ BEGIN RAISE NOTICE 'a' USING HINT 1; END $$"));
        assertEquals("syntax error, expected \"=\" at or near \"1\"", e.getMessage());
        e = assertThrows(SqlException.class, () -> body("DO $$ BEGIN PERFORM 1 / OVER END / $$"));
        assertEquals("syntax error at or near \"/\"", e.getMessage());
        assertEquals(34, e.position());
        e = assertThrows(SqlException.class, () -> body("DO $$ BEGIN RETURN $$"));
        assertEquals("unexpected end of function definition at end of input", e.getMessage());
        e = assertThrows(SqlException.class, () -> body("DO $$ BEGIN x := 1 +; END $$"));
        assertEquals("syntax error at end of input", e.getMessage());
        assertEquals(21, e.position());
    }

    @Test
    void everyPlpgsqlBodyOfTheCompatScriptParses() throws IOException {
        String shared = System.getProperty("pgsight.shared");
        assumeTrue(shared != null && Files.isDirectory(Path.of(shared, "compat")), "shared corpus not found");
        String script = Files.readString(Path.of(shared, "compat", "plpgsql_functions.sql"));
        List<String> statements = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inDollar = false;
        for (String line : script.split("\n")) {
            if (!inDollar && cur.length() == 0 && (line.startsWith("--") || line.isBlank())) {
                continue;
            }
            cur.append(line).append('\n');
            int count = line.split("\\$\\$", -1).length - 1;
            if (count % 2 == 1) {
                inDollar = !inDollar;
            }
            if (!inDollar && line.stripTrailing().endsWith(";")) {
                statements.add(cur.toString());
                cur.setLength(0);
            }
        }
        int parsed = 0;
        for (String sql : statements) {
            Statement st = SqlParser.parse(sql).get(0);
            boolean plpgsql = st.command() instanceof Command.DoBlock
                    || (st.command() instanceof Command.CreateFunction f && "plpgsql".equals(f.language()));
            if (!plpgsql) {
                continue;
            }
            boolean expectedError = sql.contains("nosuchstatement") || sql.contains("broken()");
            if (expectedError) {
                assertThrows(SqlException.class, () -> body(sql), sql);
            } else {
                assertTrue(body(sql).body().size() > 0 || sql.contains("BEGIN\nEND"), sql);
            }
            parsed++;
        }
        assertTrue(parsed >= 14, "parsed " + parsed);
    }
}
