package io.pgsight.ext.pase;

import java.util.List;

/**
 * pase's search helpers, written here as PL/pgSQL with pase's signatures and generated queries:
 * the table must have columns {@code id text} and {@code vector text} (base64); arguments are
 * substituted unquoted with %s, as pase does. hnsw_search(text, text, text) fails at call time with
 * "too few arguments for format()" in pase (its format string wants a LIMIT argument it never
 * gets); that behaviour is kept.
 */
final class PaseHelperFunctions {
    private PaseHelperFunctions() {
    }

    private static String function(String signature, String body) {
        return "CREATE OR REPLACE FUNCTION " + signature
                + " RETURNS TABLE (id text, distance float4) AS $$\nBEGIN\n" + body + "END\n$$ LANGUAGE plpgsql";
    }

    private static String query(String extra, boolean where, String limit) {
        String q = "'SELECT id, vector <!> pase(''%s''" + extra + ") AS distance FROM %s"
                + (where ? " WHERE %s" : "") + " ORDER BY vector <!> pase(''%s''" + extra + ") ASC LIMIT " + limit
                + "'";
        return q;
    }

    static final List<String> STATEMENTS = List.of(
            function("ivfflat_search(query_vector text, k integer, table_name text)",
                    "  RETURN QUERY EXECUTE format(" + query(", 5, 0", false, "%s")
                            + ", query_vector, table_name, query_vector, k);\n"),
            function("ivfflat_search(query_vector text, k integer, cr integer, table_name text)",
                    "  RETURN QUERY EXECUTE format(" + query(", %s, 0", false, "%s")
                            + ", query_vector, cr, table_name, query_vector, cr, k);\n"),
            function("ivfflat_search(query_vector text, k integer, cr integer, query text, table_name text)",
                    "  IF query != '' THEN\n    RETURN QUERY EXECUTE format(" + query(", %s, 0", true, "%s")
                            + ", query_vector, cr, table_name, query, query_vector, cr, k);\n  ELSE\n"
                            + "    RETURN QUERY EXECUTE format(" + query(", %s, 0", false, "%s")
                            + ", query_vector, cr, table_name, query_vector, cr, k);\n  END IF;\n"),
            function("ivfflat_search(query_vector text, k integer, query text, table_name text)",
                    "  IF query != '' THEN\n    RETURN QUERY EXECUTE format(" + query(", 5, 0", true, "%s")
                            + ", query_vector, table_name, query, query_vector, k);\n  ELSE\n"
                            + "    RETURN QUERY EXECUTE format(" + query(", 5, 0", false, "%s")
                            + ", query_vector, table_name, query_vector, k);\n  END IF;\n"),
            function("hnsw_search(query_vector text, ef integer, k integer, table_name text)",
                    "  RETURN QUERY EXECUTE format(" + query(", %s", false, "%s")
                            + ", query_vector, ef, table_name, query_vector, ef, k);\n"),
            function("hnsw_search(query_vector text, query text, table_name text)",
                    "  IF query != '' THEN\n    RETURN QUERY EXECUTE format("
                            + "'SELECT id, vector <!> pase(''%s'') AS distance FROM %s WHERE %s ORDER BY distance ASC"
                            + " LIMIT %s', query_vector, table_name, query);\n  ELSE\n"
                            + "    RETURN QUERY EXECUTE format(" + query("", false, "%s")
                            + ", query_vector, table_name, query_vector);\n  END IF;\n"));
}
