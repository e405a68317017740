package io.pgsight.sql.parser;

import io.pgsight.sql.ast.AlterTableAction;
import io.pgsight.sql.ast.Command;
import io.pgsight.sql.ast.Constraint;
import io.pgsight.sql.ast.Expr;
import io.pgsight.sql.ast.FromItem;
import io.pgsight.sql.ast.FunctionParam;
import io.pgsight.sql.ast.Query;
import io.pgsight.sql.ast.QueryBody;
import io.pgsight.sql.ast.SortItem;
import io.pgsight.sql.ast.Statement;
import io.pgsight.sql.ast.TableElement;
import io.pgsight.sql.ast.Value;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the parser builds for representative statements. */
class StatementShapeTest {
    static Command one(String sql) {
        List<Statement> stmts = SqlParser.parse(sql);
        assertEquals(1, stmts.size());
        return stmts.get(0).command();
    }

    static QueryBody.Select select(String sql) {
        Query q = (Query) one(sql);
        return (QueryBody.Select) q.body();
    }

    @Test
    void emptyStringsYieldNoStatements() {
        assertEquals(0, SqlParser.parse("").size());
        assertEquals(0, SqlParser.parse(" ;; ; -- nothing\n /* c */").size());
    }

    @Test
    void multiStatementSpans() {
        String sql = "SELECT 1;  SELECT 'x;y' ;INSERT INTO t VALUES (1)";
        List<Statement> s = SqlParser.parse(sql);
        assertEquals(3, s.size());
        assertEquals("SELECT 1", s.get(0).text());
        assertEquals("SELECT 'x;y'", s.get(1).text());
        assertEquals(12, s.get(1).location());
        assertEquals("INSERT INTO t VALUES (1)", s.get(2).text());
    }

    @Test
    void selectList() {
        QueryBody.Select s = select("SELECT a.name, count(b.id) AS books, 1 x, 2 end, t.*, * FROM author a");
        assertEquals(6, s.targets().size());
        assertNull(s.targets().get(0).alias());
        assertEquals("books", s.targets().get(1).alias());
        assertEquals("x", s.targets().get(2).alias());
        assertEquals("end", s.targets().get(3).alias());
        assertEquals("t.*", AstText.of(s.targets().get(4).expr()));
        assertEquals("*", AstText.of(s.targets().get(5).expr()));
        FromItem.Table t = (FromItem.Table) s.from().get(0);
        assertEquals("author", t.name().name());
        assertEquals("a", t.alias().name());
    }

    @Test
    void keywordsUsableAsColumnNames() {
        QueryBody.Select s = select("SELECT name, type, value, text, date, position, version, time FROM t");
        assertEquals(List.of("name", "type", "value", "text", "date", "position", "version", "time"),
                s.targets().stream().map(t -> AstText.of(t.expr())).toList());
    }

    @Test
    void columnAndOperatorLocations() {
        QueryBody.Select s = select("SELECT nosuchcolumn FROM book WHERE x <-> 'a' < 5");
        Expr.ColumnRef c = (Expr.ColumnRef) s.targets().get(0).expr();
        assertEquals(8, c.location());
        Expr.BinaryOp lt = (Expr.BinaryOp) s.where();
        Expr.BinaryOp dist = (Expr.BinaryOp) lt.left();
        assertEquals(39, dist.location());
        assertEquals(47, lt.location());
        assertEquals(43, dist.right().location());
    }

    @Test
    void joinsAndSubqueries() {
        QueryBody.Select s = select("SELECT name, title FROM author JOIN (SELECT author_id AS id, title FROM book) bt "
                + "USING (id) LEFT JOIN x ON x.a = bt.id, generate_series(1, 3) g CROSS JOIN "
                + "unnest(ARRAY['x']) WITH ORDINALITY AS u(v, ord)");
        assertEquals(2, s.from().size());
        FromItem.Join left = (FromItem.Join) s.from().get(0);
        assertEquals(FromItem.JoinType.LEFT, left.type());
        FromItem.Join inner = (FromItem.Join) left.left();
        assertEquals(FromItem.JoinType.INNER, inner.type());
        assertEquals("id", inner.using().get(0).name());
        FromItem.Subquery sub = (FromItem.Subquery) inner.right();
        assertEquals("bt", sub.alias().name());
        FromItem.Join cross = (FromItem.Join) s.from().get(1);
        FromItem.Function g = (FromItem.Function) cross.left();
        assertEquals("g", g.alias().name());
        FromItem.Function u = (FromItem.Function) cross.right();
        assertTrue(u.withOrdinality());
        assertEquals(List.of("v", "ord"), u.alias().columns().stream().map(i -> i.name()).toList());
    }

