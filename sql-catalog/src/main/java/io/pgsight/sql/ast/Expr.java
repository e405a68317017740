package io.pgsight.sql.ast;

import java.util.List;

/**
 * A value expression. Each variant keeps the 1-based character position PostgreSQL would report for it: the
 * first token of a name or literal, the operator symbol for operators, the keyword for special forms.
 */
public sealed interface Expr {
    /** 1-based character position in the parsed string, 0 when unknown. */
    int location();

    // ---------------------------------------------------------------- names and parameters

    /**
     * A column reference: {@code a}, {@code t.a}, {@code s.t.a}; {@code t.*} has {@code star} set and
     * {@code names = [t]}; a bare {@code *} has {@code star} set and no names.
     */
    record ColumnRef(List<String> names, boolean star, int location) implements Expr {
        public ColumnRef {
            names = List.copyOf(names);
        }

        /** The last name part (the column), or null for a star. */
        public String column() {
            return star || names.isEmpty() ? null : names.get(names.size() - 1);
        }
    }

    /** A positional parameter {@code $n} (n >= 1). */
    record Param(int number, int location) implements Expr {
    }

    // ---------------------------------------------------------------- literals

    /** SQL {@code NULL}. */
    record NullLiteral(int location) implements Expr {
    }

    /** {@code TRUE} or {@code FALSE}. */
    record BooleanLiteral(boolean value, int location) implements Expr {
    }

