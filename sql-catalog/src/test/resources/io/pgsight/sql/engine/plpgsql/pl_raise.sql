-- RAISE levels, formats, USING options, custom SQLSTATEs, EXCEPTION handlers, diagnostics
DO $$
BEGIN
  RAISE NOTICE 'plain';
  RAISE NOTICE 'percent %% literal, value %, null %', 42, NULL;
  RAISE NOTICE 'array % row % text %', ARRAY[1,2], ROW(1, 'a'), 'x''y';
  RAISE INFO 'info %', now() IS NOT NULL;
  RAISE WARNING 'warning with detail' USING DETAIL = 'some detail', HINT = 'some hint';
  RAISE LOG 'log is not sent to the client';
  RAISE DEBUG 'debug is not sent';
  RAISE NOTICE USING MESSAGE = 'message from USING';
END
$$;
SET client_min_messages = warning;
DO $$ BEGIN RAISE NOTICE 'hidden'; RAISE WARNING 'shown'; END $$;
RESET client_min_messages;
DO $$ BEGIN RAISE NOTICE 'too few % %', 1; END $$;
DO $$ BEGIN RAISE NOTICE 'too many %', 1, 2; END $$;
DO $$ BEGIN RAISE EXCEPTION 'boom'; END $$;
DO $$ BEGIN RAISE EXCEPTION 'value % is bad', 7 USING ERRCODE = 'P0099', DETAIL = 'd', HINT = 'h'; END $$;
DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = 'unique_violation', MESSAGE = 'dup key'; END $$;
DO $$ BEGIN RAISE division_by_zero; END $$;
DO $$ BEGIN RAISE SQLSTATE '22012' USING MESSAGE = 'custom div'; END $$;
DO $$ BEGIN RAISE 'default level is exception: %', 'x'; END $$;
DO $$ BEGIN RAISE EXCEPTION 'bad errcode' USING ERRCODE = 'XYZ'; END $$;
DO $$ BEGIN RAISE EXCEPTION 'bad option' USING FOO = 'x'; END $$;
DO $$ BEGIN RAISE nosuch_condition; END $$;
DO $$ BEGIN RAISE; END $$;
-- exception handlers
CREATE TABLE acct (id int PRIMARY KEY, balance numeric CHECK (balance >= 0));
INSERT INTO acct VALUES (1, 100);
DO $$
DECLARE
  v int;
BEGIN
  BEGIN
    v := 1 / 0;
  EXCEPTION WHEN division_by_zero THEN
    RAISE NOTICE 'caught: % (%)', SQLERRM, SQLSTATE;
  END;
  BEGIN
    INSERT INTO acct VALUES (1, 5);
  EXCEPTION WHEN unique_violation THEN
    RAISE NOTICE 'dup: %', SQLERRM;
  END;
  BEGIN
    UPDATE acct SET balance = -1 WHERE id = 1;
  EXCEPTION WHEN check_violation OR not_null_violation THEN
    RAISE NOTICE 'check: %', SQLERRM;
  END;
  BEGIN
    RAISE EXCEPTION 'mine' USING ERRCODE = 'P1234';
  EXCEPTION WHEN SQLSTATE 'P1234' THEN
    RAISE NOTICE 'custom state % %', SQLSTATE, SQLERRM;
  END;
  BEGIN
    PERFORM 'abc'::int;
  EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'others: % %', SQLSTATE, SQLERRM;
  END;
  BEGIN
    SELECT 1 INTO STRICT v FROM acct WHERE id = 99;
  EXCEPTION
    WHEN no_data_found THEN RAISE NOTICE 'no data: %', SQLERRM;
    WHEN too_many_rows THEN RAISE NOTICE 'too many';
  END;
  BEGIN
    RAISE 'plain raise';
  EXCEPTION WHEN raise_exception THEN
    RAISE NOTICE 'raise_exception % %', SQLSTATE, SQLERRM;
  END;
  BEGIN
    PERFORM 1 / 0;
  EXCEPTION WHEN data_exception THEN
    RAISE NOTICE 'class match %', SQLSTATE;
  END;
END
$$;
-- the handler's block rolls back its own work only
DO $$
BEGIN
  UPDATE acct SET balance = 50 WHERE id = 1;
  BEGIN
    UPDATE acct SET balance = 0 WHERE id = 1;
    RAISE EXCEPTION 'undo';
  EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'rolled back inner: %', (SELECT balance FROM acct WHERE id = 1);
  END;
END
$$;
SELECT * FROM acct;
-- an unhandled error propagates with the innermost context
DO $$
BEGIN
  BEGIN
    PERFORM 1 / 0;
  EXCEPTION WHEN unique_violation THEN
    RAISE NOTICE 'wrong handler';
  END;
END
$$;
-- re-raise
DO $$
BEGIN
  BEGIN
    RAISE EXCEPTION 'first' USING ERRCODE = 'P0001', HINT = 'orig hint';
  EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'caught %', SQLERRM;
    RAISE;
  END;
END
$$;
-- error inside the handler
DO $$
BEGIN
  PERFORM 1 / 0;
EXCEPTION WHEN OTHERS THEN
  RAISE EXCEPTION 'handler failed: %', SQLERRM;
END
$$;
-- GET DIAGNOSTICS / GET STACKED DIAGNOSTICS
DO $$
DECLARE
  n bigint;
  st text; msg text; det text; hnt text; ctx text;
BEGIN
  INSERT INTO acct SELECT g, 10 FROM generate_series(2, 4) g;
  GET DIAGNOSTICS n = ROW_COUNT;
  RAISE NOTICE 'inserted %', n;
  UPDATE acct SET balance = balance + 1 WHERE id > 2;
  GET CURRENT DIAGNOSTICS n := ROW_COUNT;
  RAISE NOTICE 'updated %', n;
  PERFORM * FROM acct;
  GET DIAGNOSTICS n = ROW_COUNT;
  RAISE NOTICE 'perform %', n;
  BEGIN
    RAISE EXCEPTION 'diag test' USING DETAIL = 'the detail', HINT = 'the hint', ERRCODE = '22023';
  EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL,
                            hnt = PG_EXCEPTION_HINT, ctx = PG_EXCEPTION_CONTEXT;
    RAISE NOTICE 'st=% msg=% det=% hint=%', st, msg, det, hnt;
    RAISE NOTICE 'ctx=%', ctx;
  END;
  BEGIN
    PERFORM 1 / 0;
  EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS ctx = PG_EXCEPTION_CONTEXT;
    RAISE NOTICE 'ctx2=%', ctx;
  END;
END
$$;
DO $$
DECLARE
  st text;
BEGIN
  GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE;
END
$$;
-- FOUND after statements
DO $$
BEGIN
  PERFORM 1 FROM acct WHERE id = 99;
  RAISE NOTICE 'perform none: %', FOUND;
  PERFORM 1 FROM acct WHERE id = 1;
  RAISE NOTICE 'perform one: %', FOUND;
  UPDATE acct SET balance = balance WHERE id = 99;
  RAISE NOTICE 'update none: %', FOUND;
  DELETE FROM acct WHERE id = 4;
  RAISE NOTICE 'delete one: %', FOUND;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'not found';
  END IF;
END
$$;
-- ASSERT
DO $$ BEGIN ASSERT 1 = 1; ASSERT 2 < 1, 'two is not less than one'; END $$;
DO $$ BEGIN ASSERT false; END $$;
-- a SELECT without INTO
DO $$ BEGIN SELECT 1; END $$;