    @Test
    void orderLimitOffsetAndSetOperations() {
        Query q = (Query) one("(SELECT 1 AS a) UNION ALL SELECT 2 INTERSECT SELECT 3 ORDER BY 1 DESC NULLS LAST "
                + "LIMIT 2 OFFSET 1");
        QueryBody.SetOperation u = (QueryBody.SetOperation) q.body();
        assertEquals(QueryBody.SetOp.UNION, u.op());
        assertTrue(u.all());
        assertEquals(QueryBody.SetOp.INTERSECT, ((QueryBody.SetOperation) u.right()).op());
        assertEquals(SortItem.Direction.DESC, q.orderBy().get(0).direction());
        assertEquals(SortItem.NullsOrder.LAST, q.orderBy().get(0).nulls());
        assertEquals("2", AstText.of(q.limit()));
        assertEquals("1", AstText.of(q.offset()));
        Query merged = (Query) one("(SELECT x FROM t LIMIT 1) ORDER BY x");
        assertInstanceOf(QueryBody.Select.class, merged.body());
        assertEquals(1, merged.orderBy().size());
        assertEquals("1", AstText.of(merged.limit()));
        Query f = (Query) one("SELECT * FROM t FETCH FIRST 3 ROWS ONLY");
        assertEquals("3", AstText.of(f.limit()));
    }

    @Test
    void aggregatesAndWindows() {
        QueryBody.Select s = select("SELECT array_agg(title ORDER BY title), count(*) FILTER (WHERE pages > 200), "
                + "count(DISTINCT grp), row_number() OVER (PARTITION BY a ORDER BY b), hypot2(b => 12, a => 5), "
                + "extract(year FROM d), position('SQL' IN 'PostgreSQL'), trim('  pad  '), substring(s FROM 2 FOR 3)");
        assertEquals("array_agg(title ORDER BY title)", AstText.of(s.targets().get(0).expr()));
        assertEquals("count(*) FILTER((pages > 200))", AstText.of(s.targets().get(1).expr()));
        assertEquals("count(DISTINCT grp)", AstText.of(s.targets().get(2).expr()));
        assertEquals("row_number() OVER(...)", AstText.of(s.targets().get(3).expr()));
        assertEquals("hypot2(b => 12, a => 5)", AstText.of(s.targets().get(4).expr()));
        assertEquals("pg_catalog.extract('year', d)", AstText.of(s.targets().get(5).expr()));
        assertEquals("pg_catalog.position('PostgreSQL', 'SQL')", AstText.of(s.targets().get(6).expr()));
        assertEquals("pg_catalog.btrim('  pad  ')", AstText.of(s.targets().get(7).expr()));
        assertEquals("pg_catalog.substring(s, 2, 3)", AstText.of(s.targets().get(8).expr()));
    }

    @Test
    void typedLiteralsAndCasts() {
        QueryBody.Select s = select("SELECT date '2024-01-01', interval '90 minutes', timestamp with time zone 'x', "
                + "double precision '1.5', '1'::numeric(10,2), ARRAY[]::int[], x::character varying(5), "
                + "'a'::char, CAST('[1,2]' AS vector(2)), public.vector '[1]', '{1}'::float[], 5::float(3)");
        List<String> shapes = s.targets().stream().map(t -> AstText.of(t.expr())).toList();
        assertEquals(List.of("('2024-01-01'::date)", "('90 minutes'::pg_catalog.interval)",
                "('x'::pg_catalog.timestamptz)", "('1.5'::pg_catalog.float8)", "('1'::pg_catalog.numeric(10, 2))",
                "(ARRAY[]::pg_catalog.int4[])", "(x::pg_catalog.varchar(5))", "('a'::pg_catalog.bpchar(1))",
                "('[1,2]'::vector(2))", "('[1]'::public.vector)", "('{1}'::pg_catalog.float8[])",
                "(5::pg_catalog.float4)"), shapes);
    }

