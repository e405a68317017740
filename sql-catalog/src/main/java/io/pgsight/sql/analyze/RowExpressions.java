package io.pgsight.sql.analyze;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.catalog.FunctionBody;
import io.pgsight.sql.catalog.FunctionEntry;
import io.pgsight.sql.catalog.OperatorEntry;
import io.pgsight.sql.spi.PgType;
import io.pgsight.sql.spi.Volatility;

import java.util.ArrayList;
import java.util.List;

/**
 * Row values and what PostgreSQL does with them. A row is an Object[] typed {@link RecordShape},
 * built by a call of {@link #ROW_BODY}; comparisons of rows are expanded field by field at analysis
 * time as PostgreSQL's make_row_comparison_op does ({@code =} is AND of the fields' {@code =},
 * {@code <>} their OR, the ordering operators compare left to right and stop at the first unequal
 * or null pair), so a comparison on columns still reaches their indexes.
 */
final class RowExpressions {
    /** Builds the row from its arguments; the marker by which a row constructor is recognised. */
    static final FunctionBody.NativeScalar ROW_BODY = new FunctionBody.NativeScalar((ctx, a) -> a.clone());

    /** Resolves a binary operator for two (coerced) operands. */
    interface Operators {
        TExpr operator(String symbol, TExpr left, TExpr right, int location);
    }

    private RowExpressions() {
    }

    static boolean isComparison(String symbol) {
        return switch (symbol) {
            case "=", "<>", "!=", "<", "<=", ">", ">=" -> true;
            default -> false;
        };
    }

