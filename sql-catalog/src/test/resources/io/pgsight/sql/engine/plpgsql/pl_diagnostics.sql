-- GET STACKED DIAGNOSTICS object names of constraint errors and RAISE USING options, PG_CONTEXT, RAISE option errors
CREATE TABLE parent (id int PRIMARY KEY);
CREATE TABLE child (id int PRIMARY KEY, pid int REFERENCES parent(id), amount numeric CHECK (amount > 0), note text NOT NULL);
DO $$
DECLARE
  st text; col text; cons text; tab text; sch text; dt text; msg text; det text;
BEGIN
  BEGIN
    INSERT INTO child VALUES (1, 99, 5, 'x');
  EXCEPTION WHEN foreign_key_violation THEN
    GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, cons = CONSTRAINT_NAME, tab = TABLE_NAME, sch = SCHEMA_NAME, msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL;
    RAISE NOTICE 'fk: % % % % | % | %', st, cons, tab, sch, msg, det;
  END;
  BEGIN
    INSERT INTO child VALUES (1, NULL, -5, 'x');
  EXCEPTION WHEN check_violation THEN
    GET STACKED DIAGNOSTICS cons = CONSTRAINT_NAME, tab = TABLE_NAME;
    RAISE NOTICE 'check: % %', cons, tab;
  END;
  BEGIN
    INSERT INTO child VALUES (1, NULL, 5, NULL);
  EXCEPTION WHEN not_null_violation THEN
    GET STACKED DIAGNOSTICS col = COLUMN_NAME, tab = TABLE_NAME;
    RAISE NOTICE 'not null: % %', col, tab;
  END;
  BEGIN
    RAISE EXCEPTION 'custom' USING COLUMN = 'c1', CONSTRAINT = 'k1', TABLE = 't1', SCHEMA = 's1', DATATYPE = 'int';
  EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS col = COLUMN_NAME, cons = CONSTRAINT_NAME, tab = TABLE_NAME, sch = SCHEMA_NAME, dt = PG_DATATYPE_NAME;
    RAISE NOTICE 'custom: % % % % %', col, cons, tab, sch, dt;
  END;
  BEGIN
    PERFORM 1/0;
  EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'Error: % %', SQLSTATE, SQLERRM;
    BEGIN
      RAISE EXCEPTION USING ERRCODE = SQLSTATE, MESSAGE = 'wrapped: ' || SQLERRM;
    EXCEPTION WHEN division_by_zero THEN
      RAISE NOTICE 'rewrapped %', SQLERRM;
    END;
  END;
END
$$;
DO $$ DECLARE ctx text; BEGIN GET DIAGNOSTICS ctx = PG_CONTEXT; RAISE NOTICE 'ctx: %', ctx; END $$;
CREATE FUNCTION ctxf() RETURNS text LANGUAGE plpgsql AS $$ DECLARE ctx text; BEGIN GET DIAGNOSTICS ctx = PG_CONTEXT; RETURN ctx; END $$;
SELECT ctxf();
DO $$ BEGIN RAISE EXCEPTION 'with detail' USING DETAIL = 'line one'; END $$;
DO $$ BEGIN RAISE unique_violation USING MESSAGE = 'dup!', DETAIL = 'Key (x)=(1)'; END $$;
DO $$ BEGIN RAISE 'P0001 style %', 1 USING ERRCODE = 'P0001'; END $$;
DO $$ BEGIN RAISE EXCEPTION USING MESSAGE = NULL; END $$;
DO $$ BEGIN RAISE NOTICE '%', NULL; RAISE NOTICE 'trailing %'; END $$;
