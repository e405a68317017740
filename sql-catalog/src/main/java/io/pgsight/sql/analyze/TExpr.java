package io.pgsight.sql.analyze;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.catalog.FunctionEntry;
import io.pgsight.sql.catalog.OperatorEntry;
import io.pgsight.sql.exec.EvalContext;
import io.pgsight.sql.exec.PlanNode;
import io.pgsight.sql.exec.ValueOrder;
import io.pgsight.sql.spi.PgArray;
import io.pgsight.sql.spi.PgType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The analysed, typed expression tree: immutable, every node knows its type and typmod, and
 * evaluates itself against an {@link EvalContext}. {@code sql()} deparses for EXPLAIN.
 */
public sealed interface TExpr {
    PgType type();

    int typmod();

    Object eval(EvalContext c);

    String sql();

    /** A constant (also an unknown-typed literal before coercion: type unknown, value String). */
    record Const(Object value, PgType type, int typmod, int location) implements TExpr {
        @Override
        public Object eval(EvalContext c) {
            return value;
        }

        @Override
        public String sql() {
            if (value == null) {
                return "NULL::" + ExprDeparse.typeName(type);
            }
            String text = type.output(value);
            if (type.oid() == 16) {
                return (Boolean) value ? "true" : "false"; // booleans print bare, as ruleutils does
            }
            if (type.oid() == 23 && text.startsWith("-")) {
                return "'" + text + "'::integer";
            }
            if (value instanceof Number && !(text.startsWith("-")) && (type.oid() == 23 || type.oid() == 20
                    || type.oid() == 1700)) {
                return text;
            }
            if (type.oid() == 23 || type.oid() == 20 || type.oid() == 1700) {
                return "'" + text + "'::" + type.name();
            }
            return "'" + text.replace("'", "''") + "'::" + ExprDeparse.typeName(type);
        }

        public boolean isUnknownLiteral() {
            return type.oid() == 705;
        }

        /** Equal constants are equal wherever they were written (GROUP BY matching). */
        @Override
        public boolean equals(Object o) {
            return o instanceof Const c && java.util.Objects.equals(value, c.value) && type.oid() == c.type.oid()
                    && typmod == c.typmod;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hashCode(value) * 31 + type.oid();
        }
    }

    /** A column of the current row ({@code level} 0) or of an enclosing query level's row. */
    record Var(int level, int index, PgType type, int typmod, String name, String relation) implements TExpr {
        @Override
        public Object eval(EvalContext c) {
            Object[] r = c.rowAt(level);
            return r == null || index >= r.length ? null : r[index];
        }

        @Override
        public String sql() {
            return relation == null ? ExprDeparse.ident(name) : ExprDeparse.ident(relation) + "." + ExprDeparse.ident(name);
        }
    }

    /** {@code $n}. */
    record Param(int number, PgType type, int typmod) implements TExpr {
        @Override
        public Object eval(EvalContext c) {
            return c.exec().param(number);
        }

        @Override
        public String sql() {
            return "$" + number;
        }
    }

    /**
     * A function call (also what an operator runs). {@code invocation} is derived from the others (how
     * this call site runs its function) and is not part of equality.
     */
    record Call(FunctionEntry function, List<TExpr> args, PgType type, int typmod, Invocation invocation)
            implements TExpr {
        public Call(FunctionEntry function, List<TExpr> args, PgType type, int typmod) {
            this(function, args, type, typmod, new Invocation(function, args));
        }

        @Override
        public Object eval(EvalContext c) {
            Object[] a = args.isEmpty() ? Invocation.NO_ARGUMENTS : new Object[args.size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = args.get(i).eval(c);
                if (a[i] == null && function.strict()) {
                    return null;
                }
            }
            return invocation.invoke(a, c);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Call x && function.equals(x.function) && args.equals(x.args) && type.equals(x.type)
                    && typmod == x.typmod;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(function, args, type, typmod);
        }

        @Override
        public String sql() {
            List<String> s = new ArrayList<>();
            for (TExpr e : args) {
                s.add(e.sql());
            }
            return function.name() + "(" + String.join(", ", s) + ")";
        }
    }

