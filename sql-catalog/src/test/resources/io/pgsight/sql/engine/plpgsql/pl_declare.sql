-- DECLARE forms, assignment, SELECT INTO [STRICT]
CREATE TABLE emp (id int PRIMARY KEY, name text NOT NULL, salary numeric(10,2), dept text);
INSERT INTO emp VALUES (1, 'alice', 5000, 'eng'), (2, 'bob', 4000, 'eng'), (3, 'carol', 6000, 'ops');
DO $$
DECLARE
  a integer := 10;
  b integer DEFAULT 20;
  c CONSTANT text := 'const';
  d numeric NOT NULL := 1.5;
  e emp.name%TYPE;
  f a%TYPE := 7;
  r emp%ROWTYPE;
  rec record;
  g varchar(3) := 'abc';
  h boolean;
BEGIN
  RAISE NOTICE 'a=% b=% c=% d=% e=% f=% g=% h=%', a, b, c, d, e, f, g, h;
  a := a + 1;
  b = b * 2;
  SELECT * INTO r FROM emp WHERE id = 1;
  RAISE NOTICE 'r=% name=% salary=%', r, r.name, r.salary;
  SELECT id, name INTO rec FROM emp WHERE id = 2;
  RAISE NOTICE 'rec=% rec.name=%', rec, rec.name;
  SELECT name INTO e FROM emp WHERE id = 3;
  RAISE NOTICE 'a=% b=% e=%', a, b, e;
END
$$;
-- CONSTANT cannot be assigned
DO $$
DECLARE
  c CONSTANT int := 1;
BEGIN
  c := 2;
END
$$;
-- NOT NULL without a default
DO $$
DECLARE
  x int NOT NULL;
BEGIN
  RAISE NOTICE 'x=%', x;
END
$$;
-- NOT NULL assigned a null
DO $$
DECLARE
  x int NOT NULL := 1;
BEGIN
  x := NULL;
END
$$;
-- unknown type
DO $$
DECLARE
  x nosuchtype;
BEGIN
  NULL;
END
$$;
-- %TYPE of a missing column
DO $$
DECLARE
  x emp.nosuch%TYPE;
BEGIN
  NULL;
END
$$;
-- undeclared variable
DO $$
BEGIN
  y := 1;
END
$$;
-- assignment with a type error
DO $$
DECLARE
  n int;
BEGIN
  n := 'x' || 'y';
END
$$;
-- varchar length on assignment
DO $$
DECLARE
  v varchar(2);
BEGIN
  v := 'abcdef';
END
$$;
-- SELECT INTO with no row leaves NULL, FOUND false
DO $$
DECLARE
  n text := 'before';
BEGIN
  SELECT name INTO n FROM emp WHERE id = 99;
  RAISE NOTICE 'n=% found=%', n, FOUND;
  SELECT name INTO n FROM emp WHERE dept = 'eng' ORDER BY id;
  RAISE NOTICE 'n=% found=%', n, FOUND;
END
$$;
-- INTO STRICT errors
DO $$
DECLARE
  n text;
BEGIN
  SELECT name INTO STRICT n FROM emp WHERE id = 99;
END
$$;
DO $$
DECLARE
  n text;
BEGIN
  SELECT name INTO STRICT n FROM emp WHERE dept = 'eng';
END
$$;
CREATE FUNCTION emp_name(p_id int) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  n text;
BEGIN
  SELECT name INTO STRICT n FROM emp WHERE id = p_id;
  RETURN n;
END;
$$;
SELECT emp_name(1);
SELECT emp_name(42);
-- INTO STRICT with parameter values in DETAIL (print_strict_params)
CREATE FUNCTION emp_by_dept(p_dept text) RETURNS text LANGUAGE plpgsql AS $$
#print_strict_params on
DECLARE
  n text;
BEGIN
  SELECT name INTO STRICT n FROM emp WHERE dept = p_dept;
  RETURN n;
END;
$$;
SELECT emp_by_dept('ops');
SELECT emp_by_dept('eng');
SELECT emp_by_dept('none');
CREATE FUNCTION emp_in(p_dept text, p_min numeric) RETURNS text LANGUAGE plpgsql AS $$
#print_strict_params on
DECLARE
  n text;
  lim int := 1;
BEGIN
  SELECT name INTO STRICT n FROM emp WHERE dept = p_dept AND salary >= p_min AND id >= lim;
  RETURN n;
END;
$$;
SELECT emp_in('eng', 0);
SELECT emp_in('it''s', NULL);
-- INSERT ... RETURNING INTO
DO $$
DECLARE
  new_id int;
BEGIN
  INSERT INTO emp VALUES (4, 'dave', 3000, 'ops') RETURNING id INTO new_id;
  RAISE NOTICE 'inserted %', new_id;
  UPDATE emp SET salary = salary + 1 WHERE id = 4 RETURNING salary INTO d;
END
$$;
DO $$
DECLARE
  s numeric;
BEGIN
  UPDATE emp SET salary = salary + 1 WHERE dept = 'eng' RETURNING salary INTO s;
  RAISE NOTICE 's=%', s;
END
$$;
DO $$
DECLARE
  s numeric;
BEGIN
  UPDATE emp SET salary = salary + 1 WHERE dept = 'eng' RETURNING salary INTO STRICT s;
END
$$;
-- too many / too few INTO targets
DO $$
DECLARE
  a int; b text;
BEGIN
  SELECT id, name, salary INTO a, b FROM emp WHERE id = 1;
  RAISE NOTICE 'a=% b=%', a, b;
  SELECT id INTO a, b FROM emp WHERE id = 2;
  RAISE NOTICE 'a=% b=%', a, b;
END
$$;
-- record field that does not exist
DO $$
DECLARE
  r record;
BEGIN
  SELECT id INTO r FROM emp WHERE id = 1;
  RAISE NOTICE '%', r.nosuch;
END
$$;
-- unassigned record
DO $$
DECLARE
  r record;
BEGIN
  RAISE NOTICE '%', r.id;
END
$$;
-- row field assignment
DO $$
DECLARE
  r emp%ROWTYPE;
BEGIN
  r.id := 10;
  r.name := 'zed';
  RAISE NOTICE '%', r;
  INSERT INTO emp SELECT r.*;
  RAISE NOTICE '%', (SELECT count(*) FROM emp);
END
$$;
-- r.* of a row variable in a query
DO $$
DECLARE
  r emp%ROWTYPE;
  s record;
BEGIN
  SELECT * INTO r FROM emp WHERE id = 1;
  SELECT r.* INTO s;
  RAISE NOTICE '% %', s.name, s.salary;
  FOR s IN SELECT r.*, 'extra' AS tag LOOP
    RAISE NOTICE '%', s;
  END LOOP;
END
$$;
-- array element assignment
DO $$
DECLARE
  arr int[] := ARRAY[1,2,3];
BEGIN
  arr[2] := 20;
  arr[5] := 50;
  RAISE NOTICE '% %', arr, array_length(arr, 1);
END
$$;
