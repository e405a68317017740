package io.pgsight.sql.engine;

import io.pgsight.sql.api.EngineSession;
import io.pgsight.sql.api.SqlException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** search_path decides where unqualified names are found and created (texts checked against PostgreSQL 15). */
class SearchPathTest extends EngineTestSupport {
    @Test
    void unqualifiedNamesFollowThePath() {
        EngineSession s = open();
        run(s, "CREATE SCHEMA s1");
        run(s, "CREATE TABLE s1.t (a int)");
        run(s, "CREATE TABLE t (a int)");
        run(s, "INSERT INTO s1.t VALUES (1)");
        run(s, "INSERT INTO public.t VALUES (2)");
        assertEquals("2", one(s, "SELECT a FROM t"));
        run(s, "SET search_path = s1, public");
        assertEquals("1", one(s, "SELECT a FROM t"));
        run(s, "INSERT INTO t VALUES (10)");
        run(s, "UPDATE t SET a = a + 1");
        assertEquals(List.of(List.of("2"), List.of("11")), rows(s, "SELECT a FROM s1.t ORDER BY a"));
        assertEquals("s1", one(s, "SELECT current_schema()"));
        assertEquals("{pg_catalog,s1,public}", one(s, "SELECT current_schemas(true)"));
        assertEquals("{s1,public}", one(s, "SELECT current_schemas(false)"));
        run(s, "RESET search_path");
        assertEquals("2", one(s, "SELECT a FROM t"));
        assertEquals("public", one(s, "SELECT current_schema()"));
    }

    @Test
    void createGoesToTheFirstExistingSchemaAndSerialKeepsItsOwnSequence() {
        EngineSession s = open();
        run(s, "CREATE SCHEMA app");
        run(s, "SET search_path = nosuch, app, public");
        run(s, "CREATE TABLE items (id serial, v text)");
        run(s, "INSERT INTO items (v) VALUES ('a')");
        assertEquals("app.items_id_seq", one(s, "SELECT pg_get_serial_sequence('items', 'id')"));
        run(s, "CREATE TABLE public.items (id serial, v text)");
        run(s, "RESET search_path");
        run(s, "INSERT INTO app.items (v) VALUES ('b')");
        assertEquals(List.of(List.of("1", "a"), List.of("2", "b")), rows(s, "SELECT id, v FROM app.items ORDER BY id"));
        assertEquals("3", one(s, "SELECT nextval('app.items_id_seq')"));
        run(s, "SET search_path = nosuch");
        assertNull(one(s, "SELECT current_schema()"));
        SqlException e = assertError(s, "CREATE TABLE zz (a int)", "3F000", "no schema has been selected to create in");
        assertEquals(14, e.position());
    }

    @Test
    void quotedNamesKeepTheirCase() {
        EngineSession s = open();
        run(s, "CREATE SCHEMA \"My S\"");
        run(s, "SET search_path = \"My S\", public");
        assertEquals("\"My S\", public", one(s, "SHOW search_path"));
        run(s, "CREATE TABLE x (a int)");
        assertEquals("My S", one(s, "SELECT schemaname FROM pg_tables WHERE tablename = 'x'"));
        assertEquals("t", one(s, "SELECT pg_table_is_visible('\"My S\".x'::regclass)"));
        run(s, "RESET search_path");
        assertEquals("f", one(s, "SELECT pg_table_is_visible('\"My S\".x'::regclass)"));
    }

    @Test
    void dropSchemaRestrictListsTheObjectsAndCascadeDropsThem() {
        EngineSession s = open();
        run(s, "CREATE SCHEMA s2");
        run(s, "CREATE TABLE s2.a (id serial, x int)");
        run(s, "CREATE VIEW s2.v AS SELECT x FROM s2.a");
        run(s, "CREATE SEQUENCE s2.q");
        run(s, "CREATE FUNCTION s2.f(int, text) RETURNS int AS $$ SELECT $1 $$ LANGUAGE sql");
        SqlException e = assertError(s, "DROP SCHEMA s2", "2BP01", "cannot drop schema s2 because other objects depend on it");
        assertEquals("table s2.a depends on schema s2\nview s2.v depends on schema s2\n"
                + "sequence s2.q depends on schema s2\nfunction s2.f(integer,text) depends on schema s2", e.detail());
        assertEquals("Use DROP ... CASCADE to drop the dependent objects too.", e.hint());
        assertEquals("1", one(s, "SELECT count(*) FROM pg_namespace WHERE nspname = 's2'"));
        notices.clear();
        run(s, "DROP SCHEMA s2 CASCADE");
        assertEquals("drop cascades to 4 other objects", notices.get(0).getMessage());
        assertEquals("drop cascades to table s2.a\ndrop cascades to view s2.v\ndrop cascades to sequence s2.q\n"
                + "drop cascades to function s2.f(integer,text)", notices.get(0).detail());
        assertEquals("0", one(s, "SELECT count(*) FROM pg_namespace WHERE nspname = 's2'"));
        assertEquals("0", one(s, "SELECT count(*) FROM pg_class WHERE relname IN ('a', 'v', 'q', 'a_id_seq')"));
        assertError(s, "SELECT * FROM s2.a", "42P01", "relation \"s2.a\" does not exist");
        assertError(s, "DROP SCHEMA s2", "3F000", "schema \"s2\" does not exist");
        assertError(s, "DROP SCHEMA pg_catalog", "2BP01",
                "cannot drop schema pg_catalog because it is required by the database system");
        run(s, "CREATE SCHEMA s2");
        run(s, "CREATE TABLE s2.\"only\" (a int)");
        notices.clear();
        run(s, "DROP SCHEMA s2 CASCADE");
        assertEquals("drop cascades to table s2.\"only\"", notices.get(0).getMessage());
    }
}