    /**
     * An operator application; {@code left} is null for prefix operators. {@code invocation} and
     * {@code kernel} (primitive float8 arithmetic, null for other operators) are derived from the others
     * and are not part of equality.
     */
    record Op(OperatorEntry operator, TExpr left, TExpr right, PgType type, Invocation invocation,
              Float8Kernel kernel) implements TExpr {
        public Op(OperatorEntry operator, TExpr left, TExpr right, PgType type) {
            this(operator, left, right, type,
                    new Invocation(operator.function(), left == null ? null : java.util.Arrays.asList(left, right)),
                    Float8Kernel.forOperator(operator.function(), left, right));
        }

        @Override
        public int typmod() {
            return -1;
        }

        @Override
        public Object eval(EvalContext c) {
            if (kernel != null) {
                double d = kernel.eval(c);
                return Float8Kernel.isNull(d) ? null : (Object) d;
            }
            if (left == null) {
                Object r = right.eval(c);
                if (r == null && operator.function().strict()) {
                    return null;
                }
                return invocation.invoke(new Object[] {r}, c);
            }
            // left before right, as PostgreSQL evaluates a function's arguments (random() - random())
            Object l = left.eval(c);
            Object r = right.eval(c);
            if ((l == null || r == null) && operator.function().strict()) {
                return null;
            }
            return invocation.invoke(new Object[] {l, r}, c);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Op x && operator.equals(x.operator) && java.util.Objects.equals(left, x.left)
                    && right.equals(x.right) && type.equals(x.type);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(operator, left, right, type);
        }

        @Override
        public String sql() {
            if (left == null) {
                return "(" + operator.symbol() + " " + right.sql() + ")";
            }
            return "(" + left.sql() + " " + operator.symbol() + " " + right.sql() + ")";
        }
    }

    /**
     * A type conversion: {@code cast} null means a binary-coercible relabel (typmod still applied).
     * {@code narrowing} (derived, not part of equality) is set for float8 arithmetic cast to real: the
     * operators' primitive result is narrowed without boxing it as a Double first.
     */
    record Cast(TExpr arg, PgType type, int typmod, Conversion conversion, boolean explicit, Float8Kernel narrowing)
            implements TExpr {
        public Cast(TExpr arg, PgType type, int typmod, Conversion conversion, boolean explicit) {
            this(arg, type, typmod, conversion, explicit, Float8Kernel.forNarrowing(arg, type, typmod));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Cast x && arg.equals(x.arg) && type.equals(x.type) && typmod == x.typmod
                    && java.util.Objects.equals(conversion, x.conversion) && explicit == x.explicit;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(arg, type, typmod, conversion, explicit);
        }

        @Override
        public Object eval(EvalContext c) {
            if (narrowing != null) {
                double d = narrowing.eval(c);
                return Float8Kernel.isNull(d) ? null : (Object) io.pgsight.sql.format.FloatArithmetic.toFloat4(d);
            }
            return evalBoxed(c);
        }

        /** Whether {@link #evalReal} applies: float8 arithmetic cast to real, computed on primitives. */
        public boolean yieldsUnboxedReal() {
            return narrowing != null;
        }

        /**
         * This cast's value (when {@link #yieldsUnboxedReal}) without a Float: the real widened to double, or
         * {@link #NULL_REAL} for SQL NULL. Same evaluation and errors as {@link #eval}.
         */
        public double evalReal(EvalContext c) {
            double d = narrowing.eval(c);
            return Float8Kernel.isNull(d) ? NULL_REAL : io.pgsight.sql.format.FloatArithmetic.toFloat4(d);
        }

        /** SQL NULL from {@link #evalReal}: a NaN no float4 widens to (its low payload bits are not zero). */
        public static final double NULL_REAL = Float8Kernel.NULL;

        public static boolean isNullReal(double d) {
            return Float8Kernel.isNull(d);
        }

        private Object evalBoxed(EvalContext c) {
            Object v = arg.eval(c);
            if (v == null) {
                return null;
            }
            return conversion.convert(v, c);
        }

        @Override
        public String sql() {
            return "(" + arg.sql() + ")::" + ExprDeparse.typeName(type) + (typmod >= 0 ? type.typmodOut(typmod) : "");
        }
    }

    /** How a Cast turns one non-null value into another. */
    @FunctionalInterface
    interface Conversion {
        Object convert(Object value, EvalContext c);
    }

    enum BoolKind { AND, OR, NOT }

    record Bool(BoolKind kind, List<TExpr> args, PgType type) implements TExpr {
        @Override
        public int typmod() {
            return -1;
        }

