-- EXECUTE with format() and USING, INTO, dynamic DDL, quoting
CREATE TABLE logs (id serial, msg text, lvl int);
DO $$
DECLARE
  tbl text := 'logs';
  n bigint;
  m text;
BEGIN
  EXECUTE format('INSERT INTO %I (msg, lvl) VALUES ($1, $2)', tbl) USING 'hello', 1;
  EXECUTE format('INSERT INTO %I (msg, lvl) VALUES (%L, %s)', tbl, 'it''s', 2);
  GET DIAGNOSTICS n = ROW_COUNT;
  RAISE NOTICE 'rows %', n;
  EXECUTE 'SELECT count(*) FROM ' || quote_ident(tbl) INTO n;
  RAISE NOTICE 'count %', n;
  EXECUTE format('SELECT msg FROM %I WHERE lvl = $1', tbl) INTO m USING 2;
  RAISE NOTICE 'msg %', m;
  EXECUTE 'SELECT msg FROM logs WHERE lvl > $1' INTO m USING 100;
  RAISE NOTICE 'none: % found %', m, FOUND;
  EXECUTE 'CREATE TABLE dyn_' || 'made (a int)';
  EXECUTE 'INSERT INTO dyn_made SELECT generate_series(1, 3)';
  GET DIAGNOSTICS n = ROW_COUNT;
  RAISE NOTICE 'dyn rows %', n;
END
$$;
SELECT * FROM logs ORDER BY id;
SELECT count(*) FROM dyn_made;
DO $$
DECLARE
  m text;
BEGIN
  EXECUTE 'SELECT msg FROM logs' INTO STRICT m;
END
$$;
DO $$
DECLARE
  m text;
BEGIN
  EXECUTE 'SELECT msg FROM logs WHERE false' INTO STRICT m;
END
$$;
DO $$
BEGIN
  EXECUTE 'SELECT * FROM no_such_table';
END
$$;
DO $$
BEGIN
  EXECUTE NULL;
END
$$;
DO $$
BEGIN
  EXECUTE 'SELEC 1';
END
$$;
DO $$
BEGIN
  EXECUTE format('SELECT %s / 0', 1);
END
$$;
CREATE FUNCTION count_rows(tab text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  c bigint;
BEGIN
  EXECUTE format('SELECT count(*) FROM %I', tab) INTO c;
  RETURN c;
END;
$$;
SELECT count_rows('logs'), count_rows('dyn_made');
SELECT count_rows('missing');
-- RETURN QUERY EXECUTE
CREATE FUNCTION lvl_msgs(min_lvl int) RETURNS SETOF text LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY EXECUTE 'SELECT msg FROM logs WHERE lvl >= $1 ORDER BY id' USING min_lvl;
END;
$$;
SELECT * FROM lvl_msgs(1);
SELECT * FROM lvl_msgs(2);
