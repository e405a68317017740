-- cursors: bound and unbound, OPEN / FETCH / MOVE / CLOSE, FOR over a cursor
CREATE TABLE films (id int, title text, year int);
INSERT INTO films VALUES (1, 'Alien', 1979), (2, 'Brazil', 1985), (3, 'Heat', 1995), (4, 'Up', 2009);
DO $$
DECLARE
  cur CURSOR FOR SELECT id, title FROM films ORDER BY id;
  rec record;
BEGIN
  OPEN cur;
  LOOP
    FETCH cur INTO rec;
    EXIT WHEN NOT FOUND;
    RAISE NOTICE '% %', rec.id, rec.title;
  END LOOP;
  CLOSE cur;
END
$$;
DO $$
DECLARE
  by_year CURSOR (y int) FOR SELECT title FROM films WHERE year > y ORDER BY year;
  t text;
BEGIN
  OPEN by_year(1990);
  FETCH by_year INTO t;
  RAISE NOTICE 'first after 1990: %', t;
  FETCH NEXT FROM by_year INTO t;
  RAISE NOTICE 'next: %', t;
  FETCH by_year INTO t;
  RAISE NOTICE 'past the end: % found %', t, FOUND;
  CLOSE by_year;
  OPEN by_year(y := 1980);
  FETCH by_year INTO t;
  RAISE NOTICE 'reopened: %', t;
  CLOSE by_year;
END
$$;
DO $$
DECLARE
  c refcursor;
  n int;
  t text;
BEGIN
  OPEN c FOR SELECT id, title FROM films WHERE year < 1990 ORDER BY id;
  FETCH c INTO n, t;
  RAISE NOTICE '% %', n, t;
  MOVE c;
  FETCH c INTO n, t;
  RAISE NOTICE 'after move: % % found %', n, t, FOUND;
  CLOSE c;
  OPEN c FOR EXECUTE format('SELECT title FROM %I WHERE year = $1', 'films') USING 2009;
  FETCH c INTO t;
  RAISE NOTICE 'dynamic: %', t;
  CLOSE c;
END
$$;
DO $$
DECLARE
  cur CURSOR FOR SELECT title FROM films ORDER BY id DESC;
BEGIN
  FOR r IN cur LOOP
    RAISE NOTICE 'loop: %', r.title;
  END LOOP;
END
$$;
-- cursor errors
DO $$
DECLARE
  cur CURSOR FOR SELECT 1;
  v int;
BEGIN
  FETCH cur INTO v;
END
$$;
DO $$
DECLARE
  cur CURSOR FOR SELECT 1;
BEGIN
  OPEN cur;
  OPEN cur;
END
$$;
DO $$
DECLARE
  cur CURSOR FOR SELECT 1;
BEGIN
  CLOSE cur;
END
$$;
DO $$
DECLARE
  c refcursor;
  v int;
BEGIN
  FETCH c INTO v;
END
$$;