        @Override
        public Object eval(EvalContext c) {
            switch (kind) {
                case NOT -> {
                    Object v = args.get(0).eval(c);
                    return v == null ? null : !(Boolean) v;
                }
                case AND -> {
                    boolean sawNull = false;
                    for (TExpr e : args) {
                        Object v = e.eval(c);
                        if (v == null) {
                            sawNull = true;
                        } else if (!(Boolean) v) {
                            return false;
                        }
                    }
                    return sawNull ? null : true;
                }
                default -> {
                    boolean sawNull = false;
                    for (TExpr e : args) {
                        Object v = e.eval(c);
                        if (v == null) {
                            sawNull = true;
                        } else if ((Boolean) v) {
                            return true;
                        }
                    }
                    return sawNull ? null : false;
                }
            }
        }

        @Override
        public String sql() {
            if (kind == BoolKind.NOT) {
                return "(NOT " + args.get(0).sql() + ")";
            }
            List<String> s = new ArrayList<>();
            for (TExpr e : args) {
                s.add(e.sql());
            }
            return "(" + String.join(kind == BoolKind.AND ? " AND " : " OR ", s) + ")";
        }
    }

    record NullTest(TExpr arg, boolean not, PgType type) implements TExpr {
        @Override
        public int typmod() {
            return -1;
        }

        @Override
        public Object eval(EvalContext c) {
            return (arg.eval(c) == null) != not;
        }

        @Override
        public String sql() {
            return "(" + arg.sql() + (not ? " IS NOT NULL)" : " IS NULL)");
        }
    }

    /** IS [NOT] TRUE/FALSE/UNKNOWN; {@code kind} as the AST's enum name. */
    record BoolTest(TExpr arg, String kind, PgType type) implements TExpr {
        @Override
        public int typmod() {
            return -1;
        }

        @Override
        public Object eval(EvalContext c) {
            Object v = arg.eval(c);
            return switch (kind) {
                case "IS_TRUE" -> Boolean.TRUE.equals(v);
                case "IS_NOT_TRUE" -> !Boolean.TRUE.equals(v);
                case "IS_FALSE" -> Boolean.FALSE.equals(v);
                case "IS_NOT_FALSE" -> !Boolean.FALSE.equals(v);
                case "IS_UNKNOWN" -> v == null;
                default -> v != null;
            };
        }

        @Override
        public String sql() {
            return "(" + arg.sql() + " " + kind.replace('_', ' ') + ")";
        }
    }

    /** IS [NOT] DISTINCT FROM via the equality operator. */
    record Distinct(TExpr equality, TExpr left, TExpr right, boolean not, PgType type) implements TExpr {
        @Override
        public int typmod() {
            return -1;
        }

        @Override
        public Object eval(EvalContext c) {
            Object l = left.eval(c);
            Object r = right.eval(c);
            boolean distinct;
            if (l == null || r == null) {
                distinct = (l == null) != (r == null);
            } else {
                distinct = !Boolean.TRUE.equals(equality.eval(c));
            }
            return distinct != not;
        }

        @Override
        public String sql() {
            return "(" + left.sql() + (not ? " IS NOT DISTINCT FROM " : " IS DISTINCT FROM ") + right.sql() + ")";
        }
    }

    record When(TExpr condition, TExpr result) {
    }

    record Case(List<When> whens, TExpr elseResult, PgType type, int typmod) implements TExpr {
        @Override
        public Object eval(EvalContext c) {
            for (When w : whens) {
                if (Boolean.TRUE.equals(w.condition().eval(c))) {
                    return w.result().eval(c);
                }
            }
            return elseResult == null ? null : elseResult.eval(c);
        }

        @Override
        public String sql() {
            StringBuilder sb = new StringBuilder("CASE");
            for (When w : whens) {
                sb.append(" WHEN ").append(w.condition().sql()).append(" THEN ").append(w.result().sql());
            }
            if (elseResult != null) {
                sb.append(" ELSE ").append(elseResult.sql());
            }
            return sb.append(" END").toString();
        }
    }

    record Coalesce(List<TExpr> args, PgType type, int typmod) implements TExpr {
        @Override
        public Object eval(EvalContext c) {
            for (TExpr e : args) {
                Object v = e.eval(c);
                if (v != null) {
                    return v;
                }
            }
            return null;
        }

        @Override
        public String sql() {
            return "COALESCE(" + String.join(", ", args.stream().map(TExpr::sql).toList()) + ")";
        }
    }

    record NullIf(TExpr equality, TExpr left, PgType type, int typmod) implements TExpr {
        @Override
        public Object eval(EvalContext c) {
            Object l = left.eval(c);
            if (l == null) {
                return null;
            }
            return Boolean.TRUE.equals(equality.eval(c)) ? null : l;
        }

