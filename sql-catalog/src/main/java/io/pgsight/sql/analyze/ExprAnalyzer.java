package io.pgsight.sql.analyze;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.ast.Expr;
import io.pgsight.sql.ast.SortItem;
import io.pgsight.sql.ast.TypeName;
import io.pgsight.sql.catalog.AggregateEntry;
import io.pgsight.sql.catalog.Catalog;
import io.pgsight.sql.catalog.FunctionEntry;
import io.pgsight.sql.catalog.OperatorEntry;
import io.pgsight.sql.catalog.PseudoType;
import io.pgsight.sql.exec.PlanNode;
import io.pgsight.sql.spi.CastContext;
import io.pgsight.sql.spi.PgType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns raw expressions into typed ones: names through the {@link Scope}, literals typed as
 * PostgreSQL types them, operators and functions chosen by {@link Resolver}, with PostgreSQL's
 * errors and positions. Aggregates go to the {@link AggCollector} when one is active.
 */
public final class ExprAnalyzer {
    private final Catalog catalog;
    private final Coercion coercion;
    private final Resolver resolver;
    private final SubqueryPlanner subqueries;
    private final ParamTypes params;
    private AggCollector aggs;
    private WindowCollector windows;
    private java.util.Map<String, io.pgsight.sql.ast.WindowDef> namedWindows = java.util.Map.of();
    private java.util.Map<String, Integer> parameterNames = java.util.Map.of();
    private int initPlans;

    /** Types of $n parameters: given by the client, or inferred from first use. */
    public static final class ParamTypes {
        private final List<PgType> types = new ArrayList<>();
        /** When set, only the given parameters exist ($n past them is an error, as in a function body). */
        private boolean closed;

        /** Makes the given parameters the only ones: an SQL function body's $n must name one of its arguments. */
        public void close() {
            closed = true;
        }

        public ParamTypes(List<PgType> given) {
            types.addAll(given);
        }

        public PgType get(int n) {
            return n <= types.size() ? types.get(n - 1) : null;
        }

        public void set(int n, PgType t) {
            while (types.size() < n) {
                types.add(null);
            }
            if (types.get(n - 1) == null || types.get(n - 1).oid() == PseudoType.UNKNOWN) {
                types.set(n - 1, t);
            }
        }

        public List<PgType> all() {
            return types;
        }
    }

    public ExprAnalyzer(Catalog catalog, SubqueryPlanner subqueries, ParamTypes params) {
        this.catalog = catalog;
        this.coercion = new Coercion(catalog);
        this.resolver = new Resolver(catalog, coercion);
        this.subqueries = subqueries;
        this.params = params;
    }

    public Catalog catalog() {
        return catalog;
    }

    public Coercion coercion() {
        return coercion;
    }

    public ParamTypes params() {
        return params;
    }

    /**
     * The fields of PL/pgSQL record variable {@code record} as (field name, parameter number) in field order, for
     * {@code SELECT r.*}; empty when {@code record} is no record variable.
     */
    public List<java.util.Map.Entry<String, Integer>> recordFields(String record) {
        if (!(parameterNames instanceof VariableNames)) {
            return List.of();
        }
        String prefix = record + ".";
        return parameterNames.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .map(e -> java.util.Map.entry(e.getKey().substring(prefix.length()), e.getValue()))
                .sorted(java.util.Map.Entry.comparingByValue()).toList();
    }

    /** Whether the call being analysed is CALL's, which must name a procedure (any other must name a function). */
    private boolean callingProcedure;

    /** Analyses the function call of a CALL statement. */
    public TExpr procedureCall(Expr.FuncCall call) {
        callingProcedure = true;
        return function(call, new Scope(null));
    }

    /** Names of SQL-function parameters (or PL/pgSQL variables, {@code rec.field} too), usable instead of $n. */
    public void setParameterNames(java.util.Map<String, Integer> names) {
        parameterNames = names;
    }

    public void setWindows(WindowCollector w, java.util.Map<String, io.pgsight.sql.ast.WindowDef> named) {
        windows = w;
        namedWindows = named;
    }

    public void setAggregates(AggCollector c) {
        aggs = c;
    }

    public PgType type(int oid) {
        return catalog.typeByOid(oid);
    }

    private PgType bool() {
        return type(16);
    }

    // ------------------------------------------------------------------ entry points

