-- how the catalog shows functions and procedures: argument modes, defaults, OUT/INOUT parameters, results
CREATE FUNCTION add3(a int, b int DEFAULT 1, c text DEFAULT 'x') RETURNS int LANGUAGE sql AS $$ SELECT a + b $$;
CREATE PROCEDURE p1(x int, INOUT y int) LANGUAGE plpgsql AS $$ BEGIN y := x; END $$;
CREATE FUNCTION outs(IN a int, OUT b int, OUT c text) LANGUAGE plpgsql AS $$ BEGIN b := a; c := 'z'; END $$;
CREATE FUNCTION tab(n int) RETURNS TABLE (k int, v text) LANGUAGE sql AS $$ SELECT 1, 'a' $$;
SELECT proname, prokind, pg_get_function_arguments(oid) AS args, pg_get_function_result(oid) AS result, pg_get_function_identity_arguments(oid) AS ident FROM pg_proc WHERE pronamespace = 'public'::regnamespace ORDER BY 1;
SELECT pg_get_functiondef('add3'::regproc);
SELECT pg_get_functiondef('p1'::regproc);