    @Test
    void caseCoalesceAndSpecialValues() {
        QueryBody.Select s = select("SELECT CASE 2 WHEN 1 THEN 'one' END, coalesce(NULL, 'x'), nullif(3, 3), "
                + "greatest(1, 5), least('b', 'a'), current_date, current_timestamp, current_schema, "
                + "EXISTS (SELECT 1), ARRAY(SELECT 1), (SELECT 1), ROW(1, 2), (1, 2)");
        List<String> shapes = s.targets().stream().map(t -> AstText.of(t.expr())).toList();
        assertEquals(List.of("CASE 2 WHEN 1 THEN 'one' END", "COALESCE(NULL, 'x')", "NULLIF(3, 3)",
                "GREATEST(1, 5)", "LEAST('b', 'a')", "CURRENT_DATE", "CURRENT_TIMESTAMP",
                "pg_catalog.current_schema()", "EXISTS(subquery)", "ARRAY(subquery)", "(subquery)", "ROW(1, 2)",
                "(1, 2)"), shapes);
    }

    @Test
    void insertUpdateDelete() {
        Command.Insert ins = (Command.Insert) one("INSERT INTO book (author_id, title) VALUES (1, 'a'), "
                + "(2, DEFAULT) RETURNING id, title");
        assertEquals(2, ins.columns().size());
        QueryBody.Values v = (QueryBody.Values) ins.source().body();
        assertInstanceOf(Expr.SetToDefault.class, v.rows().get(1).get(1));
        assertEquals(2, ins.returning().size());
        Command.Insert dv = (Command.Insert) one("INSERT INTO t DEFAULT VALUES");
        assertNull(dv.source());
        Command.Insert sel = (Command.Insert) one("INSERT INTO t (SELECT 1) ON CONFLICT (id) DO UPDATE SET x = 1");
        assertFalse(sel.onConflict().doNothing());
        Command.Update up = (Command.Update) one("UPDATE book b SET price = price * 1.1, (a, c) = (1, 2) "
                + "FROM x WHERE author_id = 3 RETURNING *");
        assertEquals("b", up.alias());
        assertEquals(2, up.set().size());
        assertTrue(up.set().get(1).multi());
        Command.Update noAlias = (Command.Update) one("UPDATE docs SET embedding = '[1]' WHERE id = 100");
        assertNull(noAlias.alias());
        Command.Delete del = (Command.Delete) one("DELETE FROM author WHERE name = 'x' RETURNING *");
        assertEquals("author", del.table().name());
    }

    @Test
    void createTable() {
        Command.CreateTable ct = (Command.CreateTable) one("CREATE TABLE IF NOT EXISTS book (id serial PRIMARY KEY, "
                + "author_id integer NOT NULL REFERENCES author(id) ON DELETE CASCADE, title varchar(60) NOT NULL, "
                + "pages integer CHECK (pages > 0), note text DEFAULT 'none', rating int DEFAULT 3 NOT NULL, "
                + "tags text[], embedding vector(3), CONSTRAINT u UNIQUE (title, pages), "
                + "FOREIGN KEY (pages) REFERENCES p (n))");
        assertTrue(ct.ifNotExists());
        assertEquals(10, ct.elements().size());
        TableElement.ColumnDef author = (TableElement.ColumnDef) ct.elements().get(1);
        assertEquals("int4", author.type().name());
        assertEquals(Constraint.ConstraintKind.NOT_NULL, author.constraints().get(0).kind());
        Constraint fk = author.constraints().get(1);
        assertEquals(Constraint.ConstraintKind.FOREIGN_KEY, fk.kind());
        assertEquals(Constraint.ReferentialAction.CASCADE, fk.onDelete());
        TableElement.ColumnDef rating = (TableElement.ColumnDef) ct.elements().get(5);
        assertEquals(2, rating.constraints().size());
        TableElement.ColumnDef emb = (TableElement.ColumnDef) ct.elements().get(7);
        assertEquals("(vector(3))", "(" + AstText.type(emb.type()) + ")");
        TableElement.TableConstraint u = (TableElement.TableConstraint) ct.elements().get(8);
        assertEquals("u", u.constraint().name());
        Command.CreateTableAs ctas = (Command.CreateTableAs) one("CREATE TABLE empty_copy AS SELECT * FROM book "
                + "WITH NO DATA");
        assertFalse(ctas.withData());
        Command.CreateTableAs paren = (Command.CreateTableAs) one("CREATE TABLE pat AS (SELECT 1 AS id)");
        assertTrue(paren.withData());
    }

