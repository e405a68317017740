-- function definition forms: LANGUAGE required, quoted language, dollar tags, options, SETOF record with a
-- column definition list, SQL-standard RETURN bodies, DO LANGUAGE, NULL handling
CREATE TABLE t4 (id int, v text);
INSERT INTO t4 VALUES (1, 'a'), (2, NULL);
CREATE FUNCTION nolang() RETURNS int AS 'SELECT 1';
CREATE FUNCTION quoted_lang() RETURNS int AS $$ BEGIN RETURN 7; END $$ LANGUAGE 'plpgsql';
SELECT quoted_lang();
CREATE FUNCTION tagged(x int) RETURNS int AS $body$
BEGIN
  IF EXISTS (SELECT 1 FROM t4 WHERE id = x) THEN
    RETURN 1;
  END IF;
  RETURN 0;
END;
$body$ LANGUAGE plpgsql SECURITY DEFINER SET search_path = public;
SELECT tagged(1), tagged(5);
CREATE FUNCTION recs() RETURNS SETOF record LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  FOR r IN SELECT id, v FROM t4 LOOP RETURN NEXT r; END LOOP;
END $$;
SELECT * FROM recs() AS x(id int, v text);
SELECT * FROM recs();
SELECT * FROM tagged(1) AS x(a int);
DO $$ DECLARE r record; BEGIN SELECT * INTO r FROM t4 WHERE id = 9; IF r IS NULL THEN RAISE NOTICE 'no row'; END IF; IF NOT FOUND THEN RAISE NOTICE 'not found'; END IF; END $$;
DO $$ DECLARE s text; BEGIN s := 'a' || NULL; RAISE NOTICE 's=%', s; s := concat('a', NULL, 'b'); RAISE NOTICE 's=%', s; END $$;
CREATE FUNCTION sql_ret(x int) RETURNS int LANGUAGE sql RETURN x * 2;
SELECT sql_ret(21);
DO LANGUAGE plpgsql $$ BEGIN RAISE NOTICE 'lang first'; END $$;
DO $$ BEGIN RAISE NOTICE '%', (SELECT string_agg(v, ',') FROM t4); END $$;
DO $$ DECLARE v_count int; BEGIN SELECT COUNT(*) INTO v_count FROM t4; RAISE NOTICE 'Count: %', v_count; END $$;
DO $$ DECLARE x int := 5; BEGIN RAISE NOTICE 'x is %', x::text || '!'; END $$;
DO $$ BEGIN RAISE NOTICE '%', format('%s-%s', 'a', 1); END $$;
DO LANGUAGE plperl $$ 1; $$;
SELECT proname, prosrc FROM pg_proc WHERE proname = 'quoted_lang';
COMMENT ON FUNCTION tagged(int) IS 'tagged fn';
SELECT obj_description('tagged'::regproc, 'pg_proc');
COMMENT ON FUNCTION tagged(text) IS 'no such overload';