    public TExpr analyze(Expr e, Scope scope) {
        if (e instanceof Expr.ColumnRef c) {
            if (c.star()) {
                // t.* as a value (a function argument, a comparison operand) is the whole row of t
                TExpr row = c.names().size() == 1 ? scope.wholeRow(c.names().get(0)) : null;
                if (row != null) {
                    return row;
                }
                throw new SqlException("42601", "row expansion via \"*\" is not supported here").withPosition(c.location());
            }
            if (parameterNames instanceof VariableNames v && v.conflict() == VariableNames.Conflict.USE_VARIABLE
                    && c.names().size() == 1 && v.containsKey(c.names().get(0))) {
                int p = v.get(c.names().get(0));
                PgType t = params.get(p);
                return new TExpr.Param(p, t == null ? type(PseudoType.UNKNOWN) : t, -1);
            }
            try {
                TExpr column = scope.resolve(c.names(), c.location(), scope.items.size() > 1 || scope.parent != null);
                if (parameterNames instanceof VariableNames v && v.conflict() == VariableNames.Conflict.ERROR
                        && c.names().size() == 1 && v.containsKey(c.names().get(0))) {
                    throw new SqlException("42702", "column reference \"" + c.names().get(0) + "\" is ambiguous")
                            .withDetail("It could refer to either a PL/pgSQL variable or a table column.")
                            .withPosition(c.location());
                }
                return column;
            } catch (SqlException ex) {
                if (ex.sqlState().equals("42702")) {
                    throw ex;
                }
                // a name that is no column but a FROM item's alias is a whole-row reference
                TExpr row = c.names().size() == 1 && ex.sqlState().equals("42703") ? scope.wholeRow(c.names().get(0)) : null;
                if (row != null) {
                    return row;
                }
                Integer p = parameterNames.get(c.names().size() == 1 ? c.names().get(0) : String.join(".", c.names()));
                if (p == null || !(ex.sqlState().equals("42703") || ex.sqlState().equals("42P01"))) {
                    throw ex;
                }
                PgType t = params.get(p);
                return new TExpr.Param(p, t == null ? type(PseudoType.UNKNOWN) : t, -1);
            }
        } else if (e instanceof Expr.Param p) {
            if (params.closed && p.number() > params.types.size()) {
                throw new SqlException("42P02", "there is no parameter $" + p.number()).withPosition(p.location());
            }
            PgType t = params.get(p.number());
            return new TExpr.Param(p.number(), t == null ? type(PseudoType.UNKNOWN) : t, -1);
        } else if (e instanceof Expr.NullLiteral n) {
            return new TExpr.Const(null, type(PseudoType.UNKNOWN), -1, n.location());
        } else if (e instanceof Expr.BooleanLiteral b) {
            return new TExpr.Const(b.value(), bool(), -1, b.location());
        } else if (e instanceof Expr.NumberLiteral n) {
            return number(n);
        } else if (e instanceof Expr.StringLiteral s) {
            return new TExpr.Const(s.value(), type(PseudoType.UNKNOWN), -1, s.location());
        } else if (e instanceof Expr.BitStringLiteral b) {
            PgType bit = type(1560);
            if (bit == null) {
                throw new SqlException("42704", "type \"bit\" does not exist").withPosition(b.location());
            }
            return new TExpr.Const(Coercion.input(bit, (b.hex() ? "x" : "") + b.digits(), -1, b.location()), bit, -1,
                    b.location());
        } else if (e instanceof Expr.TypeCast c) {
            return cast(c, scope);
        } else if (e instanceof Expr.BinaryOp b) {
            if (RowExpressions.isComparison(b.op().symbol()) && (isRow(b.left()) || isRow(b.right()))) {
                List<TExpr> l = rowFields(b.left(), scope);
                List<TExpr> r = rowFields(b.right(), scope);
                if (l != null && r != null) {
                    return RowExpressions.compare(b.op().symbol(), l, r, b.location(), this::operator, bool());
                }
            }
            TExpr l = analyze(b.left(), scope);
            TExpr r = analyze(b.right(), scope);
            if (RowExpressions.isComparison(b.op().symbol()) && l.type() instanceof RecordShape
                    && r.type() instanceof RecordShape) {
                return RowExpressions.compare(b.op().symbol(), RowExpressions.fields(l, b.location()),
                        RowExpressions.fields(r, b.location()), b.location(), this::operator, bool());
            }
            return operator(b.op().symbol(), l, r, b.location());
        } else if (e instanceof Expr.PrefixOp p) {
            TExpr arg = analyze(p.operand(), scope);
            if (p.op().symbol().equals("-") && arg instanceof TExpr.Const k && k.value() instanceof Number) {
                return negate(k);
            }
            return operator(p.op().symbol(), null, arg, p.location());
        } else if (e instanceof Expr.BoolExpr b) {
            List<TExpr> args = new ArrayList<>();
            for (Expr a : b.args()) {
                args.add(condition(a, scope, b.op().name()));
            }
            return new TExpr.Bool(TExpr.BoolKind.valueOf(b.op().name()), args, bool());
        } else if (e instanceof Expr.IsNull n) {
            TExpr arg = analyze(n.arg(), scope);
            if (arg.type() instanceof RecordShape) {
                return RowExpressions.nullTest(RowExpressions.fields(arg, n.location()), n.not(), bool());
            }
            return new TExpr.NullTest(arg, n.not(), bool());
        } else if (e instanceof Expr.BooleanTest t) {
            return new TExpr.BoolTest(condition(t.arg(), scope, "IS"), t.kind().name(), bool());
        } else if (e instanceof Expr.IsDistinctFrom d) {
            List<TExpr> rl = isRow(d.left()) || isRow(d.right()) ? rowFields(d.left(), scope) : null;
            List<TExpr> rr = rl == null ? null : rowFields(d.right(), scope);
            if (rr != null) {
                return RowExpressions.distinct(rl, rr, d.not(), d.location(), this::operator, bool());
            }
            TExpr l = analyze(d.left(), scope);
            TExpr r = analyze(d.right(), scope);
            TExpr.Op eq = (TExpr.Op) operator("=", l, r, d.location());
            return new TExpr.Distinct(eq, eq.left(), eq.right(), d.not(), bool());
        } else if (e instanceof Expr.Between b) {
            TExpr x = analyze(b.arg(), scope);
            TExpr lo = analyze(b.low(), scope);
            TExpr hi = analyze(b.high(), scope);
            TExpr ge = operator(b.not() ? "<" : ">=", x, lo, b.location());
            TExpr le = operator(b.not() ? ">" : "<=", x, hi, b.location());
            return new TExpr.Bool(b.not() ? TExpr.BoolKind.OR : TExpr.BoolKind.AND, List.of(ge, le), bool());
        } else if (e instanceof Expr.Like l) {
            String op = switch (l.kind()) {
                case LIKE -> l.not() ? "!~~" : "~~";
                case ILIKE -> l.not() ? "!~~*" : "~~*";
                case SIMILAR -> l.not() ? "!~" : "~";
            };
            return operator(op, analyze(l.arg(), scope), analyze(l.pattern(), scope), l.location());
        } else if (e instanceof Expr.InList in) {
            if (isRow(in.arg())) {
                List<TExpr> x = rowFields(in.arg(), scope);
                List<TExpr> parts = new ArrayList<>();
                for (Expr item : in.list()) {
                    List<TExpr> y = rowFields(item, scope);
                    parts.add(y == null ? operator(in.not() ? "<>" : "=", analyze(in.arg(), scope), analyze(item, scope),
                            in.location()) : RowExpressions.compare(in.not() ? "<>" : "=", x, y, in.location(),
                            this::operator, bool()));
                }
                return parts.size() == 1 ? parts.get(0)
                        : new TExpr.Bool(in.not() ? TExpr.BoolKind.AND : TExpr.BoolKind.OR, parts, bool());
            }
            TExpr x = analyze(in.arg(), scope);
            List<TExpr> ors = new ArrayList<>();
            for (Expr item : in.list()) {
                ors.add(operator(in.not() ? "<>" : "=", x, analyze(item, scope), in.location()));
            }
            return ors.size() == 1 ? ors.get(0)
                    : new TExpr.Bool(in.not() ? TExpr.BoolKind.AND : TExpr.BoolKind.OR, ors, bool());
        } else if (e instanceof Expr.ArrayComparison a) {
            return arrayCompare(a, scope);
        } else if (e instanceof Expr.SubLink s) {
            return subLink(s, scope);
        } else if (e instanceof Expr.FuncCall f) {
            return function(f, scope);
        } else if (e instanceof Expr.Coalesce c) {
            List<TExpr> args = unify(c.args(), scope, "COALESCE");
            return new TExpr.Coalesce(args, args.get(0).type(), -1);
        } else if (e instanceof Expr.NullIf n) {
            TExpr l = analyze(n.left(), scope);
            TExpr r = analyze(n.right(), scope);
            TExpr.Op eq = (TExpr.Op) operator("=", l, r, n.location());
            return new TExpr.NullIf(eq, eq.left(), eq.left().type(), -1);
        } else if (e instanceof Expr.MinMax m) {
            List<TExpr> args = unify(m.args(), scope, m.greatest() ? "GREATEST" : "LEAST");
            PgType t = args.get(0).type();
            OperatorEntry lt = findOperator("<", t, t);
            return new TExpr.MinMax(m.greatest(), args, lt, t, -1);
        } else if (e instanceof Expr.Case c) {
            return caseExpr(c, scope);
        } else if (e instanceof Expr.ArrayConstructor a) {
            return array(a, scope, null);
        } else if (e instanceof Expr.Indirection ind) {
            return indirection(ind, scope);
        } else if (e instanceof Expr.SqlValueFunction v) {
            return sqlValue(v);
        } else if (e instanceof Expr.Collate c) {
            return analyze(c.arg(), scope);
        } else if (e instanceof Expr.SetToDefault d) {
            throw new SqlException("42601", "DEFAULT is not allowed in this context").withPosition(d.location());
        } else if (e instanceof Expr.RowConstructor r) {
            if (r.fields().size() == 1 && !r.explicitRow()) {
                return analyze(r.fields().get(0), scope);
            }
            List<TExpr> fields = new ArrayList<>();
            for (Expr f : r.fields()) {
                TExpr t = analyze(f, scope);
                // an unknown literal in a row is text, as PostgreSQL resolves it
                fields.add(t.type().oid() == PseudoType.UNKNOWN ? coercion.coerce(t, type(25), -1, CastContext.IMPLICIT,
                        f.location()) : t);
            }
            return RowExpressions.construct(fields, RowExpressions.positionalNames(fields.size()));
        } else if (e instanceof Expr.NamedArg n) {
            return analyze(n.value(), scope);
        } else if (e instanceof Expr.Grouping g) {
            if (g.args().size() > 31) {
                throw new SqlException("54023", "GROUPING must have fewer than 32 arguments").withPosition(g.location());
            }
            List<TExpr> args = new ArrayList<>();
            for (Expr a : g.args()) {
                args.add(analyze(a, scope));
            }
            return GroupingFunction.call(args, type(23));
        }
        throw new SqlException("0A000", "expression is not supported").withPosition(e.location());
    }

