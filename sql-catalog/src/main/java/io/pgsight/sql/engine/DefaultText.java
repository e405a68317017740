package io.pgsight.sql.engine;

import io.pgsight.sql.analyze.TExpr;

/**
 * The text a column default shows (pg_get_expr(adbin, adrelid, true), psql's \d): the expression as
 * written with the implicit cast to the column's type left out, a bare literal as the column-typed
 * constant, and no parentheses around the whole, as PostgreSQL's pretty deparse prints it.
 */
final class DefaultText {
    private DefaultText() {
    }

    static String of(TExpr written, TExpr assigned) {
        boolean literal = written instanceof TExpr.Const c && c.isUnknownLiteral();
        return withoutOuterParentheses(literal ? assigned.sql() : written.sql());
    }

    static String withoutOuterParentheses(String s) {
        if (s.length() < 2 || s.charAt(0) != '(' || s.charAt(s.length() - 1) != ')') {
            return s;
        }
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\'') {
                quoted = !quoted;
            } else if (!quoted && ch == '(') {
                depth++;
            } else if (!quoted && ch == ')' && --depth == 0 && i < s.length() - 1) {
                return s; // the first parenthesis closes before the end: (a) + (b)
            }
        }
        return s.substring(1, s.length() - 1);
    }
}