    @Test
    void createIndex() {
        Command.CreateIndex ix = (Command.CreateIndex) one("CREATE INDEX img_vec_embedding_idx ON img_vec USING hnsw "
                + "(embedding vector_l2_ops) WITH (m = 8, ef_construction = 'x')");
        assertEquals("hnsw", ix.method());
        assertEquals("vector_l2_ops", ix.elements().get(0).opclass().name());
        assertEquals("8", ix.options().get(0).valueText());
        assertInstanceOf(Value.Str.class, ix.options().get(1).value());
        Command.CreateIndex anon = (Command.CreateIndex) one("CREATE INDEX ON docs USING hnsw "
                + "((embedding::halfvec(4)) halfvec_l2_ops)");
        assertNull(anon.name());
        assertEquals("(embedding::halfvec(4))", AstText.of(anon.elements().get(0).expr()));
        Command.CreateIndex u = (Command.CreateIndex) one("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON t "
                + "(lower(a) DESC NULLS FIRST) WHERE b > 0");
        assertTrue(u.unique() && u.concurrently() && u.ifNotExists());
        assertEquals("lower(a)", AstText.of(u.elements().get(0).expr()));
    }

    @Test
    void alterDropTruncate() {
        Command.AlterTable at = (Command.AlterTable) one("ALTER TABLE book_copy ADD COLUMN IF NOT EXISTS rating "
                + "integer DEFAULT 3, ADD PRIMARY KEY (id), ALTER COLUMN x TYPE bigint, DROP COLUMN IF EXISTS y");
        assertEquals(4, at.actions().size());
        assertInstanceOf(AlterTableAction.AddColumn.class, at.actions().get(0));
        assertInstanceOf(AlterTableAction.AddConstraint.class, at.actions().get(1));
        assertInstanceOf(AlterTableAction.AlterColumnType.class, at.actions().get(2));
        assertInstanceOf(AlterTableAction.DropColumn.class, at.actions().get(3));
        Command.AlterTable rn = (Command.AlterTable) one("ALTER TABLE t RENAME COLUMN a TO b");
        assertInstanceOf(AlterTableAction.RenameColumn.class, rn.actions().get(0));
        Command.Drop d = (Command.Drop) one("DROP TABLE IF EXISTS a, b CASCADE");
        assertTrue(d.ifExists() && d.cascade());
        assertEquals(2, d.names().size());
        Command.DropFunction df = (Command.DropFunction) one("DROP FUNCTION add_one(integer)");
        assertEquals("int4", df.functions().get(0).params().get(0).type().name());
        Command.Truncate tr = (Command.Truncate) one("TRUNCATE TABLE a RESTART IDENTITY");
        assertTrue(tr.restartIdentity());
    }

    @Test
    void functionsAndDo() {
        Command.CreateFunction f = (Command.CreateFunction) one("create or replace function gen(int,int) returns "
                + "float4[] as $$\n select 1;\n$$ language sql strict volatile");
        assertTrue(f.orReplace());
        assertEquals(2, f.params().size());
        assertNull(f.params().get(0).name());
        assertEquals("sql", f.language());
        assertEquals("volatile", f.volatility());
        assertEquals(Boolean.TRUE, f.strict());
        assertEquals("\n select 1;\n", f.body().value());
        Command.CreateFunction named = (Command.CreateFunction) one("CREATE FUNCTION hypot2(a float8, "
                + "b double precision DEFAULT 2) RETURNS TABLE (k int, v text) LANGUAGE sql AS 'SELECT 1'");
        assertEquals("a", named.params().get(0).name());
        assertEquals("float8", named.params().get(1).type().name());
        assertEquals("2", AstText.of(named.params().get(1).defaultValue()));
        assertEquals(2, named.returnsTable().size());
        Command.CreateFunction out = (Command.CreateFunction) one("CREATE FUNCTION set_counter(OUT total int, "
                + "OUT grps int) LANGUAGE plpgsql AS $$ BEGIN END $$");
        assertEquals(FunctionParam.Mode.OUT, out.params().get(0).mode());
        Command.CreateFunction setof = (Command.CreateFunction) one("CREATE FUNCTION squares(n int) RETURNS "
                + "SETOF int LANGUAGE sql AS $$ SELECT 1 $$");
        assertTrue(setof.returnType().setof());
        String sql = "DO $$ BEGIN nosuchstatement; END $$;";
        Command.DoBlock d = (Command.DoBlock) one(sql);
        assertEquals(" BEGIN nosuchstatement; END ", d.code().value());
        assertEquals(6, SqlParser.contentPosition(sql, d.code(), 0));
    }

