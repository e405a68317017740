-- RETURN QUERY result checks, CREATE OR REPLACE of OUT rows, STRICT plpgsql functions, assignment forms
CREATE TABLE pt (id int, name text, score numeric);
INSERT INTO pt VALUES (1, 'a', 1.5), (2, 'b', 2.5);
CREATE FUNCTION q1() RETURNS TABLE (id int, name text) LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY SELECT id, name FROM pt;
END;
$$;
SELECT * FROM q1();
CREATE FUNCTION q2() RETURNS TABLE (k int, v text) LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY SELECT id, score FROM pt;
END;
$$;
SELECT * FROM q2();
CREATE FUNCTION q3() RETURNS TABLE (k int, v text) LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY SELECT id FROM pt;
END;
$$;
SELECT * FROM q3();
CREATE FUNCTION q4() RETURNS SETOF int LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY SELECT id::bigint FROM pt;
END;
$$;
SELECT * FROM q4();
DO $$ DECLARE n int; BEGIN n := count(*) FROM pt; RAISE NOTICE 'n=%', n; END $$;
DO $$ DECLARE r record; BEGIN SELECT * INTO r FROM pt WHERE id = 2; RAISE NOTICE 'r=% name=%', r, r.name; END $$;
CREATE FUNCTION sq(x int) RETURNS int LANGUAGE plpgsql IMMUTABLE STRICT AS $$ BEGIN RAISE NOTICE 'called'; RETURN x * x; END $$;
SELECT sq(NULL) IS NULL AS null_in, sq(3);
CREATE OR REPLACE FUNCTION sq(x int) RETURNS bigint LANGUAGE plpgsql AS $$ BEGIN RETURN x * x; END $$;
CREATE FUNCTION outs(OUT a int, OUT b int) LANGUAGE plpgsql AS $$ BEGIN a := 1; b := 2; END $$;
CREATE OR REPLACE FUNCTION outs(OUT a int, OUT c text) LANGUAGE plpgsql AS $$ BEGIN a := 1; c := 'x'; END $$;
SELECT sq('x');
SELECT sq(1, 2);
DO $$ BEGIN FOR i IN 2147483646..2147483647 LOOP RAISE NOTICE '%', i; END LOOP; END $$;
DO $$ DECLARE i int := 2147483647; BEGIN i := i + 1; END $$;
DO $$ BEGIN EXECUTE 'CREATE TABLE dyn_' || 'x (a int)'; EXECUTE format('INSERT INTO %I VALUES (%s)', 'dyn_x', 5); END $$;
SELECT * FROM dyn_x;
DO $$ DECLARE t text := 'pt'; BEGIN DELETE FROM t; END $$;
DO $$ DECLARE v text; BEGIN v := (SELECT name FROM pt); END $$;
DO $$ DECLARE v text; BEGIN SELECT name FROM pt INTO v WHERE id = 1; RAISE NOTICE '%', v; END $$;
CREATE FUNCTION cnt() RETURNS int AS $$ SELECT count(*) FROM pt $$ LANGUAGE sql;
DO $$ BEGIN RAISE NOTICE 'count is %', cnt(); END $$;
DO $$ BEGIN RAISE NOTICE 'x' USING DETAIL = 'd'; END $$;
DO $$ BEGIN RAISE EXCEPTION 'e' USING DETAIL = 'd', HINT = 'h', ERRCODE = '23505'; EXCEPTION WHEN unique_violation THEN RAISE NOTICE 'caught %', SQLSTATE; END $$;
DO $$ BEGIN RAISE WARNING USING MESSAGE = 'only message'; END $$;
DO $$ DECLARE x int; BEGIN x := NULL; IF x IS NULL THEN RAISE NOTICE 'null'; END IF; IF x = 1 THEN ELSE RAISE NOTICE 'else'; END IF; END $$;
DO $$ DECLARE x numeric(5,2) := 3.14159; y text := 42; z boolean := 'yes'; BEGIN RAISE NOTICE '% % %', x, y, z; END $$;
DO $$ DECLARE a int[] := ARRAY[1,2,3]; BEGIN RAISE NOTICE '% %', a[2], array_length(a, 1); END $$;
DO $$ DECLARE j jsonb := '{"a": 1}'; BEGIN RAISE NOTICE '%', j->>'a'; END $$;
