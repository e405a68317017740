-- LANGUAGE sql functions: $n, named parameters, STRICT, volatility, CREATE OR REPLACE, DROP FUNCTION
CREATE FUNCTION add(integer, integer) RETURNS integer AS 'SELECT $1 + $2;' LANGUAGE sql IMMUTABLE STRICT;
SELECT add(1, 2), add(NULL, 2) IS NULL AS strict_null;
CREATE FUNCTION add_lax(a integer, b integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT coalesce(a, 0) + coalesce(b, 0) $$;
SELECT add_lax(NULL, 5), add_lax(a => 1, b => 2), add_lax(b => 7, a => NULL);
CREATE FUNCTION greeting(name text, punct text DEFAULT '!') RETURNS text LANGUAGE sql AS $$ SELECT 'Hello, ' || name || punct $$;
SELECT greeting('World'), greeting('you', '?'), greeting(punct => '.', name => 'Sir');
CREATE TABLE t (id serial PRIMARY KEY, v text);
CREATE FUNCTION add_t(text) RETURNS int LANGUAGE sql AS $$
  INSERT INTO t (v) VALUES ($1);
  SELECT count(*)::int FROM t;
$$;
SELECT add_t('a');
SELECT add_t('b');
CREATE FUNCTION t_rows() RETURNS SETOF t LANGUAGE sql STABLE AS $$ SELECT * FROM t ORDER BY id $$;
SELECT * FROM t_rows();
CREATE FUNCTION nothing() RETURNS void LANGUAGE sql AS $$ DELETE FROM t WHERE false $$;
SELECT nothing();
-- no rows gives NULL for a scalar SQL function
CREATE FUNCTION v_of(int) RETURNS text LANGUAGE sql AS $$ SELECT v FROM t WHERE id = $1 $$;
SELECT v_of(1), v_of(99) IS NULL AS missing;
-- CREATE OR REPLACE
CREATE OR REPLACE FUNCTION add(integer, integer) RETURNS integer AS 'SELECT $1 + $2 + 100' LANGUAGE sql;
SELECT add(1, 2);
CREATE OR REPLACE FUNCTION add(integer, integer) RETURNS bigint AS 'SELECT ($1 + $2)::bigint' LANGUAGE sql;
CREATE OR REPLACE FUNCTION greeting(who text, punct text DEFAULT '!') RETURNS text LANGUAGE sql AS $$ SELECT who $$;
CREATE FUNCTION add(integer, integer) RETURNS integer AS 'SELECT 1' LANGUAGE sql;
-- body errors at CREATE
CREATE FUNCTION bad_body(int) RETURNS int LANGUAGE sql AS $$ SELECT nosuch FROM t $$;
CREATE FUNCTION bad_type(int) RETURNS int LANGUAGE sql AS $$ SELECT 'x'::text $$;
CREATE FUNCTION bad_syntax(int) RETURNS int LANGUAGE sql AS $$ SELEC 1 $$;
CREATE FUNCTION bad_lang() RETURNS int LANGUAGE plperl AS $$ return 1; $$;
CREATE FUNCTION bad_param(int) RETURNS int LANGUAGE sql AS $$ SELECT $2 $$;
-- errors at run time show the SQL function context
CREATE FUNCTION div(a int, b int) RETURNS int LANGUAGE sql AS $$ SELECT a / b $$;
SELECT div(6, 3);
SELECT div(id, id - 1) FROM t WHERE id = 1;
CREATE FUNCTION ins_dup(int) RETURNS void LANGUAGE sql AS $$ INSERT INTO t VALUES ($1, 'dup') $$;
SELECT ins_dup(1);
-- overloading and DROP FUNCTION
CREATE FUNCTION over(int) RETURNS text LANGUAGE sql AS $$ SELECT 'int' $$;
CREATE FUNCTION over(text) RETURNS text LANGUAGE sql AS $$ SELECT 'text' $$;
SELECT over(1), over('a'::text);
DROP FUNCTION over;
DROP FUNCTION over(int);
SELECT over(1);
DROP FUNCTION over;
DROP FUNCTION over(text);
DROP FUNCTION IF EXISTS over(text);
DROP FUNCTION IF EXISTS nosuch;
DROP FUNCTION nosuch(int);
DROP FUNCTION nosuch;
DROP FUNCTION add(int, int), add_lax(int, int);
DROP FUNCTION div(a int, b int);
SELECT div(1, 1);
-- volatility: IMMUTABLE in an index expression, VOLATILE rejected
CREATE FUNCTION lower_v(text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower($1) $$;
CREATE INDEX t_lower ON t (lower_v(v));
CREATE FUNCTION vol_v(text) RETURNS text LANGUAGE sql VOLATILE AS $$ SELECT lower($1) $$;
CREATE INDEX t_vol ON t (vol_v(v));
SELECT proname, provolatile, proisstrict, pronargs, pronargdefaults FROM pg_proc WHERE proname IN ('lower_v', 'vol_v', 'greeting', 'add_t') ORDER BY proname;
