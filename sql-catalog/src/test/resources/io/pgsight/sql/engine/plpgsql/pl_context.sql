-- CONTEXT lines of errors raised inside functions, DO blocks and the SQL they run
CREATE TABLE orders (id int PRIMARY KEY, qty int NOT NULL, price numeric);
INSERT INTO orders VALUES (1, 2, 9.5), (2, 0, 3), (3, 5, NULL);
CREATE FUNCTION check_qty(q int) RETURNS int LANGUAGE plpgsql AS $$
BEGIN
  IF q <= 0 THEN
    RAISE EXCEPTION 'quantity must be positive, got %', q
      USING ERRCODE = 'check_violation', HINT = 'fix the order';
  END IF;
  RETURN q;
END;
$$;
SELECT id, check_qty(qty) FROM orders ORDER BY id;
-- a function called from an SQL statement inside a DO block
DO $$
DECLARE
  total int := 0;
BEGIN
  SELECT sum(check_qty(qty)) INTO total FROM orders;
END
$$;
-- a function called in a loop query
DO $$
DECLARE
  r record;
BEGIN
  FOR r IN SELECT id, check_qty(qty) AS q FROM orders LOOP
    RAISE NOTICE 'order % qty %', r.id, r.q;
  END LOOP;
END
$$;
-- three levels of functions
CREATE FUNCTION level3(x int) RETURNS int LANGUAGE plpgsql AS $$
BEGIN
  RETURN 100 / x;
END;
$$;
CREATE FUNCTION level2(x int) RETURNS int LANGUAGE plpgsql AS $$
DECLARE
  v int;
BEGIN
  SELECT level3(x) INTO v;
  RETURN v;
END;
$$;
CREATE FUNCTION level1(x int) RETURNS int LANGUAGE plpgsql AS $$
BEGIN
  PERFORM level2(x);
  RETURN 1;
END;
$$;
SELECT level1(5);
SELECT level1(0);
-- constraint violations inside functions
CREATE FUNCTION add_order(i int, q int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO orders VALUES (i, q, 1);
END;
$$;
SELECT add_order(4, 1);
SELECT add_order(4, 1);
SELECT add_order(5, NULL);
-- an SQL function called from PL/pgSQL
CREATE FUNCTION sql_div(a int, b int) RETURNS int LANGUAGE sql AS $$ SELECT a / b FROM orders LIMIT 1 $$;
DO $$
BEGIN
  PERFORM sql_div(1, 0);
END
$$;
-- errors in nested blocks and handlers
DO $$
BEGIN
  BEGIN
    BEGIN
      RAISE EXCEPTION 'deep error';
    END;
  END;
END
$$;
DO $$
DECLARE
  v int;
BEGIN
  BEGIN
    v := 1 / 0;
  EXCEPTION WHEN division_by_zero THEN
    INSERT INTO orders VALUES (1, 1, 1);
  END;
END
$$;
-- an error in a variable's default
CREATE FUNCTION bad_default() RETURNS int LANGUAGE plpgsql AS $$
DECLARE
  x int := 'nope';
BEGIN
  RETURN x;
END;
$$;
SELECT bad_default();
-- errors in dynamic SQL inside functions
CREATE FUNCTION dyn_count(t text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  n bigint;
BEGIN
  EXECUTE 'SELECT count(*) FROM ' || t INTO n;
  RETURN n;
END;
$$;
SELECT dyn_count('orders');
SELECT dyn_count('nosuch');
-- errors in conditions and loop bounds
DO $$
DECLARE
  lim int;
BEGIN
  FOR i IN 1..lim LOOP
  END LOOP;
END
$$;
DO $$
DECLARE
  s text := 'x';
BEGIN
  WHILE s::int > 0 LOOP
  END LOOP;
END
$$;
-- a NOTICE raised inside a function shows no CONTEXT
CREATE FUNCTION noisy(x int) RETURNS int LANGUAGE plpgsql AS $$
BEGIN
  RAISE NOTICE 'noisy(%)', x;
  RETURN x;
END;
$$;
SELECT noisy(1) + noisy(2) AS total;
-- the error's context as the handler sees it
CREATE FUNCTION ctx_of_error() RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  c text;
BEGIN
  PERFORM level1(0);
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS c = PG_EXCEPTION_CONTEXT;
  RETURN c;
END;
$$;
SELECT ctx_of_error();
