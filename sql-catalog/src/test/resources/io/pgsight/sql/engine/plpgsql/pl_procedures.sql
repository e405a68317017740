-- procedures, CALL, variable_conflict, polymorphism, CASE/loops in functions used from SQL
CREATE TABLE accounts (id int PRIMARY KEY, owner text, balance numeric NOT NULL DEFAULT 0);
INSERT INTO accounts VALUES (1, 'ann', 100), (2, 'bob', 50);
CREATE PROCEDURE transfer(from_id int, to_id int, amount numeric) LANGUAGE plpgsql AS $$
BEGIN
  IF amount <= 0 THEN
    RAISE EXCEPTION 'amount must be positive: %', amount;
  END IF;
  UPDATE accounts SET balance = balance - amount WHERE id = from_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no account %', from_id USING ERRCODE = 'no_data_found';
  END IF;
  UPDATE accounts SET balance = balance + amount WHERE id = to_id;
  RAISE NOTICE 'moved % from % to %', amount, from_id, to_id;
END;
$$;
CALL transfer(1, 2, 25);
SELECT * FROM accounts ORDER BY id;
CALL transfer(1, 2, -5);
CALL transfer(9, 2, 5);
CALL transfer(amount => 10, from_id => 2, to_id => 1);
SELECT * FROM accounts ORDER BY id;
SELECT transfer(1, 2, 1);
CALL nosuch_proc(1);
CREATE FUNCTION not_proc() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
CALL not_proc();
CREATE PROCEDURE log_it(msg text DEFAULT 'default message') LANGUAGE plpgsql AS $$
BEGIN
  RAISE NOTICE '%', msg;
END;
$$;
CALL log_it();
CALL log_it('given');
DO $$
BEGIN
  CALL log_it('from DO');
  CALL transfer(2, 1, 0);
END
$$;
CREATE PROCEDURE sql_proc(n int) LANGUAGE sql AS $$ INSERT INTO accounts VALUES (n, 'new', 0) $$;
CALL sql_proc(3);
SELECT count(*) FROM accounts;
DROP PROCEDURE sql_proc(int);
DROP PROCEDURE IF EXISTS sql_proc(int);
-- variable_conflict
CREATE FUNCTION owner_of(id int) RETURNS text LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  o text;
BEGIN
  SELECT owner INTO o FROM accounts WHERE accounts.id = owner_of.id;
  RETURN o;
END;
$$;
SELECT owner_of(2);
CREATE FUNCTION balance_of(id int) RETURNS numeric LANGUAGE plpgsql AS $$
#variable_conflict use_variable
DECLARE
  b numeric;
BEGIN
  SELECT balance INTO b FROM accounts a WHERE a.id = id;
  RETURN b;
END;
$$;
SELECT balance_of(1);
CREATE FUNCTION conflict_default(owner text) RETURNS int LANGUAGE plpgsql AS $$
BEGIN
  RETURN (SELECT count(*) FROM accounts WHERE owner = owner);
END;
$$;
SELECT conflict_default('ann');
-- polymorphic functions
CREATE FUNCTION pick_max(a anyelement, b anyelement) RETURNS anyelement LANGUAGE plpgsql AS $$
BEGIN
  IF a > b THEN
    RETURN a;
  END IF;
  RETURN b;
END;
$$;
SELECT pick_max(1, 2), pick_max('pear'::text, 'apple'), pick_max(2.5, 1.5);
CREATE FUNCTION arr_sum(arr anyarray) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE
  total numeric := 0;
  x numeric;
BEGIN
  FOREACH x IN ARRAY arr LOOP
    total := total + x;
  END LOOP;
  RETURN total;
END;
$$;
SELECT arr_sum(ARRAY[1, 2, 3]), arr_sum(ARRAY[1.5, 2.5]);
-- a function used in WHERE and ORDER BY
CREATE FUNCTION tier(b numeric) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN CASE WHEN b >= 100 THEN 'gold' WHEN b >= 50 THEN 'silver' ELSE 'bronze' END;
END;
$$;
SELECT owner, balance, tier(balance) FROM accounts WHERE tier(balance) <> 'bronze' ORDER BY tier(balance), owner;
-- OUT parameters called in the select list and in FROM
CREATE FUNCTION split_name(full_name text, OUT first text, OUT last text) LANGUAGE plpgsql AS $$
BEGIN
  first := split_part(full_name, ' ', 1);
  last := split_part(full_name, ' ', 2);
END;
$$;
SELECT split_name('Ada Lovelace');
SELECT * FROM split_name('Alan Turing');
SELECT (split_name('Grace Hopper')).last;
-- array element assignment and growth
DO $$
DECLARE
  a int[];
  m int[] := ARRAY[[1,2],[3,4]];
BEGIN
  a[3] := 30;
  a[1] := 10;
  RAISE NOTICE '% %', a, array_lower(a, 1);
  m[2][1] := 33;
  RAISE NOTICE '%', m;
  m[3][1] := 0;
END
$$;
DO $$
DECLARE
  a int[] := '{1,2}';
  i int;
BEGIN
  a[i] := 5;
END
$$;