        @Override
        public String sql() {
            return "NULLIF(" + left.sql() + ")";
        }
    }

    /** GREATEST/LEAST: nulls ignored; comparison through the type's {@code <} operator when given. */
    record MinMax(boolean greatest, List<TExpr> args, OperatorEntry lessThan, PgType type, int typmod) implements TExpr {
        @Override
        public Object eval(EvalContext c) {
            Object best = null;
            for (TExpr e : args) {
                Object v = e.eval(c);
                if (v == null) {
                    continue;
                }
                if (best == null) {
                    best = v;
                    continue;
                }
                boolean less = lessThan != null
                        ? Boolean.TRUE.equals(Functions.invokeScalar(lessThan.function(), new Object[] {v, best}, c))
                        : ValueOrder.INSTANCE.compare(v, best) < 0;
                if (greatest ? !less && !ValueOrder.INSTANCE.same(v, best) : less) {
                    best = v;
                }
            }
            return best;
        }

        @Override
        public String sql() {
            return (greatest ? "GREATEST(" : "LEAST(") + String.join(", ", args.stream().map(TExpr::sql).toList()) + ")";
        }
    }

    /** ARRAY[...]; nested constructors build a multidimensional array. */
    record ArrayCtor(List<TExpr> elements, PgType elementType, PgType type, boolean nested) implements TExpr {
        @Override
        public int typmod() {
            return -1;
        }

        @Override
        public Object eval(EvalContext c) {
            Object[] vals = new Object[elements.size()];
            for (int i = 0; i < vals.length; i++) {
                vals[i] = elements.get(i).eval(c);
            }
            if (!nested) {
                return PgArray.of(elementType.oid(), vals);
            }
            List<Object> flat = new ArrayList<>();
            int[] sub = null;
            for (Object v : vals) {
                if (v == null) {
                    continue;
                }
                PgArray a = (PgArray) v;
                int[] d = a.dimensions();
                if (sub == null) {
                    sub = d;
                } else if (!java.util.Arrays.equals(sub, d)) {
                    throw new SqlException("2202E",
                            "multidimensional arrays must have array expressions with matching dimensions");
                }
                for (int i = 0; i < a.length(); i++) {
                    flat.add(a.get(i));
                }
            }
            if (sub == null || flat.isEmpty()) {
                return PgArray.of(elementType.oid());
            }
            int[] dims = new int[sub.length + 1];
            dims[0] = vals.length;
            System.arraycopy(sub, 0, dims, 1, sub.length);
            int[] lbs = new int[dims.length];
            java.util.Arrays.fill(lbs, 1);
            return new PgArray(elementType.oid(), dims, lbs, flat.toArray());
        }

        @Override
        public String sql() {
            return "ARRAY[" + String.join(", ", elements.stream().map(TExpr::sql).toList()) + "]";
        }
    }

    /** {@code a[i]} or {@code a[lo:hi]} (one dimension per subscript pair). */
    record Subscript(TExpr array, List<TExpr> lowers, List<TExpr> uppers, boolean slice, PgType type, int typmod)
            implements TExpr {
        @Override
        public Object eval(EvalContext c) {
            Object v = array.eval(c);
            if (v == null) {
                return null;
            }
            return ArrayAccess.subscript((PgArray) v, lowers, uppers, slice, c);
        }

        @Override
        public String sql() {
            return array.sql() + "[...]";
        }
    }

    /** {@code left op ANY|ALL (array)}. */
    record ArrayCompare(OperatorEntry operator, TExpr left, TExpr array, boolean all, PgType type) implements TExpr {
        @Override
        public int typmod() {
            return -1;
        }

        @Override
        public Object eval(EvalContext c) {
            Object l = left.eval(c);
            Object a = array.eval(c);
            if (a == null) {
                return null;
            }
            PgArray arr = (PgArray) a;
            if (arr.length() == 0) {
                return all;
            }
            if (l == null && operator.function().strict()) {
                return null;
            }
            boolean sawNull = false;
            for (int i = 0; i < arr.length(); i++) {
                Object e = arr.get(i);
                Object r = e == null && operator.function().strict() ? null
                        : Functions.invokeScalar(operator.function(), new Object[] {l, e}, c);
                if (r == null) {
                    sawNull = true;
                } else if ((Boolean) r != all) {
                    return !all;
                }
            }
            return sawNull ? null : all;
        }

        @Override
        public String sql() {
            return "(" + left.sql() + " " + operator.symbol() + (all ? " ALL (" : " ANY (") + array.sql() + "))";
        }
    }