    /**
     * A numeric literal exactly as written ({@code 42}, {@code 3.14}, {@code 1e10}, {@code .5}, {@code 5.}).
     * PostgreSQL types an integral literal as int4 when it fits, else int8 when it fits, else numeric; a literal
     * with a point or exponent is numeric.
     */
    record NumberLiteral(String text, int location) implements Expr {
        /** True when written with digits only (no point, no exponent). */
        public boolean isIntegral() {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    return false;
                }
            }
            return !text.isEmpty();
        }
    }

    /**
     * A string constant of type unknown: {@code 'x'}, {@code E'x'}, {@code U&'x'}, {@code $$x$$}; escapes are
     * already processed and adjacent literals separated by a newline already concatenated.
     */
    record StringLiteral(String value, int location) implements Expr {
    }

    /**
     * A bit-string constant: {@code B'1010'} ({@code hex = false}, digits are 0/1) or {@code X'1F'}
     * ({@code hex = true}, digits are hex).
     */
    record BitStringLiteral(String digits, boolean hex, int location) implements Expr {
    }

    // ---------------------------------------------------------------- operators

    /**
     * An infix operator: arithmetic, comparison and every user operator ({@code <->}, {@code ||}, {@code @>},
     * {@code OPERATOR(pg_catalog.~)}). Location is the operator symbol's.
     */
    record BinaryOp(OperatorName op, Expr left, Expr right, int location) implements Expr {
    }

    /** A prefix operator: {@code -x}, {@code +x}, {@code ~x}, {@code @x}, {@code |/x}. */
    record PrefixOp(OperatorName op, Expr operand, int location) implements Expr {
    }

    /** AND / OR over two or more arguments (nested chains are flattened), NOT over one. */
    record BoolExpr(BoolOp op, List<Expr> args, int location) implements Expr {
        public BoolExpr {
            args = List.copyOf(args);
        }
    }

    enum BoolOp { AND, OR, NOT }

    /** {@code x IS [NOT] NULL}, {@code x ISNULL}, {@code x NOTNULL}. */
    record IsNull(Expr arg, boolean not, int location) implements Expr {
    }

    /** {@code x IS [NOT] TRUE | FALSE | UNKNOWN}. */
    record BooleanTest(Expr arg, BooleanTestKind kind, int location) implements Expr {
    }

    enum BooleanTestKind { IS_TRUE, IS_NOT_TRUE, IS_FALSE, IS_NOT_FALSE, IS_UNKNOWN, IS_NOT_UNKNOWN }

    /** {@code a IS [NOT] DISTINCT FROM b}. */
    record IsDistinctFrom(Expr left, Expr right, boolean not, int location) implements Expr {
    }

    /** {@code x [NOT] BETWEEN [SYMMETRIC] low AND high}. Location is the BETWEEN keyword's. */
    record Between(Expr arg, Expr low, Expr high, boolean not, boolean symmetric, int location) implements Expr {
    }

    /**
     * {@code x [NOT] LIKE | ILIKE | SIMILAR TO pattern [ESCAPE e]}; {@code escape} is null when absent.
     * PostgreSQL resolves these to the operators {@code ~~}, {@code !~~}, {@code ~~*}, {@code !~~*} and
     * (for SIMILAR) {@code ~} over {@code similar_to_escape(pattern[, escape])}.
     */
    record Like(LikeKind kind, Expr arg, Expr pattern, Expr escape, boolean not, int location) implements Expr {
    }

    enum LikeKind { LIKE, ILIKE, SIMILAR }

    /** {@code x [NOT] IN (a, b, ...)} with an expression list (subqueries use {@link SubLink}). */
    record InList(Expr arg, List<Expr> list, boolean not, int location) implements Expr {
        public InList {
            list = List.copyOf(list);
        }
    }

    /**
     * {@code x op ANY|SOME|ALL (array expression)}; {@code x op ANY (subquery)} is a {@link SubLink}.
     * Location is the operator's.
     */
    record ArrayComparison(Expr left, OperatorName op, boolean all, Expr array, int location) implements Expr {
    }

    /**
     * A subquery used as an expression. {@code x IN (SELECT ..)} is {@code ANY} with operator {@code =};
     * {@code x NOT IN (SELECT ..)} is NOT over that.
     *
     * @param kind     EXISTS, ANY, ALL, EXPR (scalar subquery), ARRAY ({@code ARRAY(SELECT ...)})
     * @param testExpr the left operand for ANY/ALL, else null
     * @param op       the comparison operator for ANY/ALL, else null
     */
    record SubLink(SubLinkKind kind, Expr testExpr, OperatorName op, Query subquery, int location)
            implements Expr {
    }

    enum SubLinkKind { EXISTS, ANY, ALL, EXPR, ARRAY }

    // ---------------------------------------------------------------- casts, collation

    /**
     * {@code x::type}, {@code CAST(x AS type)} and typed literals ({@code date '2024-01-01'},
     * {@code interval '1 day'}), which PostgreSQL also represents as a cast of a string constant. Location is the
     * {@code ::} token, the CAST keyword, or the type name of a typed literal.
     */
    record TypeCast(Expr arg, TypeName type, int location) implements Expr {
    }

    /** {@code x COLLATE "C"}, {@code x COLLATE pg_catalog.default}. Location is the COLLATE keyword's. */
    record Collate(Expr arg, QualifiedName collation, int location) implements Expr {
    }

    // ---------------------------------------------------------------- functions

    /**
     * A function or aggregate call. Special SQL syntax is turned into plain calls as PostgreSQL does:
     * {@code EXTRACT(f FROM x)} is {@code pg_catalog.extract('f', x)}, {@code POSITION(a IN b)} is
     * {@code pg_catalog.position(b, a)}, {@code SUBSTRING(x FROM a FOR b)} is {@code pg_catalog.substring(x, a, b)},
     * {@code TRIM([BOTH] c FROM s)} is {@code pg_catalog.btrim(s, c)} (LEADING: ltrim, TRAILING: rtrim),
     * {@code OVERLAY(a PLACING b FROM c [FOR d])} is {@code pg_catalog.overlay(a, b, c[, d])},
     * {@code x AT TIME ZONE z} is {@code pg_catalog.timezone(z, x)}, {@code CURRENT_SCHEMA} is
     * {@code pg_catalog.current_schema()}; {@code sqlSyntax} marks those.
     *
     * @param name        the function name as written (case-folded, possibly qualified)
     * @param args        arguments; named ones are {@link NamedArg}
     * @param orderBy     {@code agg(x ORDER BY y)}; or the WITHIN GROUP ordering when {@code withinGroup}
     * @param filter      {@code FILTER (WHERE ...)}, else null
     * @param over        {@code OVER (...)} or {@code OVER name}, else null
     * @param star        {@code count(*)}
     * @param distinct    {@code count(DISTINCT x)}
     * @param variadic    the last argument was written {@code VARIADIC arr}
     * @param location    position of the function name
     */
    record FuncCall(QualifiedName name, List<Expr> args, List<SortItem> orderBy, Expr filter, WindowDef over,
                    boolean star, boolean distinct, boolean variadic, boolean withinGroup, boolean sqlSyntax,
                    int location) implements Expr {
        public FuncCall {
            args = List.copyOf(args);
            orderBy = List.copyOf(orderBy);
        }

        public static FuncCall simple(QualifiedName name, List<Expr> args, int location) {
            return new FuncCall(name, args, List.of(), null, null, false, false, false, false, false, location);
        }
    }

    /** A named argument {@code name => value} (or the old {@code name := value}). */
    record NamedArg(String name, Expr value, int location) implements Expr {
    }

    /** {@code COALESCE(a, b, ...)}. */
    record Coalesce(List<Expr> args, int location) implements Expr {
        public Coalesce {
            args = List.copyOf(args);
        }
    }

    /** {@code NULLIF(a, b)}. */
    record NullIf(Expr left, Expr right, int location) implements Expr {
    }

    /** {@code GREATEST(...)} ({@code greatest = true}) or {@code LEAST(...)}. */
    record MinMax(boolean greatest, List<Expr> args, int location) implements Expr {
        public MinMax {
            args = List.copyOf(args);
        }
    }

    /**
     * The niladic SQL functions with special syntax. {@code precision} is the optional {@code (p)} of
     * CURRENT_TIME/CURRENT_TIMESTAMP/LOCALTIME/LOCALTIMESTAMP, else null.
     */
    record SqlValueFunction(SqlValueKind kind, Integer precision, int location) implements Expr {
    }

    enum SqlValueKind {
        CURRENT_DATE, CURRENT_TIME, CURRENT_TIMESTAMP, LOCALTIME, LOCALTIMESTAMP, CURRENT_ROLE, CURRENT_USER, USER,
        SESSION_USER, CURRENT_CATALOG
    }

    // ---------------------------------------------------------------- conditionals

    /** {@code CASE [arg] WHEN .. THEN .. [ELSE ..] END}; {@code arg} is null for a searched CASE. */
    record Case(Expr arg, List<CaseWhen> whens, Expr elseResult, int location) implements Expr {
        public Case {
            whens = List.copyOf(whens);
        }
    }

    record CaseWhen(Expr condition, Expr result, int location) {
    }

    // ---------------------------------------------------------------- arrays, rows, indirection

    /**
     * {@code ARRAY[a, b]}; inner brackets of a multidimensional constructor ({@code ARRAY[[1,2],[3,4]]}) are
     * nested ArrayConstructors with {@code explicitKeyword = false}.
     */
    record ArrayConstructor(List<Expr> elements, boolean explicitKeyword, int location) implements Expr {
        public ArrayConstructor {
            elements = List.copyOf(elements);
        }
    }

    /** {@code ROW(a, b)} ({@code explicitRow}) or {@code (a, b)}. */
    record RowConstructor(List<Expr> fields, boolean explicitRow, int location) implements Expr {
        public RowConstructor {
            fields = List.copyOf(fields);
        }
    }

    /**
     * Subscripts and field selection applied to an expression: {@code (a)[2]}, {@code a[1:2]},
     * {@code (compositecol).field}, {@code (rec).*}. Steps apply left to right.
     */
    record Indirection(Expr arg, List<IndirectionStep> steps, int location) implements Expr {
        public Indirection {
            steps = List.copyOf(steps);
        }
    }

    /** One step of an {@link Indirection}. */
    sealed interface IndirectionStep {
    }

    /**
     * {@code [i]} ({@code slice = false}, {@code lower} null, {@code upper} = i) or {@code [a:b]}
     * ({@code slice = true}; either bound may be null for an omitted bound).
     */
    record Subscript(Expr lower, Expr upper, boolean slice, int location) implements IndirectionStep {
    }

    /** {@code .field}. */
    record FieldSelection(String field, int location) implements IndirectionStep {
    }

    /** {@code .*}. */
    record FieldStar(int location) implements IndirectionStep {
    }

    // ---------------------------------------------------------------- misc

    /** {@code DEFAULT} as a value in INSERT ... VALUES or UPDATE ... SET. */
    record SetToDefault(int location) implements Expr {
    }

    /**
     * A GROUP BY element that stands for several grouping sets: {@code ROLLUP (a, (b, c))},
     * {@code CUBE (a, b)} (items: expressions or row constructors of them), {@code GROUPING SETS (...)}
     * (items: expressions, row constructors, {@code ()} as an empty row, or nested ROLLUP/CUBE/SETS).
     */
    record GroupingSet(SetKind kind, List<Expr> items, int location) implements Expr {
        public enum SetKind { ROLLUP, CUBE, SETS }

        public GroupingSet {
            items = List.copyOf(items);
        }
    }

    /** {@code GROUPING(a, b)} in a grouped query. */
    record Grouping(List<Expr> args, int location) implements Expr {
        public Grouping {
            args = List.copyOf(args);
        }
    }
}