    /** A row constructor of two or more fields, or ROW(...) with any number. */
    private static boolean isRow(Expr e) {
        return e instanceof Expr.RowConstructor r && (r.fields().size() != 1 || r.explicitRow());
    }

    /**
     * The fields of a row operand: a constructor's expressions, or the fields of a row-typed value;
     * null for an operand that is no row (the caller then reports PostgreSQL's operator error).
     */
    private List<TExpr> rowFields(Expr e, Scope scope) {
        if (isRow(e)) {
            List<TExpr> out = new ArrayList<>();
            for (Expr f : ((Expr.RowConstructor) e).fields()) {
                out.add(analyze(f, scope));
            }
            return out;
        }
        TExpr t = analyze(e, scope);
        if (t.type() instanceof RecordShape) {
            return RowExpressions.fields(t, e.location());
        }
        return null;
    }

    /** Analyses a boolean condition (WHERE, AND arguments...). */
    public TExpr condition(Expr e, Scope scope, String clause) {
        TExpr t = analyze(e, scope);
        TExpr b = coercion.coerce(t, bool(), -1, CastContext.ASSIGNMENT, e.location());
        if (b == null) {
            throw new SqlException("42804", "argument of " + clause + " must be type boolean, not type "
                    + catalog.formatType(t.type())).withPosition(e.location());
        }
        return b;
    }

    // ------------------------------------------------------------------ literals and casts