    @Test
    void sessionStatements() {
        Command.SetVariable s = (Command.SetVariable) one("SET hnsw.ef_search = 400");
        assertEquals("hnsw.ef_search", s.name());
        assertEquals("400", s.values().get(0).text());
        Command.SetVariable off = (Command.SetVariable) one("SET enable_seqscan = OFF");
        assertEquals("off", off.values().get(0).text());
        Command.SetVariable str = (Command.SetVariable) one("SET ivfflat.probes = 'many'");
        assertInstanceOf(Value.Str.class, str.values().get(0));
        Command.SetVariable neg = (Command.SetVariable) one("SET x TO -1");
        assertEquals("-1", neg.values().get(0).text());
        Command.SetVariable tz = (Command.SetVariable) one("SET TIME ZONE 'UTC'");
        assertEquals("timezone", tz.name());
        Command.SetVariable path = (Command.SetVariable) one("SET search_path TO public, \"$user\"");
        assertEquals(2, path.values().size());
        assertEquals("ivfflat.probes", ((Command.Show) one("SHOW ivfflat.probes")).name());
        assertEquals("all", ((Command.Reset) one("RESET ALL")).name());
        assertEquals("hnsw.ef_search", ((Command.Reset) one("RESET hnsw.ef_search")).name());
        assertEquals(Command.TransactionKind.BEGIN, ((Command.Transaction) one("BEGIN")).kind());
        assertEquals(Command.TransactionKind.START, ((Command.Transaction) one("START TRANSACTION ISOLATION LEVEL "
                + "SERIALIZABLE, READ ONLY")).kind());
        assertEquals(Command.TransactionKind.COMMIT, ((Command.Transaction) one("END")).kind());
        Command.Transaction rb = (Command.Transaction) one("ROLLBACK TO SAVEPOINT sp");
        assertEquals(Command.TransactionKind.ROLLBACK_TO, rb.kind());
        assertEquals("sp", rb.name());
        Command.Explain ex = (Command.Explain) one("EXPLAIN (COSTS OFF) SELECT 1");
        assertEquals("costs", ex.options().get(0).name());
        assertEquals("off", ex.options().get(0).valueText());
        Command.Explain ea = (Command.Explain) one("EXPLAIN ANALYZE VERBOSE SELECT 1");
        assertEquals(2, ea.options().size());
        Command.Vacuum v = (Command.Vacuum) one("ANALYZE docs");
        assertTrue(v.analyzeOnly());
        assertEquals("docs", v.tables().get(0).table().name());
    }

    @Test
    void copy() {
        Command.Copy c = (Command.Copy) one("COPY tmp (data) FROM STDIN WITH CSV HEADER DELIMITER ','");
        assertTrue(c.from());
        assertNull(c.file());
        assertEquals(List.of("format", "header", "delimiter"), c.options().stream().map(o -> o.name()).toList());
        Command.Copy n = (Command.Copy) one("COPY t FROM '/tmp/x.csv' (FORMAT csv, NULL '')");
        assertEquals("/tmp/x.csv", n.file());
        Command.Copy q = (Command.Copy) one("COPY (SELECT 1) TO STDOUT");
        assertFalse(q.from());
        assertTrue(q.query() != null);
    }

    @Test
    void extensionsAndMisc() {
        Command.CreateExtension e = (Command.CreateExtension) one("CREATE EXTENSION IF NOT EXISTS vector WITH "
                + "SCHEMA public CASCADE");
        assertEquals("vector", e.name());
        assertEquals("public", e.schema());
        assertTrue(e.cascade());
        Command.CreateDatabase db = (Command.CreateDatabase) one("CREATE DATABASE compat_sql_core TEMPLATE template0");
        assertEquals("template", db.options().get(0).name());
        Command.CommentOn com = (Command.CommentOn) one("COMMENT ON TABLE items IS 'toy vectors'");
        assertEquals("toy vectors", com.comment());
        Command.CreateView view = (Command.CreateView) one("CREATE VIEW v AS SELECT 1");
        assertEquals("v", view.name().name());
        assertInstanceOf(Command.AlterOther.class, one("GRANT SELECT ON t TO bob"));
        assertInstanceOf(Command.Discard.class, one("DISCARD ALL"));
        assertInstanceOf(Command.Prepare.class, one("PREPARE p (int) AS SELECT $1"));
        assertInstanceOf(Command.Execute.class, one("EXECUTE p (1)"));
    }
}
