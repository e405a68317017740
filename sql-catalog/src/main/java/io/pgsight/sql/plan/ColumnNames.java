package io.pgsight.sql.plan;

import io.pgsight.sql.ast.Expr;

/** PostgreSQL's FigureColname: the result column name of an unaliased select-list expression. */
public final class ColumnNames {
    /** Position for the "must appear in the GROUP BY clause" error (set by the planner per target). */
    static int lastVarLocation;

    private ColumnNames() {
    }

    public static String of(Expr e) {
        String n = figure(e);
        return n == null ? "?column?" : n;
    }

    /** FigureColname's strength: 2 for names from columns/functions, 1 for type names and CASE. */
    private static int strength(Expr e) {
        if (e instanceof Expr.TypeCast c) {
            int inner = strength(c.arg());
            return inner <= 1 ? 1 : inner;
        }
        if (e instanceof Expr.Case) {
            return 1;
        }
        return figure(e) == null ? 0 : 2;
    }

    private static String figure(Expr e) {
        if (e instanceof Expr.ColumnRef c) {
            return c.star() ? null : c.column();
        } else if (e instanceof Expr.FuncCall f) {
            return f.name().name();
        } else if (e instanceof Expr.TypeCast c) {
            String inner = figure(c.arg());
            if (inner != null && strength(c.arg()) > 1) {
                return inner;
            }
            String t = c.type().name();
            return c.type().isArray() ? t : io.pgsight.sql.catalog.TypeNames.canonical(t);
        } else if (e instanceof Expr.Case c) {
            return "case";
        } else if (e instanceof Expr.Coalesce) {
            return "coalesce";
        } else if (e instanceof Expr.NullIf) {
            return "nullif";
        } else if (e instanceof Expr.MinMax m) {
            return m.greatest() ? "greatest" : "least";
        } else if (e instanceof Expr.ArrayConstructor) {
            return "array";
        } else if (e instanceof Expr.RowConstructor r) {
            return r.fields().size() == 1 && !r.explicitRow() ? figure(r.fields().get(0)) : "row";
        } else if (e instanceof Expr.Indirection i) {
            return figureInd(i);
        } else if (e instanceof Expr.SubLink s) {
            if (s.kind() == Expr.SubLinkKind.EXISTS) {
                return "exists";
            }
            if (s.kind() == Expr.SubLinkKind.ARRAY) {
                return "array";
            }
            if (s.kind() == Expr.SubLinkKind.EXPR) {
                var body = s.subquery().body();
                if (body instanceof io.pgsight.sql.ast.QueryBody.Select sel && sel.targets().size() == 1) {
                    var t = sel.targets().get(0);
                    return t.alias() != null ? t.alias() : figure(t.expr());
                }
            }
            return null;
        } else if (e instanceof Expr.SqlValueFunction v) {
            return switch (v.kind()) {
                case CURRENT_DATE -> "current_date";
                case CURRENT_TIME -> "current_time";
                case CURRENT_TIMESTAMP -> "current_timestamp";
                case LOCALTIME -> "localtime";
                case LOCALTIMESTAMP -> "localtimestamp";
                case CURRENT_ROLE -> "current_role";
                case CURRENT_USER -> "current_user";
                case USER -> "current_user";
                case SESSION_USER -> "session_user";
                case CURRENT_CATALOG -> "current_catalog";
            };
        } else if (e instanceof Expr.Collate c) {
            return figure(c.arg());
        }
        return null;
    }

    private static String figureInd(Expr.Indirection i) {
        Expr.IndirectionStep last = i.steps().get(i.steps().size() - 1);
        if (last instanceof Expr.FieldSelection f) {
            return f.field();
        }
        return figure(i.arg());
    }
}