    private TExpr number(Expr.NumberLiteral n) {
        String t = n.text();
        boolean integral = !t.isEmpty() && (n.isIntegral() || (t.charAt(0) == '-' && t.length() > 1
                && t.substring(1).chars().allMatch(Character::isDigit)));
        if (integral) {
            try {
                long v = Long.parseLong(t);
                if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
                    return new TExpr.Const((int) v, type(23), -1, n.location());
                }
                return new TExpr.Const(v, type(20), -1, n.location());
            } catch (NumberFormatException ex) {
                // too big for int8: numeric
            }
        }
        return new TExpr.Const(type(1700).input(t, -1), type(1700), -1, n.location());
    }

    private TExpr negate(TExpr.Const k) {
        Object v = k.value();
        int loc = k.location() > 0 ? k.location() - 1 : 0;
        if (v instanceof Integer i) {
            return new TExpr.Const(-i, k.type(), -1, loc);
        }
        if (v instanceof Long l) {
            if (l == -(long) Integer.MIN_VALUE) {
                return new TExpr.Const(Integer.MIN_VALUE, type(23), -1, loc);
            }
            return new TExpr.Const(-l, k.type(), -1, loc);
        }
        if (v instanceof BigDecimal d) {
            if (d.compareTo(BigDecimal.valueOf(Long.MAX_VALUE).add(BigDecimal.ONE)) == 0) {
                return new TExpr.Const(Long.MIN_VALUE, type(20), -1, loc);
            }
            return new TExpr.Const(d.negate(), k.type(), -1, loc);
        }
        return k;
    }

    public PgType resolveType(TypeName tn) {
        String name = tn.name();
        PgType t = catalog.typeByName(tn.schema() != null && !tn.schema().equals("pg_catalog") ? name : name);
        if (t == null) {
            throw new SqlException("42704", "type \"" + String.join(".", tn.names()) + "\" does not exist")
                    .withPosition(tn.location());
        }
        if (tn.isArray()) {
            PgType a = catalog.arrayOf(t);
            if (a == null) {
                throw new SqlException("42704", "could not find array type for data type " + catalog.formatType(t))
                        .withPosition(tn.location());
            }
            return a;
        }
        return t;
    }

    public int resolveTypmod(TypeName tn, PgType t) {
        if (tn.typmods().isEmpty()) {
            return -1;
        }
        int[] mods = new int[tn.typmods().size()];
        for (int i = 0; i < mods.length; i++) {
            Expr m = tn.typmods().get(i);
            if (!(m instanceof Expr.NumberLiteral n) || !n.isIntegral()) {
                throw new SqlException("42601", "type modifiers must be simple constants or identifiers")
                        .withPosition(m.location());
            }
            mods[i] = Integer.parseInt(n.text());
        }
        PgType base = catalog.elementOf(t) != null ? catalog.elementOf(t) : t;
        try {
            return base.typmodIn(mods);
        } catch (SqlException ex) {
            throw ex.position() == 0 ? ex.withPosition(tn.location()) : ex;
        }
    }

    private TExpr cast(Expr.TypeCast c, Scope scope) {
        PgType t = resolveType(c.type());
        int typmod = resolveTypmod(c.type(), t);
        TExpr arg = c.arg() instanceof Expr.ArrayConstructor ac && ac.elements().isEmpty()
                ? array(ac, scope, t) : analyze(c.arg(), scope);
        if (arg instanceof TExpr.Const k && k.isUnknownLiteral()) {
            int loc = k.location() > 0 ? k.location() : c.location();
            Object v = k.value() == null ? null : Coercion.input(t, (String) k.value(), typmod, loc, true);
            return new TExpr.Const(v, t, typmod, loc);
        }
        if (arg instanceof TExpr.Param p && p.type().oid() == PseudoType.UNKNOWN) {
            params.set(p.number(), t);
            return new TExpr.Param(p.number(), t, typmod);
        }
        TExpr r = coercion.coerce(arg, t, typmod, CastContext.EXPLICIT, c.location());
        if (r == null) {
            throw new SqlException("42846", "cannot cast type " + catalog.formatType(arg.type()) + " to "
                    + catalog.formatType(t)).withPosition(c.location());
        }
        return r;
    }

    /** Coerces for assignment to a column (INSERT/UPDATE), with PostgreSQL's 42804 error. */
    public TExpr assign(TExpr e, PgType t, int typmod, String column, int location) {
        if (e instanceof TExpr.Param p && p.type().oid() == PseudoType.UNKNOWN) {
            params.set(p.number(), t);
            e = new TExpr.Param(p.number(), t, -1);
        }
        TExpr r = coercion.coerce(e, t, typmod, CastContext.ASSIGNMENT, location);
        if (r == null) {
            throw new SqlException("42804", "column \"" + column + "\" is of type " + catalog.formatType(t)
                    + " but expression is of type " + catalog.formatType(e.type()))
                    .withHint("You will need to rewrite or cast the expression.").withPosition(location);
        }
        if (typmod >= 0 && r == e && e.typmod() != typmod) {
            r = new TExpr.Cast(e, t, typmod, (v, c) -> t.applyTypmod(v, typmod, false), false);
        }
        return r;
    }

    // ------------------------------------------------------------------ operators

    public OperatorEntry findOperator(String symbol, PgType l, PgType r) {
        for (OperatorEntry o : catalog.operators(symbol)) {
            if (o.left() != null && o.left().oid() == l.oid() && o.right().oid() == r.oid()) {
                return o;
            }
        }
        return null;
    }

    public TExpr operator(String symbol, TExpr left, TExpr right, int location) {
        left = inferParam(left, right);
        right = inferParam(right, left);
        List<OperatorEntry> cands = new ArrayList<>();
        for (OperatorEntry o : catalog.operators(symbol)) {
            if ((left == null) == (o.left() == null)) {
                cands.add(o);
            }
        }
        List<List<PgType>> sigs = new ArrayList<>();
        for (OperatorEntry o : cands) {
            sigs.add(left == null ? List.of(o.right()) : List.of(o.left(), o.right()));
        }
        List<PgType> actual = left == null ? List.of(right.type()) : List.of(left.type(), right.type());
        int pick = resolver.choose(sigs, actual);
        if (pick < 0) {
            String types = left == null ? symbol + " " + catalog.formatType(right.type())
                    : catalog.formatType(left.type()) + " " + symbol + " " + catalog.formatType(right.type());
            if (pick == -2) {
                throw new SqlException("42725", "operator is not unique: " + types).withPosition(location)
                        .withHint("Could not choose a best candidate operator. You might need to add explicit type casts.");
            }
            throw new SqlException("42883", "operator does not exist: " + types).withPosition(location)
                    .withHint("No operator matches the given name and argument types. You might need to add explicit type casts.");
        }
        OperatorEntry op = cands.get(pick);
        PgType[] bound = bindPolymorphic(sigs.get(pick), actual);
        TExpr l = left == null ? null : coerceArg(left, concrete(op.left(), bound), location);
        TExpr r = coerceArg(right, concrete(op.right(), bound), location);
        PgType result = concrete(op.resultType(), bound);
        return new TExpr.Op(op, l, r, result);
    }

    private TExpr inferParam(TExpr e, TExpr other) {
        if (e instanceof TExpr.Param p && p.type().oid() == PseudoType.UNKNOWN && other != null
                && other.type().oid() != PseudoType.UNKNOWN) {
            params.set(p.number(), other.type());
            return new TExpr.Param(p.number(), other.type(), -1);
        }
        return e;
    }

    private TExpr coerceArg(TExpr e, PgType to, int location) {
        if (to == null || PseudoType.is(to)) {
            if (e instanceof TExpr.Const k && k.isUnknownLiteral() && to != null && to.oid() != PseudoType.ANY) {
                return coercion.coerce(e, type(25), -1, CastContext.IMPLICIT, location);
            }
            return e;
        }
        TExpr r = coercion.coerce(e, to, -1, CastContext.IMPLICIT, e instanceof TExpr.Const k ? k.location() : location);
        return r == null ? e : r;
    }

    /** [elementType, arrayType] bound by polymorphic parameters. */
    private PgType[] bindPolymorphic(List<PgType> sig, List<PgType> actual) {
        PgType elem = null;
        for (int k = 0; k < sig.size(); k++) {
            PgType t = sig.get(k);
            PgType a = actual.get(k);
            if (Resolver.unknown(a)) {
                continue;
            }
            if (t.oid() == PseudoType.ANYELEMENT || t.oid() == PseudoType.ANYNONARRAY || t.oid() == PseudoType.ANYCOMPATIBLE) {
                elem = elem == null ? a : elem;
            } else if (t.oid() == PseudoType.ANYARRAY || t.oid() == PseudoType.ANYCOMPATIBLEARRAY) {
                PgType e = catalog.elementOf(a);
                if (e != null && elem == null) {
                    elem = e;
                }
            }
        }
        if (elem == null) {
            // anycompatible resolves all-unknown inputs to text; anyelement/anyarray cannot (parse_coerce.c)
            for (PgType t : sig) {
                int o = t.oid();
                if (o == PseudoType.ANYELEMENT || o == PseudoType.ANYNONARRAY || o == PseudoType.ANYARRAY) {
                    throw new SqlException("42804", "could not determine polymorphic type because input has type unknown");
                }
            }
            elem = type(25);
        }
        return new PgType[] {elem, catalog.arrayOf(elem)};
    }

    private static PgType concrete(PgType t, PgType[] bound) {
        if (t == null) {
            return null;
        }
        int o = t.oid();
        if (o == PseudoType.ANYELEMENT || o == PseudoType.ANYNONARRAY || o == PseudoType.ANYCOMPATIBLE) {
            return bound[0];
        }
        if (o == PseudoType.ANYARRAY || o == PseudoType.ANYCOMPATIBLEARRAY) {
            return bound[1];
        }
        return t;
    }

    private TExpr arrayCompare(Expr.ArrayComparison a, Scope scope) {
        TExpr l = analyze(a.left(), scope);
        TExpr arr = analyze(a.array(), scope);
        PgType elem = catalog.elementOf(arr.type());
        if (arr instanceof TExpr.Const k && k.isUnknownLiteral()) {
            PgType at = catalog.arrayOf(l.type().oid() == PseudoType.UNKNOWN ? type(25) : l.type());
            arr = coercion.coerce(arr, at, -1, CastContext.IMPLICIT, k.location());
            elem = catalog.elementOf(at);
        }
        if (elem == null) {
            throw new SqlException("42809", "op ANY/ALL (array) requires array on right side").withPosition(a.location());
        }
        TExpr.Op op = (TExpr.Op) operator(a.op().symbol(), l, new TExpr.Const(null, elem, -1, 0), a.location());
        return new TExpr.ArrayCompare(op.operator(), op.left(), arr, a.all(), bool());
    }

    // ------------------------------------------------------------------ subqueries

    private TExpr subLink(Expr.SubLink s, Scope scope) {
        int before = scope.outerReferenceCount();
        PlanNode plan = subqueries.plan(s.subquery(), scope);
        boolean correlated = scope.outerReferenceCount() != before;
        int id = ++initPlans;
        List<PlanNode.OutputColumn> cols = plan.columns();
        switch (s.kind()) {
            case EXISTS -> {
                return new TExpr.SubLink(TExpr.SubKind.EXISTS, plan, null, null, correlated, bool(), -1, id);
            }
            case EXPR -> {
                if (cols.size() != 1) {
                    throw new SqlException("42601", "subquery must return only one column").withPosition(s.location());
                }
                return new TExpr.SubLink(TExpr.SubKind.EXPR, plan, null, null, correlated, cols.get(0).type(),
                        cols.get(0).typmod(), id);
            }
            case ARRAY -> {
                PgType at = catalog.arrayOf(cols.get(0).type());
                return new TExpr.SubLink(TExpr.SubKind.ARRAY, plan, null, null, correlated, at, -1, id);
            }
            default -> {
                String sym = s.op() == null ? "=" : s.op().symbol();
                List<TExpr> rowLeft = isRow(s.testExpr()) || cols.size() > 1 ? rowFields(s.testExpr(), scope) : null;
                if (rowLeft != null || cols.size() > 1) {
                    TExpr[] left = new TExpr[1];
                    OperatorEntry rowOp = RowExpressions.subqueryOperator(sym,
                            rowLeft != null ? rowLeft : List.of(analyze(s.testExpr(), scope)),
                            cols.stream().map(PlanNode.OutputColumn::type).toList(), s.location(), this::operator, bool(),
                            left);
                    return new TExpr.SubLink(s.kind() == Expr.SubLinkKind.ALL ? TExpr.SubKind.ALL : TExpr.SubKind.ANY,
                            plan, left[0], rowOp, correlated, bool(), -1, id);
                }
                TExpr l = analyze(s.testExpr(), scope);
                TExpr.Op op = (TExpr.Op) operator(sym, l, new TExpr.Const(null, cols.get(0).type(), -1, 0), s.location());
                return new TExpr.SubLink(s.kind() == Expr.SubLinkKind.ALL ? TExpr.SubKind.ALL : TExpr.SubKind.ANY, plan,
                        op.left(), op.operator(), correlated, bool(), -1, id);
            }
        }
    }

    // ------------------------------------------------------------------ functions and aggregates

    private TExpr function(Expr.FuncCall f, Scope scope) {
        boolean procedureCall = callingProcedure;
        callingProcedure = false; // calls in the arguments are function calls
        String name = f.name().name();
        String schema = f.name().schema();
        if (f.over() != null) {
            return window(f, scope);
        }
        List<TExpr> args = new ArrayList<>();
        List<AggregateEntry> aggCands = catalog.aggregates(name);
        boolean isAgg = !aggCands.isEmpty() && (f.star() || !catalog.aggregates(name).isEmpty());
        if (isAgg && !catalog.functions(name).isEmpty() && f.orderBy().isEmpty() && !f.star() && !f.distinct()
                && f.filter() == null) {
            isAgg = aggCands.stream().anyMatch(a -> a.argumentTypes().size() == f.args().size());
        }
        if (isAgg) {
            return aggregate(f, aggCands, scope);
        }
        if (f.star()) {
            throw new SqlException("42809", name + "(*) specified, but " + name + " is not an aggregate function")
                    .withPosition(f.location());
        }
        for (Expr a : f.args()) {
            args.add(analyze(a, scope));
        }
        if (name.equals("pg_typeof") && args.size() == 1 && (schema == null || schema.equals("pg_catalog"))
                && type(2206) != null) {
            return new TExpr.Const(args.get(0).type().oid(), type(2206), -1, f.location());
        }
        List<FunctionEntry> cands = catalog.functions(name);
        if (schema != null) {
            cands = cands.stream().filter(c -> c.schema().equals(schema) || schema.equals("pg_catalog")).toList();
        }
        List<String> argNames = new ArrayList<>();
        for (Expr a : f.args()) {
            argNames.add(a instanceof Expr.NamedArg na ? na.name() : null);
        }
        boolean anyNamed = argNames.stream().anyMatch(java.util.Objects::nonNull);
        List<List<PgType>> sigs = new ArrayList<>();
        List<FunctionEntry> expanded = new ArrayList<>();
        List<CallArguments> fits = new ArrayList<>();
        for (FunctionEntry c : cands) {
            if (c.variadic() && !anyNamed && args.size() >= c.argumentTypes().size() - 1) {
                List<PgType> sig = new ArrayList<>(c.argumentTypes().subList(0, c.argumentTypes().size() - 1));
                PgType last = c.argumentTypes().get(c.argumentTypes().size() - 1);
                PgType elem = catalog.elementOf(last);
                while (sig.size() < args.size()) {
                    sig.add(elem == null ? last : elem);
                }
                sigs.add(sig);
                fits.add(null);
            } else {
                CallArguments fit = CallArguments.fit(c, argNames);
                if (fit == null) {
                    continue;
                }
                sigs.add(fit.signature(c));
                fits.add(fit);
            }
            expanded.add(c);
        }
        List<PgType> actual = new ArrayList<>();
        for (TExpr a : args) {
            actual.add(a.type());
        }
        int pick = resolver.choose(sigs, actual);
        if (pick < 0) {
            List<String> shown = new ArrayList<>();
            for (int i = 0; i < actual.size(); i++) {
                String t = catalog.formatType(actual.get(i));
                shown.add(argNames.get(i) == null ? t : argNames.get(i) + " => " + t);
            }
            String sig = name + "(" + String.join(", ", shown) + ")";
            if (pick == -2) {
                throw new SqlException("42725", "function " + sig + " is not unique").withPosition(f.location())
                        .withHint("Could not choose a best candidate function. You might need to add explicit type casts.");
            }
            String what = procedureCall ? "procedure" : "function";
            throw new SqlException("42883", what + " " + sig + " does not exist").withPosition(f.location())
                    .withHint("No " + what + " matches the given name and argument types. You might need to add explicit type casts.");
        }
        FunctionEntry fn = expanded.get(pick);
        if (fn.procedure() != procedureCall) {
            List<String> shown = new ArrayList<>();
            for (int i = 0; i < actual.size(); i++) {
                String t = catalog.formatType(actual.get(i));
                shown.add(argNames.get(i) == null ? t : argNames.get(i) + " => " + t);
            }
            String sig = name + "(" + String.join(", ", shown) + ")";
            throw fn.procedure()
                    ? new SqlException("42809", sig + " is a procedure").withPosition(f.location())
                            .withHint("To call a procedure, use CALL.")
                    : new SqlException("42809", sig + " is not a procedure").withPosition(f.location())
                            .withHint("To call a function, use SELECT.");
        }
        List<PgType> sig = sigs.get(pick);
        PgType[] bound = bindPolymorphic(sig, actual);
        List<TExpr> coerced = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            TExpr a = inferParamTo(args.get(i), concrete(sig.get(i), bound));
            coerced.add(coerceArg(a, concrete(sig.get(i), bound), f.location()));
        }
        CallArguments fit = fits.get(pick);
        if (fit != null && !fit.positional(fn)) {
            coerced = fit.complete(fn, coerced);
        } else if (fn.variadic()) {
            int fixed = fn.argumentTypes().size() - 1;
            PgType arrT = fn.argumentTypes().get(fixed);
            if (!(f.variadic())) {
                PgType et = catalog.elementOf(arrT);
                List<TExpr> rest = new ArrayList<>(coerced.subList(fixed, coerced.size()));
                List<TExpr> head = new ArrayList<>(coerced.subList(0, fixed));
                if (arrT.oid() == PseudoType.ANY) {
                    coerced = coerced;
                } else {
                    head.add(new TExpr.ArrayCtor(rest, et == null ? type(25) : et, arrT, false));
                    coerced = head;
                }
            }
        }
        PgType ret = concrete(fn.returnType(), bound);
        if (fn.returnsSet()) {
            PgType rt = fn.returnsRecord() ? FieldAccess.shapeOf(fn) : ret;
            return new TExpr.SrfCall(fn, coerced, rt, -1);
        }
        // OUT parameters: the value is a row of them (SELECT f() prints "(a,b)", (f()).a picks one)
        return new TExpr.Call(fn, coerced, fn.returnsRecord() ? FieldAccess.shapeOf(fn) : ret, -1);
    }

    private TExpr window(Expr.FuncCall f, Scope scope) {
        if (windows == null) {
            throw new SqlException("42P20", "window functions are not allowed in this context").withPosition(f.location());
        }
        io.pgsight.sql.ast.WindowDef w = f.over();
        if (w.refName() != null) {
            io.pgsight.sql.ast.WindowDef base = namedWindows.get(w.refName());
            if (base == null) {
                throw new SqlException("42704", "window \"" + w.refName() + "\" does not exist").withPosition(w.location());
            }
            w = new io.pgsight.sql.ast.WindowDef(null, null, base.partitionBy(),
                    w.orderBy().isEmpty() ? base.orderBy() : w.orderBy(), w.frame() != null ? w.frame() : base.frame(),
                    w.location());
        }
        WindowCollector saved = windows;
        windows = null;
        try {
            List<TExpr> args = new ArrayList<>();
            for (Expr a : f.args()) {
                args.add(analyze(a, scope));
            }
            List<TExpr> part = new ArrayList<>();
            for (Expr p : w.partitionBy()) {
                part.add(analyze(p, scope));
            }
            List<TExpr> order = new ArrayList<>();
            List<Boolean> desc = new ArrayList<>();
            List<Boolean> nf = new ArrayList<>();
            for (SortItem si : w.orderBy()) {
                order.add(analyze(si.expr(), scope));
                boolean d = si.direction() == SortItem.Direction.DESC;
                desc.add(d);
                nf.add(si.nulls() == SortItem.NullsOrder.DEFAULT ? d : si.nulls() == SortItem.NullsOrder.FIRST);
            }
            List<TExpr> offsets = new ArrayList<>();
            if (w.frame() != null) {
                for (var b : new io.pgsight.sql.ast.WindowDef.FrameBound[] {w.frame().start(), w.frame().end()}) {
                    offsets.add(b == null || b.offset() == null ? null
                            : coercion.coerce(analyze(b.offset(), scope), type(20), -1, CastContext.IMPLICIT, f.location()));
                }
            }
            String name = f.name().name();
            List<PgType> actual = args.stream().map(TExpr::type).toList();
            List<AggregateEntry> aggCands = catalog.aggregates(name);
            if (!aggCands.isEmpty()) {
                List<List<PgType>> sigs = aggCands.stream().map(AggregateEntry::argumentTypes).toList();
                int pick = resolver.choose(sigs, actual);
                if (pick >= 0) {
                    AggregateEntry agg = aggCands.get(pick);
                    PgType[] bound = bindPolymorphic(sigs.get(pick), actual);
                    List<TExpr> co = new ArrayList<>();
                    for (int i = 0; i < args.size(); i++) {
                        co.add(coerceArg(args.get(i), concrete(agg.argumentTypes().get(i), bound), f.location()));
                    }
                    PgType ret = concrete(agg.resultType(), bound);
                    int idx = saved.add(new WindowCollector.WinCall(null, agg, co, f.star(), part, order, desc, nf,
                            w.frame(), offsets));
                    return new TExpr.WinRef(idx, ret, -1, name + "(...) OVER (...)");
                }
            }
            List<FunctionEntry> cands = catalog.functions(name).stream()
                    .filter(c -> c.body() instanceof io.pgsight.sql.catalog.FunctionBody.Window).toList();
            List<List<PgType>> sigs = cands.stream().map(FunctionEntry::argumentTypes).toList();
            int pick = resolver.choose(sigs, actual);
            if (pick < 0) {
                String sig = name + "(" + String.join(", ", actual.stream().map(catalog::formatType).toList()) + ")";
                throw new SqlException("42883", "function " + sig + " does not exist").withPosition(f.location())
                        .withHint("No function matches the given name and argument types. You might need to add explicit type casts.");
            }
            FunctionEntry fn = cands.get(pick);
            PgType[] bound = bindPolymorphic(sigs.get(pick), actual);
            List<TExpr> co = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                co.add(coerceArg(args.get(i), concrete(fn.argumentTypes().get(i), bound), f.location()));
            }
            PgType ret = concrete(fn.returnType(), bound);
            int idx = saved.add(new WindowCollector.WinCall(fn, null, co, false, part, order, desc, nf, w.frame(), offsets));
            return new TExpr.WinRef(idx, ret, -1, name + "() OVER (...)");
        } finally {
            windows = saved;
        }
    }

    private TExpr inferParamTo(TExpr e, PgType t) {
        if (e instanceof TExpr.Param p && p.type().oid() == PseudoType.UNKNOWN && t != null && !(PseudoType.is(t))) {
            params.set(p.number(), t);
            return new TExpr.Param(p.number(), t, -1);
        }
        return e;
    }

    private TExpr aggregate(Expr.FuncCall f, List<AggregateEntry> cands, Scope scope) {
        if (aggs == null) {
            throw new SqlException("42803", "aggregate functions are not allowed in this context").withPosition(f.location());
        }
        AggCollector saved = aggs;
        aggs = null; // no nested aggregates
        try {
            List<TExpr> args = new ArrayList<>();
            for (Expr a : f.args()) {
                args.add(analyze(a, scope));
            }
            List<List<PgType>> sigs = new ArrayList<>();
            for (AggregateEntry a : cands) {
                sigs.add(a.argumentTypes());
            }
            List<PgType> actual = args.stream().map(TExpr::type).toList();
            int pick = resolver.choose(sigs, actual);
            if (pick < 0) {
                String sig = f.name().name() + "(" + (f.star() ? "*" : String.join(", ", actual.stream().map(catalog::formatType).toList())) + ")";
                throw new SqlException("42883", "function " + sig + " does not exist").withPosition(f.location())
                        .withHint("No function matches the given name and argument types. You might need to add explicit type casts.");
            }
            AggregateEntry agg = cands.get(pick);
            PgType[] bound = bindPolymorphic(sigs.get(pick), actual);
            List<TExpr> coerced = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                coerced.add(coerceArg(args.get(i), concrete(agg.argumentTypes().get(i), bound), f.location()));
            }
            TExpr filter = f.filter() == null ? null : condition(f.filter(), scope, "FILTER");
            List<TExpr> order = new ArrayList<>();
            List<Boolean> desc = new ArrayList<>();
            for (SortItem s : f.orderBy()) {
                order.add(analyze(s.expr(), scope));
                desc.add(s.direction() == SortItem.Direction.DESC);
            }
            PgType ret = concrete(agg.resultType(), bound);
            int idx = saved.add(new AggCollector.AggCall(agg, coerced, f.star(), f.distinct(), filter, order, desc));
            return new TExpr.AggRef(idx, ret, -1, f.name().name() + "(" + (f.star() ? "*" : "...") + ")");
        } finally {
            aggs = saved;
        }
    }

    // ------------------------------------------------------------------ CASE, arrays, misc

    /** Analyses expressions that must share one type (CASE results, COALESCE, VALUES columns, UNION). */
    public List<TExpr> unify(List<Expr> exprs, Scope scope, String context) {
        List<TExpr> ts = new ArrayList<>();
        for (Expr e : exprs) {
            ts.add(analyze(e, scope));
        }
        return unifyTyped(ts, context, exprs.isEmpty() ? 0 : exprs.get(0).location());
    }

    public List<TExpr> unifyTyped(List<TExpr> ts, String context, int location) {
        PgType common = commonType(ts, context, location);
        List<TExpr> out = new ArrayList<>();
        for (TExpr t : ts) {
            TExpr c = coercion.coerce(t, common, -1, CastContext.IMPLICIT, location);
            if (c == null) {
                throw new SqlException("42804", context + " types " + catalog.formatType(common) + " and "
                        + catalog.formatType(t.type()) + " cannot be matched").withPosition(location);
            }
            out.add(c);
        }
        return out;
    }

    /** PostgreSQL's select_common_type. */
    public PgType commonType(List<TExpr> ts, String context, int location) {
        PgType pick = null;
        for (TExpr t : ts) {
            PgType ty = t.type();
            if (ty.oid() == PseudoType.UNKNOWN) {
                continue;
            }
            if (pick == null) {
                pick = ty;
                continue;
            }
            if (ty.oid() == pick.oid()) {
                continue;
            }
            if (ty.category() != pick.category()) {
                throw new SqlException("42804", context + " types " + catalog.formatType(pick) + " and "
                        + catalog.formatType(ty) + " cannot be matched").withPosition(location);
            }
            if (!pick.preferred() && coercion.can(pick, ty, CastContext.IMPLICIT)
                    && !coercion.can(ty, pick, CastContext.IMPLICIT)) {
                pick = ty;
            }
        }
        return pick == null ? type(25) : pick;
    }

    private TExpr caseExpr(Expr.Case c, Scope scope) {
        List<Expr> resultsRaw = new ArrayList<>();
        for (Expr.CaseWhen w : c.whens()) {
            resultsRaw.add(w.result());
        }
        if (c.elseResult() != null) {
            resultsRaw.add(c.elseResult());
        }
        List<TExpr> results = unify(resultsRaw, scope, "CASE");
        TExpr arg = c.arg() == null ? null : analyze(c.arg(), scope);
        List<TExpr.When> whens = new ArrayList<>();
        for (int i = 0; i < c.whens().size(); i++) {
            Expr.CaseWhen w = c.whens().get(i);
            TExpr cond = arg == null ? condition(w.condition(), scope, "CASE/WHEN")
                    : operator("=", arg, analyze(w.condition(), scope), w.location());
            whens.add(new TExpr.When(cond, results.get(i)));
        }
        TExpr els = c.elseResult() == null ? null : results.get(results.size() - 1);
        PgType t = results.get(0).type();
        return new TExpr.Case(whens, els, t, -1);
    }

    private TExpr array(Expr.ArrayConstructor a, Scope scope, PgType wanted) {
        if (a.elements().isEmpty()) {
            if (wanted == null) {
                throw new SqlException("42P18", "cannot determine type of empty array").withPosition(a.location())
                        .withHint("Explicitly cast to the desired type, for example ARRAY[]::integer[].");
            }
            return new TExpr.ArrayCtor(List.of(), catalog.elementOf(wanted), wanted, false);
        }
        boolean nested = a.elements().get(0) instanceof Expr.ArrayConstructor inner && !inner.explicitKeyword();
        List<TExpr> els = unify(a.elements(), scope, "ARRAY");
        PgType et = els.get(0).type();
        if (nested) {
            PgType elem = catalog.elementOf(et);
            return new TExpr.ArrayCtor(els, elem, et, true);
        }
        PgType at = catalog.arrayOf(et);
        if (at == null) {
            throw new SqlException("42704", "could not find array type for data type " + catalog.formatType(et))
                    .withPosition(a.location());
        }
        return new TExpr.ArrayCtor(els, et, at, false);
    }

    /** ARRAY[]::int[] needs the cast's type; handled by analysing the cast's argument with a wanted type. */
    public TExpr arrayWithType(Expr.ArrayConstructor a, Scope scope, PgType wanted) {
        return array(a, scope, wanted);
    }

    private TExpr indirection(Expr.Indirection ind, Scope scope) {
        TExpr base = analyze(ind.arg(), scope);
        List<Expr.IndirectionStep> steps = ind.steps();
        int k = 0;
        while (k < steps.size() && steps.get(k) instanceof Expr.FieldSelection fs) {
            base = FieldAccess.select(base, fs.field(), ind.location());
            k++;
        }
        if (k == steps.size()) {
            return base;
        }
        List<TExpr> lowers = new ArrayList<>();
        List<TExpr> uppers = new ArrayList<>();
        boolean slice = false;
        for (Expr.IndirectionStep st : steps.subList(k, steps.size())) {
            if (st instanceof Expr.Subscript s) {
                slice |= s.slice();
                lowers.add(s.lower() == null ? null : coerceArg(analyze(s.lower(), scope), type(23), s.location()));
                uppers.add(s.upper() == null ? null : coerceArg(analyze(s.upper(), scope), type(23), s.location()));
            } else {
                throw new SqlException("0A000", "field selection is not supported").withPosition(ind.location());
            }
        }
        PgType elem = catalog.elementOf(base.type());
        if (elem == null) {
            throw new SqlException("42804", "cannot subscript type " + catalog.formatType(base.type())
                    + " because it does not support subscripting").withPosition(ind.location());
        }
        return new TExpr.Subscript(base, lowers, uppers, slice, slice ? base.type() : elem, -1);
    }

    private TExpr sqlValue(Expr.SqlValueFunction v) {
        int derivedType = switch (v.kind()) {
            case CURRENT_DATE -> 1082;
            case CURRENT_TIME -> 1266;
            case LOCALTIME -> 1083;
            case LOCALTIMESTAMP -> 1114;
            default -> 0;
        };
        if (derivedType != 0) {
            if (type(derivedType) == null) { // time with time zone is not built in yet
                throw new SqlException("0A000", "type " + (derivedType == 1266 ? "time with time zone" : derivedType)
                        + " is not supported").withPosition(v.location());
            }
            return transactionTimeAs(v, type(derivedType));
        }
        String fn = switch (v.kind()) {
            case CURRENT_TIMESTAMP -> "now";
            case CURRENT_CATALOG -> "current_database";
            case SESSION_USER -> "session_user";
            default -> "current_user";
        };
        List<FunctionEntry> f = catalog.functions(fn).stream().filter(x -> x.argumentTypes().isEmpty()).toList();
        if (f.isEmpty()) {
            throw new SqlException("42883", "function " + fn + "() does not exist").withPosition(v.location());
        }
        return new TExpr.SessionValue(v.kind().name(), f.get(0), f.get(0).returnType());
    }

    /**
     * CURRENT_DATE, CURRENT_TIME, LOCALTIME, LOCALTIMESTAMP: the transaction's start time (now()) cast
     * to the type in the session's time zone, shown under its SQL name as PostgreSQL deparses it.
     */
    private TExpr transactionTimeAs(Expr.SqlValueFunction v, PgType target) {
        FunctionEntry now = catalog.functions("now").stream().filter(x -> x.argumentTypes().isEmpty()).findFirst()
                .orElseThrow(() -> new SqlException("42883", "function now() does not exist").withPosition(v.location()));
        TExpr cast = coercion.coerce(new TExpr.SessionValue("now()", now, now.returnType()), target, -1,
                CastContext.EXPLICIT, v.location());
        FunctionEntry derived = new FunctionEntry(0, "pg_catalog", v.kind().name().toLowerCase(java.util.Locale.ROOT),
                List.of(), List.of(), target, false, false, io.pgsight.sql.spi.Volatility.STABLE,
                new io.pgsight.sql.catalog.FunctionBody.NativeScalar((ctx, a) -> cast.eval(
                        new io.pgsight.sql.exec.EvalContext((io.pgsight.sql.exec.ExecContext) ctx, new Object[0], null))),
                List.of(), null, null, false);
        return new TExpr.SessionValue(v.kind().name(), derived, target);
    }
}
