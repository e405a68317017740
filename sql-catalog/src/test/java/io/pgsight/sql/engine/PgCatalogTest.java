package io.pgsight.sql.engine;

import io.pgsight.sql.api.EngineSession;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** pg_catalog relations and catalog functions follow the engine's catalog as DDL changes it. */
class PgCatalogTest extends EngineTestSupport {
    @Test
    void pgClassAndPgAttributeFollowDdl() {
        EngineSession s = open();
        run(s, "CREATE TABLE t (id int PRIMARY KEY, name text NOT NULL)");
        assertEquals(List.of(List.of("t", "r"), List.of("t_pkey", "i")), rows(s,
                "SELECT relname, relkind FROM pg_catalog.pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                        + "WHERE n.nspname = 'public' ORDER BY 1"));
        run(s, "ALTER TABLE t ADD COLUMN extra bigint");
        assertEquals(List.of(List.of("id", "integer", "t"), List.of("name", "text", "t"), List.of("extra", "bigint", "f")),
                rows(s, "SELECT attname, format_type(atttypid, atttypmod), attnotnull FROM pg_attribute "
                        + "WHERE attrelid = 't'::regclass AND attnum > 0 ORDER BY attnum"));
        run(s, "DROP TABLE t");
        assertEquals("0", one(s, "SELECT count(*) FROM pg_class WHERE relname LIKE 't%' AND relnamespace = 2200"));
    }

    @Test
    void regTypesLookUpAndPrintNames() {
        EngineSession s = open();
        run(s, "CREATE TABLE items (id bigserial PRIMARY KEY)");
        assertEquals("t", one(s, "SELECT 'items'::regclass::oid = (SELECT oid FROM pg_class WHERE relname = 'items')"));
        assertEquals("items_id_seq", one(s, "SELECT 'public.items_id_seq'::regclass::text"));
        assertEquals("pg_class", one(s, "SELECT 1259::regclass::text"));
        assertEquals("23", one(s, "SELECT 'integer'::regtype::oid::text"));
        assertEquals("character varying", one(s, "SELECT 1043::regtype::text"));
        assertEquals("pg_catalog", one(s, "SELECT 11::regnamespace::text"));
        assertError(s, "SELECT 'nosuch'::regclass", "42P01", "relation \"nosuch\" does not exist");
        assertError(s, "SELECT 'nosuch'::regtype", "42704", "type \"nosuch\" does not exist");
    }

    @Test
    void formatTypeCoversTypmodsArraysAndBuiltinsTheEngineLacks() {
        EngineSession s = open();
        assertEquals("character varying(10)", one(s, "SELECT format_type(1043, 14)"));
        assertEquals("integer[]", one(s, "SELECT format_type(1007, NULL)"));
        assertEquals("box", one(s, "SELECT format_type(603, NULL)"));
        assertEquals("\"char\"", one(s, "SELECT format_type(18, NULL)"));
        assertEquals("???", one(s, "SELECT format_type(4242424, NULL)"));
        assertEquals(null, one(s, "SELECT format_type(NULL, NULL)"));
    }

    @Test
    void definitionsOfIndexesAndConstraints() {
        EngineSession s = open();
        run(s, "CREATE TABLE a (id int PRIMARY KEY, code text UNIQUE, n int CHECK (n > 0))");
        run(s, "CREATE TABLE b (id int REFERENCES a(id) ON DELETE CASCADE)");
        assertEquals(List.of(List.of("a_code_key", "CREATE UNIQUE INDEX a_code_key ON public.a USING btree (code)"),
                        List.of("a_pkey", "CREATE UNIQUE INDEX a_pkey ON public.a USING btree (id)")),
                rows(s, "SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c "
                        + "ON c.oid = i.indexrelid ORDER BY 1"));
        assertEquals(List.of(List.of("a_code_key", "u", "UNIQUE (code)"), List.of("a_n_check", "c", "CHECK ((n > 0))"),
                        List.of("a_pkey", "p", "PRIMARY KEY (id)"),
                        List.of("b_id_fkey", "f", "FOREIGN KEY (id) REFERENCES a(id) ON DELETE CASCADE")),
                rows(s, "SELECT conname, contype, pg_get_constraintdef(oid, true) FROM pg_constraint ORDER BY 1"));
    }

    @Test
    void descriptionsFromCommentsAndRegistrations() {
        EngineSession s = open();
        run(s, "CREATE TABLE t (a int, b text)");
        run(s, "COMMENT ON TABLE t IS 'a table'");
        run(s, "COMMENT ON COLUMN t.b IS 'the b'");
        assertEquals("a table", one(s, "SELECT obj_description('t'::regclass, 'pg_class')"));
        assertEquals("the b", one(s, "SELECT col_description('t'::regclass, 2)"));
        assertEquals("distance between", one(s, "SELECT obj_description(1520, 'pg_operator')"));
    }

    @Test
    void builtinOperatorsTheEngineLacksStillAppearInPgOperator() {
        EngineSession s = open();
        assertEquals("26", one(s, "SELECT count(*) FROM pg_operator WHERE oprname = '<->' AND oprnamespace = 11"));
        assertEquals("1", one(s, "SELECT count(*) FROM pg_operator WHERE oprname = '=' "
                + "AND oprleft = 'int4'::regtype AND oprright = 'int4'::regtype"));
    }

    @Test
    void charColumnsCompareWithUntypedLiterals() {
        EngineSession s = open();
        run(s, "CREATE VIEW v AS SELECT 1 AS x");
        assertEquals("v", one(s, "SELECT relname FROM pg_class WHERE relkind = 'v' AND relnamespace = 2200"));
        assertEquals("x", one(s, "SELECT 'xyz'::\"char\"::text"));
    }

    @Test
    void fieldSelectionOnSetReturningRecords() {
        EngineSession s = open();
        assertEquals(List.of(List.of("10", "1"), List.of("20", "2")), rows(s,
                "SELECT (information_schema._pg_expandarray(ARRAY[10,20]::int2[])).x, "
                        + "(information_schema._pg_expandarray(ARRAY[10,20]::int2[])).n"));
        assertEquals(List.of(List.of("(10,1)"), List.of("(20,2)")),
                rows(s, "SELECT information_schema._pg_expandarray(ARRAY[10,20]::int2[])"));
        assertEquals("20", one(s, "SELECT (r.k).x FROM (SELECT information_schema._pg_expandarray(ARRAY[10,20]::int2[]) AS k) r "
                + "WHERE (r.k).n = 2"));
        assertError(s, "SELECT (1).x", "42809", "column notation .x applied to type integer, which is not a composite type");
    }

    @Test
    void tableoidNamesTheRowsTable() {
        EngineSession s = open();
        run(s, "CREATE TABLE t (a int)");
        run(s, "INSERT INTO t VALUES (1), (2)");
        assertEquals(List.of(List.of("t", "1"), List.of("t", "2")), rows(s, "SELECT tableoid::regclass, a FROM t ORDER BY a"));
        assertEquals("t", one(s, "SELECT DISTINCT x.tableoid = 't'::regclass FROM t x"));
        assertEquals("2612", one(s, "SELECT DISTINCT tableoid FROM pg_language"));
        assertError(s, "SELECT tableoid FROM t, t t2", "42702", "column reference \"tableoid\" is ambiguous");
        assertError(s, "SELECT tableoid FROM (SELECT 1) s", "42703", "column \"tableoid\" does not exist");
    }

    @Test
    void languagesAndFunctionDefinitionsAsPsqlReadsThem() {
        EngineSession s = open();
        // psql's \\dL: languages with a call handler, described through tableoid
        assertEquals(List.of(List.of("plpgsql", "t", "PL/pgSQL procedural language")), rows(s,
                "SELECT l.lanname, l.lanpltrusted, d.description FROM pg_catalog.pg_language l LEFT JOIN "
                        + "pg_catalog.pg_description d ON d.classoid = l.tableoid AND d.objoid = l.oid AND d.objsubid = 0 "
                        + "WHERE l.lanplcallfoid != 0 ORDER BY 1"));
        run(s, "CREATE FUNCTION mf2(int, text) RETURNS SETOF int STRICT AS $function$ select $1 $function$ LANGUAGE sql STABLE");
        // text printed by PostgreSQL 15's pg_get_functiondef for the same statement
        assertEquals("CREATE OR REPLACE FUNCTION public.mf2(integer, text)\n RETURNS SETOF integer\n LANGUAGE sql\n"
                + " STABLE STRICT\nAS $function$ select $1 $function$\n", one(s, "SELECT pg_get_functiondef('mf2'::regproc)"));
        run(s, "CREATE FUNCTION jq() RETURNS text AS $q$ select '$function$'::text $q$ LANGUAGE sql");
        assertEquals("CREATE OR REPLACE FUNCTION public.jq()\n RETURNS text\n LANGUAGE sql\n"
                + "AS $functionx$ select '$function$'::text $functionx$\n", one(s, "SELECT pg_get_functiondef('jq'::regproc)"));
        assertEquals("u", one(s, "SELECT proparallel FROM pg_proc WHERE proname = 'mf2'"));
    }
}
