-- IF / CASE / loops with labels / FOR variants / FOREACH
CREATE FUNCTION grade(score int) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  IF score >= 90 THEN
    RETURN 'A';
  ELSIF score >= 80 THEN
    RETURN 'B';
  ELSEIF score >= 70 THEN
    RETURN 'C';
  ELSE
    RETURN 'F';
  END IF;
END;
$$;
SELECT s, grade(s) FROM (VALUES (95), (85), (75), (10), (NULL)) t(s);
CREATE FUNCTION day_kind(d int) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  k text;
BEGIN
  CASE d
    WHEN 0, 6 THEN k := 'weekend';
    WHEN 1, 2, 3, 4, 5 THEN k := 'weekday';
  END CASE;
  RETURN k;
END;
$$;
SELECT day_kind(0), day_kind(3);
SELECT day_kind(9);
CREATE FUNCTION sign_of(x numeric) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  CASE
    WHEN x < 0 THEN RETURN 'neg';
    WHEN x = 0 THEN RETURN 'zero';
    ELSE RETURN 'pos';
  END CASE;
END;
$$;
SELECT sign_of(-2), sign_of(0), sign_of(3.5);
DO $$
BEGIN
  CASE
    WHEN 1 = 2 THEN RAISE NOTICE 'no';
  END CASE;
END
$$;
-- LOOP / EXIT / CONTINUE with WHEN and labels
DO $$
DECLARE
  i int := 0;
  s text := '';
BEGIN
  LOOP
    i := i + 1;
    EXIT WHEN i > 10;
    CONTINUE WHEN i % 2 = 0;
    s := s || i || ' ';
  END LOOP;
  RAISE NOTICE 'odd: %', s;
  <<outer>>
  FOR a IN 1..3 LOOP
    <<inner>>
    FOR b IN 1..3 LOOP
      CONTINUE outer WHEN b > a;
      IF a = 3 AND b = 2 THEN
        EXIT outer;
      END IF;
      RAISE NOTICE 'a=% b=%', a, b;
    END LOOP inner;
  END LOOP outer;
  <<blk>>
  BEGIN
    RAISE NOTICE 'in block';
    EXIT blk;
    RAISE NOTICE 'not reached';
  END blk;
  RAISE NOTICE 'after block';
END
$$;
-- WHILE
DO $$
DECLARE
  n int := 1;
BEGIN
  WHILE n < 100 LOOP
    n := n * 3;
  END LOOP;
  RAISE NOTICE 'n=%', n;
  WHILE NULL LOOP
    RAISE NOTICE 'never';
  END LOOP;
END
$$;
-- FOR i IN [REVERSE] a..b [BY n]
DO $$
DECLARE
  s text := '';
BEGIN
  FOR i IN 1..10 BY 3 LOOP
    s := s || i || ',';
  END LOOP;
  FOR i IN REVERSE 10..1 BY 4 LOOP
    s := s || i || ';';
  END LOOP;
  FOR i IN 5..1 LOOP
    s := s || 'never';
  END LOOP;
  RAISE NOTICE '% found=%', s, FOUND;
  FOR i IN 1.4..3.6 LOOP
    RAISE NOTICE 'numeric bound i=%', i;
  END LOOP;
END
$$;
DO $$
BEGIN
  FOR i IN 1..3 BY 0 LOOP
  END LOOP;
END
$$;
DO $$
BEGIN
  FOR i IN 1..NULL LOOP
  END LOOP;
END
$$;
-- the loop variable is local to the loop
DO $$
DECLARE
  i int := 42;
BEGIN
  FOR i IN 1..2 LOOP
    RAISE NOTICE 'inner i=%', i;
  END LOOP;
  RAISE NOTICE 'outer i=%', i;
END
$$;
-- FOR rec IN query / EXECUTE
CREATE TABLE items (id int, label text, qty int);
INSERT INTO items VALUES (1, 'pen', 10), (2, 'ink', 0), (3, 'pad', 5);
DO $$
DECLARE
  r record;
  total int := 0;
BEGIN
  FOR r IN SELECT * FROM items ORDER BY id LOOP
    RAISE NOTICE '% -> % (%)', r.id, r.label, r.qty;
    total := total + r.qty;
  END LOOP;
  RAISE NOTICE 'total % found %', total, FOUND;
  FOR r IN EXECUTE 'SELECT label FROM items WHERE qty > $1 ORDER BY label' USING 1 LOOP
    RAISE NOTICE 'stock: %', r.label;
  END LOOP;
  FOR r IN SELECT * FROM items WHERE false LOOP
  END LOOP;
  RAISE NOTICE 'found after empty loop: %', FOUND;
END
$$;
DO $$
DECLARE
  i int;
  l text;
BEGIN
  FOR i, l IN SELECT id, label FROM items ORDER BY id DESC LOOP
    RAISE NOTICE '%:%', i, l;
  END LOOP;
END
$$;
-- FOREACH
DO $$
DECLARE
  x int;
  total int := 0;
  m int[];
  t text;
BEGIN
  FOREACH x IN ARRAY ARRAY[1, 2, 3, 4] LOOP
    total := total + x;
  END LOOP;
  RAISE NOTICE 'sum %', total;
  FOREACH t IN ARRAY string_to_array('a,b,c', ',') LOOP
    RAISE NOTICE 'item %', t;
  END LOOP;
  FOREACH m SLICE 1 IN ARRAY ARRAY[[1,2],[3,4]] LOOP
    RAISE NOTICE 'row %', m;
  END LOOP;
END
$$;
DO $$
DECLARE
  x int;
BEGIN
  FOREACH x IN ARRAY NULL::int[] LOOP
  END LOOP;
END
$$;
DO $$
DECLARE
  x int;
BEGIN
  FOREACH x IN ARRAY 5 LOOP
  END LOOP;
END
$$;
-- EXIT outside a loop, bad label
DO $$
BEGIN
  EXIT;
END
$$;
DO $$
BEGIN
  LOOP
    EXIT nosuch;
  END LOOP;
END
$$;
DO $$
BEGIN
  IF 1 = 1 THEN
    RAISE NOTICE 'missing end if';
END
$$;
