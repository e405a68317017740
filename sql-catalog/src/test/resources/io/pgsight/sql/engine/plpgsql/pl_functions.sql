-- functions: RETURNS SETOF / TABLE / OUT parameters, RETURN QUERY, recursion, defaults, named notation
CREATE TABLE prod (id int, name text, price numeric, cat text);
INSERT INTO prod VALUES (1, 'apple', 1.20, 'fruit'), (2, 'pear', 0.90, 'fruit'), (3, 'kale', 2.50, 'veg');
CREATE FUNCTION by_cat(c text) RETURNS SETOF prod LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY SELECT * FROM prod WHERE cat = c ORDER BY id;
END;
$$;
SELECT * FROM by_cat('fruit');
SELECT name FROM by_cat('veg');
CREATE FUNCTION price_list(min_price numeric DEFAULT 0) RETURNS TABLE (product text, cost numeric)
LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY SELECT p.name, p.price FROM prod p WHERE p.price >= min_price ORDER BY p.price;
END;
$$;
SELECT * FROM price_list();
SELECT * FROM price_list(1);
SELECT * FROM price_list(min_price => 2);
CREATE FUNCTION rows_next(n int) RETURNS TABLE (i int, sq int) LANGUAGE plpgsql AS $$
BEGIN
  FOR k IN 1..n LOOP
    i := k;
    sq := k * k;
    RETURN NEXT;
  END LOOP;
END;
$$;
SELECT * FROM rows_next(3);
CREATE FUNCTION stats(OUT lo numeric, OUT hi numeric, OUT n int) LANGUAGE plpgsql AS $$
BEGIN
  SELECT min(price), max(price), count(*) INTO lo, hi, n FROM prod;
END;
$$;
SELECT * FROM stats();
SELECT stats();
SELECT (stats()).hi;
CREATE FUNCTION add_mul(a int, b int, OUT sum int, OUT product int) AS $$
BEGIN
  sum := a + b;
  product := a * b;
END;
$$ LANGUAGE plpgsql;
SELECT * FROM add_mul(3, 4);
CREATE FUNCTION next_rows(n int) RETURNS SETOF prod LANGUAGE plpgsql AS $$
DECLARE
  r prod%ROWTYPE;
BEGIN
  FOR r IN SELECT * FROM prod ORDER BY id DESC LIMIT n LOOP
    RETURN NEXT r;
  END LOOP;
  RETURN;
END;
$$;
SELECT * FROM next_rows(2);
CREATE FUNCTION fact(n int) RETURNS numeric LANGUAGE plpgsql AS $$
BEGIN
  IF n <= 1 THEN
    RETURN 1;
  END IF;
  RETURN n * fact(n - 1);
END;
$$;
SELECT fact(5), fact(20);
CREATE FUNCTION shout(t text) RETURNS text LANGUAGE plpgsql AS $$ BEGIN RETURN upper(t) || '!'; END $$;
CREATE FUNCTION greet(who text, greeting text DEFAULT 'hello') RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  RETURN shout(greeting || ' ' || who);
END;
$$;
SELECT greet('bob'), greet('ann', 'hi'), greet(greeting => 'yo', who => 'cy'), greet('x', greeting => 'hey');
SELECT greet();
SELECT greet(nobody => 'x');
-- functions with no RETURN
CREATE FUNCTION no_return(x int) RETURNS int LANGUAGE plpgsql AS $$
BEGIN
  IF x > 0 THEN
    RETURN x;
  END IF;
END;
$$;
SELECT no_return(1);
SELECT no_return(-1);
CREATE FUNCTION do_nothing() RETURNS void LANGUAGE plpgsql AS $$ BEGIN PERFORM 1; END $$;
SELECT do_nothing();
-- RETURN type conversion errors
CREATE FUNCTION bad_ret() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 'oops'; END $$;
SELECT bad_ret();
-- errors from nested calls show each frame
CREATE FUNCTION inner_fail(x int) RETURNS int LANGUAGE plpgsql AS $$
BEGIN
  IF x < 0 THEN
    RAISE EXCEPTION 'negative: %', x;
  END IF;
  RETURN x;
END;
$$;
CREATE FUNCTION outer_call(x int) RETURNS int LANGUAGE plpgsql AS $$
DECLARE
  v int;
BEGIN
  v := inner_fail(x);
  RETURN v + 1;
END;
$$;
SELECT outer_call(1);
SELECT outer_call(-1);
DO $$
BEGIN
  PERFORM outer_call(-2);
END
$$;
-- variable shadowing and nested blocks
CREATE FUNCTION shadow(x int) RETURNS text LANGUAGE plpgsql AS $$
<<fn>>
DECLARE
  y int := 1;
BEGIN
  DECLARE
    y int := 2;
  BEGIN
    DECLARE
      y int := 3;
    BEGIN
      RETURN format('x=% inner=% outer=% fn.x=%', x, y, fn.y, shadow.x);
    END;
  END;
END;
$$;
SELECT shadow(9);
-- parameter names conflicting with columns
CREATE FUNCTION price_of(name text) RETURNS numeric LANGUAGE plpgsql AS $$
BEGIN
  RETURN (SELECT price FROM prod WHERE prod.name = price_of.name);
END;
$$;
SELECT price_of('kale');
CREATE FUNCTION ambiguous(id int) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  n text;
BEGIN
  SELECT name INTO n FROM prod WHERE id = id;
  RETURN n;
END;
$$;
SELECT ambiguous(1);
-- RETURNS SETOF with RETURN NEXT errors
CREATE FUNCTION not_setof() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN NEXT 1; END $$;
CREATE FUNCTION setof_ret() RETURNS SETOF int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$;
-- $n parameters and ALIAS
CREATE FUNCTION concat3(text, text, text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  first ALIAS FOR $1;
BEGIN
  RETURN first || $2 || $3;
END;
$$;
SELECT concat3('a', 'b', 'c');
-- polymorphic
CREATE FUNCTION first_elem(arr anyarray) RETURNS anyelement LANGUAGE plpgsql AS $$
BEGIN
  RETURN arr[1];
END;
$$;
SELECT first_elem(ARRAY[10, 20]), first_elem(ARRAY['x', 'y']);
-- procedures
CREATE PROCEDURE add_prod(p_name text, p_price numeric) LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO prod VALUES ((SELECT max(id) + 1 FROM prod), p_name, p_price, 'misc');
END;
$$;
CALL add_prod('nut', 3.10);
SELECT * FROM prod WHERE cat = 'misc';
SELECT add_prod('x', 1);
