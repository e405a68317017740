-- COMMIT / ROLLBACK in DO blocks and procedures, and where they are not allowed
CREATE TABLE t6 (id int, v text);
DO $$ BEGIN INSERT INTO t6 VALUES (3, 'c'); RAISE NOTICE 'rows now %', (SELECT count(*) FROM t6); ROLLBACK; END $$;
SELECT count(*) FROM t6;
DO $$ BEGIN INSERT INTO t6 VALUES (4, 'd'); COMMIT; INSERT INTO t6 VALUES (5, 'e'); ROLLBACK; END $$;
SELECT * FROM t6 ORDER BY id;
CREATE PROCEDURE tx() LANGUAGE plpgsql AS $$ BEGIN INSERT INTO t6 VALUES (10, 'x'); COMMIT; INSERT INTO t6 VALUES (11, 'y'); ROLLBACK; END $$;
CALL tx();
SELECT * FROM t6 ORDER BY id;
CREATE PROCEDURE batches() LANGUAGE plpgsql AS $$
BEGIN
  FOR i IN 1..3 LOOP
    INSERT INTO t6 VALUES (100 + i, 'batch');
    IF i % 2 = 0 THEN COMMIT; ELSE ROLLBACK; END IF;
  END LOOP;
END $$;
CALL batches();
SELECT * FROM t6 WHERE v = 'batch' ORDER BY id;
BEGIN;
CALL tx();
ROLLBACK;
CREATE FUNCTION f_commit() RETURNS int LANGUAGE plpgsql AS $$ BEGIN COMMIT; RETURN 1; END $$;
SELECT f_commit();
DO $$ BEGIN BEGIN COMMIT; EXCEPTION WHEN division_by_zero THEN NULL; END; END $$;
CREATE PROCEDURE fails_after_commit() LANGUAGE plpgsql AS $$ BEGIN INSERT INTO t6 VALUES (200, 'kept'); COMMIT; INSERT INTO t6 VALUES (201, 'lost'); PERFORM 1/0; END $$;
CALL fails_after_commit();
SELECT * FROM t6 WHERE id >= 200 ORDER BY id;
CREATE PROCEDURE outer_p() LANGUAGE plpgsql AS $$ BEGIN CALL tx(); END $$;
CALL outer_p();
SELECT count(*) FROM t6 WHERE id = 10;
