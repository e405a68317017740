-- set-returning plpgsql functions in the select list, WITH ORDINALITY, LATERAL; functions in DEFAULT, CHECK and index expressions; defaults and named arguments; procedures' RETURN and INOUT parameters
CREATE FUNCTION evens(n int) RETURNS SETOF int LANGUAGE plpgsql AS $$ BEGIN FOR i IN 1..n LOOP IF i % 2 = 0 THEN RETURN NEXT i; END IF; END LOOP; END $$;
SELECT evens(6);
SELECT * FROM evens(6) WITH ORDINALITY;
SELECT e.* FROM evens(4) e;
CREATE TABLE base (x int);
INSERT INTO base VALUES (2), (4);
SELECT b.x, e FROM base b, LATERAL evens(b.x) e ORDER BY 1, 2;
CREATE FUNCTION next_code() RETURNS text LANGUAGE plpgsql AS $$ BEGIN RETURN 'C-' || (SELECT count(*) + 1 FROM coded); END $$;
CREATE TABLE coded (id serial, code text DEFAULT next_code());
INSERT INTO coded DEFAULT VALUES;
INSERT INTO coded DEFAULT VALUES;
SELECT * FROM coded ORDER BY id;
CREATE FUNCTION is_even(x int) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $$ BEGIN RETURN x % 2 = 0; END $$;
CREATE TABLE evens_only (x int CHECK (is_even(x)));
INSERT INTO evens_only VALUES (2);
INSERT INTO evens_only VALUES (3);
CREATE INDEX ON evens_only (is_even(x));
CREATE PROCEDURE p_ret() LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$;
CREATE PROCEDURE p_inout(INOUT x int) LANGUAGE plpgsql AS $$ BEGIN x := x * 2; END $$;
CREATE FUNCTION add3(a int, b int DEFAULT 1, c int DEFAULT 2) RETURNS int LANGUAGE sql AS $$ SELECT a + b + c $$;
SELECT add3(1), add3(1, 10), add3(1, c => 100), add3(a => 0, b => 0, c => 0);
SELECT add3(b => 1);
SELECT add3(1, a => 2);
CREATE FUNCTION bad_defaults(a int DEFAULT 1, b int) RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
SELECT proname, pronargs, pronargdefaults FROM pg_proc WHERE proname = 'add3';
CALL p_inout(5);
CREATE PROCEDURE p_two(INOUT a int, INOUT b text) LANGUAGE plpgsql AS $$ BEGIN a := a + 1; b := b || '!'; END $$;
CALL p_two(1, 'hi');
-- CALL with INOUT arguments inside PL/pgSQL
CREATE PROCEDURE dbl(INOUT x int) LANGUAGE plpgsql AS $$ BEGIN x := x * 2; END $$;
CREATE PROCEDURE stats(IN n int, INOUT total int, INOUT label text) LANGUAGE plpgsql AS $$ BEGIN total := n * 10; label := 'n=' || n; END $$;
DO $$
DECLARE
  v int := 21;
  t int;
  l text;
BEGIN
  CALL dbl(v);
  RAISE NOTICE 'v=%', v;
  CALL stats(3, t, l);
  RAISE NOTICE 't=% l=%', t, l;
  CALL dbl(5);
END
$$;
