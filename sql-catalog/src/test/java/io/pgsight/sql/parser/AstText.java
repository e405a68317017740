package io.pgsight.sql.parser;

import io.pgsight.sql.ast.Expr;
import io.pgsight.sql.ast.SortItem;
import io.pgsight.sql.ast.TypeName;

import java.util.List;
import java.util.stream.Collectors;

/** A fully parenthesized rendering of expressions, for asserting tree shape in tests. */
final class AstText {
    private AstText() {
    }

    static String of(Expr e) {
        if (e == null) {
            return "null";
        }
        if (e instanceof Expr.ColumnRef c) {
            String names = String.join(".", c.names());
            return c.star() ? (names.isEmpty() ? "*" : names + ".*") : names;
        }
        if (e instanceof Expr.Param p) {
            return "$" + p.number();
        }
        if (e instanceof Expr.NullLiteral) {
            return "NULL";
        }
        if (e instanceof Expr.BooleanLiteral b) {
            return b.value() ? "TRUE" : "FALSE";
        }
        if (e instanceof Expr.NumberLiteral n) {
            return n.text();
        }
        if (e instanceof Expr.StringLiteral s) {
            return "'" + s.value() + "'";
        }
        if (e instanceof Expr.BitStringLiteral b) {
            return (b.hex() ? "X'" : "B'") + b.digits() + "'";
        }
        if (e instanceof Expr.BinaryOp b) {
            return "(" + of(b.left()) + " " + b.op() + " " + of(b.right()) + ")";
        }
        if (e instanceof Expr.PrefixOp p) {
            return "(" + p.op() + " " + of(p.operand()) + ")";
        }
        if (e instanceof Expr.BoolExpr b) {
            if (b.op() == Expr.BoolOp.NOT) {
                return "(NOT " + of(b.args().get(0)) + ")";
            }
            return "(" + b.args().stream().map(AstText::of).collect(Collectors.joining(" " + b.op() + " ")) + ")";
        }
        if (e instanceof Expr.IsNull n) {
            return "(" + of(n.arg()) + (n.not() ? " IS NOT NULL)" : " IS NULL)");
        }
        if (e instanceof Expr.BooleanTest t) {
            return "(" + of(t.arg()) + " " + t.kind() + ")";
        }
        if (e instanceof Expr.IsDistinctFrom d) {
            return "(" + of(d.left()) + (d.not() ? " IS NOT DISTINCT FROM " : " IS DISTINCT FROM ") + of(d.right())
                    + ")";
        }
        if (e instanceof Expr.Between b) {
            return "(" + of(b.arg()) + (b.not() ? " NOT" : "") + " BETWEEN" + (b.symmetric() ? " SYMMETRIC " : " ")
                    + of(b.low()) + " AND " + of(b.high()) + ")";
        }
        if (e instanceof Expr.Like l) {
            return "(" + of(l.arg()) + (l.not() ? " NOT " : " ") + l.kind() + " " + of(l.pattern())
                    + (l.escape() == null ? "" : " ESCAPE " + of(l.escape())) + ")";
        }
        if (e instanceof Expr.InList i) {
            return "(" + of(i.arg()) + (i.not() ? " NOT IN " : " IN ") + list(i.list()) + ")";
        }
        if (e instanceof Expr.ArrayComparison a) {
            return "(" + of(a.left()) + " " + a.op() + (a.all() ? " ALL(" : " ANY(") + of(a.array()) + "))";
        }
        if (e instanceof Expr.SubLink s) {
            String inner = "subquery";
            return switch (s.kind()) {
                case EXISTS -> "EXISTS(" + inner + ")";
                case ANY -> "(" + of(s.testExpr()) + " " + s.op() + " ANY(" + inner + "))";
                case ALL -> "(" + of(s.testExpr()) + " " + s.op() + " ALL(" + inner + "))";
                case EXPR -> "(" + inner + ")";
                case ARRAY -> "ARRAY(" + inner + ")";
            };
        }
        if (e instanceof Expr.TypeCast c) {
            return "(" + of(c.arg()) + "::" + type(c.type()) + ")";
        }
        if (e instanceof Expr.Collate c) {
            return "(" + of(c.arg()) + " COLLATE " + c.collation() + ")";
        }
        if (e instanceof Expr.FuncCall f) {
            StringBuilder sb = new StringBuilder(f.name().dotted()).append('(');
            if (f.star()) {
                sb.append('*');
            }
            if (f.distinct()) {
                sb.append("DISTINCT ");
            }
            sb.append(f.args().stream().map(AstText::of).collect(Collectors.joining(", ")));
            if (!f.orderBy().isEmpty()) {
                sb.append(" ORDER BY ").append(f.orderBy().stream().map(AstText::sort).collect(Collectors.joining(", ")));
            }
            sb.append(')');
            if (f.filter() != null) {
                sb.append(" FILTER(").append(of(f.filter())).append(')');
            }
            if (f.over() != null) {
                sb.append(" OVER(...)");
            }
            return sb.toString();
        }
        if (e instanceof Expr.NamedArg n) {
            return n.name() + " => " + of(n.value());
        }
        if (e instanceof Expr.Coalesce c) {
            return "COALESCE" + list(c.args());
        }
        if (e instanceof Expr.NullIf n) {
            return "NULLIF(" + of(n.left()) + ", " + of(n.right()) + ")";
        }
        if (e instanceof Expr.MinMax m) {
            return (m.greatest() ? "GREATEST" : "LEAST") + list(m.args());
        }
        if (e instanceof Expr.SqlValueFunction f) {
            return f.kind().toString();
        }
        if (e instanceof Expr.Case c) {
            StringBuilder sb = new StringBuilder("CASE");
            if (c.arg() != null) {
                sb.append(' ').append(of(c.arg()));
            }
            for (Expr.CaseWhen w : c.whens()) {
                sb.append(" WHEN ").append(of(w.condition())).append(" THEN ").append(of(w.result()));
            }
            if (c.elseResult() != null) {
                sb.append(" ELSE ").append(of(c.elseResult()));
            }
            return sb.append(" END").toString();
        }
        if (e instanceof Expr.ArrayConstructor a) {
            return (a.explicitKeyword() ? "ARRAY[" : "[") + a.elements().stream().map(AstText::of)
                    .collect(Collectors.joining(", ")) + "]";
        }
        if (e instanceof Expr.RowConstructor r) {
            return (r.explicitRow() ? "ROW" : "") + list(r.fields());
        }
        if (e instanceof Expr.Indirection i) {
            StringBuilder sb = new StringBuilder("(").append(of(i.arg())).append(')');
            for (Expr.IndirectionStep s : i.steps()) {
                if (s instanceof Expr.Subscript sub) {
                    sb.append('[');
                    if (sub.slice()) {
                        sb.append(sub.lower() == null ? "" : of(sub.lower())).append(':')
                                .append(sub.upper() == null ? "" : of(sub.upper()));
                    } else {
                        sb.append(of(sub.upper()));
                    }
                    sb.append(']');
                } else if (s instanceof Expr.FieldSelection f) {
                    sb.append('.').append(f.field());
                } else {
                    sb.append(".*");
                }
            }
            return sb.toString();
        }
        if (e instanceof Expr.SetToDefault) {
            return "DEFAULT";
        }
        if (e instanceof Expr.Grouping g) {
            return "GROUPING" + list(g.args());
        }
        throw new IllegalArgumentException(e.toString());
    }

    static String type(TypeName t) {
        StringBuilder sb = new StringBuilder(String.join(".", t.names()));
        if (!t.typmods().isEmpty()) {
            sb.append(list(t.typmods()));
        }
        for (int b : t.arrayBounds()) {
            sb.append(b < 0 ? "[]" : "[" + b + "]");
        }
        if (t.percentType()) {
            sb.append("%TYPE");
        }
        return (t.setof() ? "SETOF " : "") + sb;
    }

    static String sort(SortItem s) {
        return of(s.expr()) + (s.direction() == SortItem.Direction.DEFAULT ? "" : " " + s.direction())
                + (s.nulls() == SortItem.NullsOrder.DEFAULT ? "" : " NULLS " + s.nulls());
    }

    private static String list(List<Expr> exprs) {
        return "(" + exprs.stream().map(AstText::of).collect(Collectors.joining(", ")) + ")";
    }
}