    /** A row value of {@code fields}, named as given (f1, f2 ... for ROW(...)). */
    static TExpr construct(List<TExpr> fields, List<String> names) {
        List<RecordShape.Field> shape = new ArrayList<>();
        List<PgType> types = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            shape.add(new RecordShape.Field(names.get(i), fields.get(i).type()));
            types.add(fields.get(i).type());
        }
        RecordShape type = new RecordShape(shape);
        FunctionEntry f = new FunctionEntry(0, "pg_catalog", "row", types, names.stream().map(n -> "").toList(), type,
                false, false, Volatility.IMMUTABLE, ROW_BODY, List.of(), null, null, false);
        return new TExpr.Call(f, fields, type, -1);
    }

    static List<String> positionalNames(int n) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            names.add("f" + i);
        }
        return names;
    }

    /** The fields of a row-typed expression: a constructor's arguments, else one field pick each. */
    static List<TExpr> fields(TExpr row, int location) {
        if (row instanceof TExpr.Call c && c.function().body() == ROW_BODY) {
            return c.args();
        }
        RecordShape shape = (RecordShape) row.type();
        List<TExpr> out = new ArrayList<>();
        for (RecordShape.Field f : shape.fields()) {
            out.add(FieldAccess.select(row, f.name(), location));
        }
        return out;
    }

    /** {@code l op r} for rows of equal width. */
    static TExpr compare(String symbol, List<TExpr> l, List<TExpr> r, int location, Operators ops, PgType bool) {
        if (l.size() != r.size()) {
            throw new SqlException("42601", "unequal number of entries in row expressions").withPosition(location);
        }
        if (symbol.equals("!=")) {
            symbol = "<>";
        }
        if (l.size() == 1) {
            return ops.operator(symbol, l.get(0), r.get(0), location);
        }
        switch (symbol) {
            case "=", "<>" -> {
                List<TExpr> parts = new ArrayList<>();
                for (int i = 0; i < l.size(); i++) {
                    parts.add(ops.operator(symbol, l.get(i), r.get(i), location));
                }
                return new TExpr.Bool(symbol.equals("=") ? TExpr.BoolKind.AND : TExpr.BoolKind.OR, parts, bool);
            }
            default -> {
                // f1 < g1 OR (f1 = g1 AND (... fn <= gn)): the last pair uses the operator as written
                String strict = symbol.startsWith("<") ? "<" : ">";
                int last = l.size() - 1;
                TExpr tail = ops.operator(symbol, l.get(last), r.get(last), location);
                for (int i = last - 1; i >= 0; i--) {
                    TExpr before = ops.operator(strict, l.get(i), r.get(i), location);
                    TExpr same = ops.operator("=", l.get(i), r.get(i), location);
                    tail = new TExpr.Bool(TExpr.BoolKind.OR,
                            List.of(before, new TExpr.Bool(TExpr.BoolKind.AND, List.of(same, tail), bool)), bool);
                }
                return tail;
            }
        }
    }

    /** {@code row IS [NOT] NULL}: true when every field is null (not null). */
    static TExpr nullTest(List<TExpr> fields, boolean not, PgType bool) {
        List<TExpr> parts = new ArrayList<>();
        for (TExpr f : fields) {
            parts.add(new TExpr.NullTest(f, not, bool));
        }
        return parts.size() == 1 ? parts.get(0) : new TExpr.Bool(TExpr.BoolKind.AND, parts, bool);
    }

    /** {@code l IS [NOT] DISTINCT FROM r} for rows: distinct when any field pair is. */
    static TExpr distinct(List<TExpr> l, List<TExpr> r, boolean not, int location, Operators ops, PgType bool) {
        if (l.size() != r.size()) {
            throw new SqlException("42601", "unequal number of entries in row expressions").withPosition(location);
        }
        List<TExpr> parts = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            TExpr.Op eq = (TExpr.Op) ops.operator("=", l.get(i), r.get(i), location);
            parts.add(new TExpr.Distinct(eq, eq.left(), eq.right(), not, bool));
        }
        return parts.size() == 1 ? parts.get(0) : new TExpr.Bool(not ? TExpr.BoolKind.AND : TExpr.BoolKind.OR, parts, bool);
    }

    /**
     * A row compared with each row of a subquery ({@code (a, b) IN (SELECT x, y ...)}, {@code = ANY},
     * {@code <> ALL}): the per-column operators combined as {@link #compare} does, as one operator on
     * two Object[] rows. Returns the coerced left row in {@code leftOut[0]}.
     */
    static OperatorEntry subqueryOperator(String symbol, List<TExpr> left, List<PgType> columns, int location,
                                          Operators ops, PgType bool, TExpr[] leftOut) {
        if (left.size() < columns.size()) {
            throw new SqlException("42601", "subquery has too many columns").withPosition(location);
        }
        if (left.size() > columns.size()) {
            throw new SqlException("42601", "subquery has too few columns").withPosition(location);
        }
        if (!symbol.equals("=") && !symbol.equals("<>") && !symbol.equals("!=")) {
            throw new SqlException("0A000", "row comparison with " + symbol + " against a subquery is not supported")
                    .withPosition(location);
        }
        boolean all = symbol.equals("=");
        List<TExpr> coerced = new ArrayList<>();
        List<FunctionEntry> fns = new ArrayList<>();
        for (int i = 0; i < left.size(); i++) {
            TExpr.Op op = (TExpr.Op) ops.operator(all ? "=" : "<>", left.get(i),
                    new TExpr.Const(null, columns.get(i), -1, 0), location);
            if (!(op.operator().function().body() instanceof FunctionBody.NativeScalar)) {
                throw new SqlException("0A000", "row comparison with operator " + op.operator().symbol()
                        + " on type " + columns.get(i).name() + " is not supported").withPosition(location);
            }
            coerced.add(op.left());
            fns.add(op.operator().function());
        }
        leftOut[0] = construct(coerced, positionalNames(coerced.size()));
        FunctionEntry combined = new FunctionEntry(0, "pg_catalog", all ? "record_eq" : "record_ne",
                List.of(leftOut[0].type(), leftOut[0].type()), List.of("", ""), bool, false, false,
                Volatility.IMMUTABLE, new FunctionBody.NativeScalar((ctx, a) -> {
                    Object[] l = (Object[]) a[0];
                    Object[] r = (Object[]) a[1];
                    boolean sawNull = false;
                    for (int i = 0; i < fns.size(); i++) {
                        FunctionEntry f = fns.get(i);
                        Object v = (l[i] == null || r[i] == null) && f.strict() ? null
                                : ((FunctionBody.NativeScalar) f.body()).function().call(ctx, new Object[] {l[i], r[i]});
                        if (v == null) {
                            sawNull = true;
                        } else if ((Boolean) v != all) {
                            return !all;
                        }
                    }
                    return sawNull ? null : all;
                }), List.of(), null, null, false);
        return new OperatorEntry(0, "pg_catalog", all ? "=" : "<>", leftOut[0].type(), leftOut[0].type(), combined,
                null, null, null, null);
    }
}