    enum SubKind { EXISTS, ANY, ALL, EXPR, ARRAY }

    /**
     * A subquery in an expression. Uncorrelated ones are evaluated once per statement and cached
     * (PostgreSQL's InitPlan); {@code test} compares {@code left} against column 0 via {@code operator}.
     */
    record SubLink(SubKind kind, PlanNode plan, TExpr left, OperatorEntry operator, boolean correlated, PgType type,
                   int typmod, int initPlanId) implements TExpr {
        @Override
        public Object eval(EvalContext c) {
            if (!correlated) {
                Map<Object, Object> cache = c.exec().initPlanCache();
                Object key = this;
                if (cache.containsKey(key)) {
                    Object cached = cache.get(key);
                    if (kind == SubKind.EXPR || kind == SubKind.EXISTS || kind == SubKind.ARRAY) {
                        return cached;
                    }
                }
                if (kind == SubKind.EXPR || kind == SubKind.EXISTS || kind == SubKind.ARRAY) {
                    Object v = run(c);
                    cache.put(key, v);
                    return v;
                }
            }
            return run(c);
        }

        private Object run(EvalContext c) {
            EvalContext inner = c.nested();
            try (PlanNode.RowSource rs = plan.open(inner)) {
                switch (kind) {
                    case EXISTS -> {
                        return rs.next() != null;
                    }
                    case EXPR -> {
                        Object[] r = rs.next();
                        if (r == null) {
                            return null;
                        }
                        if (rs.next() != null) {
                            throw new SqlException("21000", "more than one row returned by a subquery used as an expression");
                        }
                        return r[0];
                    }
                    case ARRAY -> {
                        List<Object> vals = new ArrayList<>();
                        for (Object[] r = rs.next(); r != null; r = rs.next()) {
                            vals.add(r[0]);
                        }
                        PgType et = plan.columns().get(0).type();
                        return PgArray.of(et.oid(), vals.toArray());
                    }
                    default -> {
                        Object l = left.eval(c);
                        boolean all = kind == SubKind.ALL;
                        boolean sawNull = false;
                        boolean any = false;
                        for (Object[] r = rs.next(); r != null; r = rs.next()) {
                            any = true;
                            // a row on the left is compared with the subquery's whole row
                            Object rv = operator.right() instanceof RecordShape
                                    ? java.util.Arrays.copyOf(r, plan.columns().size()) : r[0];
                            Object res = (l == null || rv == null) && operator.function().strict() ? null
                                    : Functions.invokeScalar(operator.function(), new Object[] {l, rv}, c);
                            if (res == null) {
                                sawNull = true;
                            } else if ((Boolean) res != all) {
                                return !all;
                            }
                        }
                        if (!any) {
                            return all;
                        }
                        return sawNull ? null : all;
                    }
                }
            }
        }

        @Override
        public String sql() {
            return kind == SubKind.EXPR && !correlated ? "$" + (initPlanId - 1) : "(SubPlan " + initPlanId + ")";
        }

        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /** A value the session supplies (CURRENT_USER, CURRENT_DATE ...), evaluated by a function. */
    record SessionValue(String name, FunctionEntry function, PgType type) implements TExpr {
        @Override
        public int typmod() {
            return -1;
        }

        @Override
        public Object eval(EvalContext c) {
            return Functions.invokeScalar(function, new Object[0], c);
        }

        @Override
        public String sql() {
            return name;
        }
    }

    /** A set-returning function call in a select list; the projection expands it. */
    record SrfCall(FunctionEntry function, List<TExpr> args, PgType type, int typmod) implements TExpr {
        @Override
        public Object eval(EvalContext c) {
            throw new SqlException("0A000", "set-valued function called in context that cannot accept a set");
        }

        @Override
        public String sql() {
            return function.name() + "(" + String.join(", ", args.stream().map(TExpr::sql).toList()) + ")";
        }
    }

    /** An aggregate's result slot in the grouped row (aggregates come first in that row). */
    record AggRef(int index, PgType type, int typmod, String display) implements TExpr {
        @Override
        public Object eval(EvalContext c) {
            return c.row()[index];
        }

        @Override
        public String sql() {
            return display;
        }
    }

    /** A window function's result; rewritten to a Var over the WindowAgg output before execution. */
    record WinRef(int index, PgType type, int typmod, String display) implements TExpr {
        @Override
        public Object eval(EvalContext c) {
            throw new SqlException("XX000", "window function evaluated outside its WindowAgg");
        }

        @Override
        public String sql() {
            return display;
        }
    }
}
