package io.pgsight.sql.plan;

/** Identifier quoting for EXPLAIN output (delegates to the analyzer's deparser). */
final class ExprDeparseNames {
    private ExprDeparseNames() {
    }

    static String ident(String name) {
        return io.pgsight.sql.analyze.ExprDeparse.ident(name);
    }
}
