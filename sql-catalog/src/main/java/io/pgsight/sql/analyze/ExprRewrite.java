package io.pgsight.sql.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Structural rewrites of typed expressions (shifting slots, raising levels, replacing subtrees). */
public final class ExprRewrite {
    private ExprRewrite() {
    }

    /** Rebuilds {@code e} bottom-up after offering every node to {@code f} (which may return a replacement or null). */
    public static TExpr map(TExpr e, Function<TExpr, TExpr> f) {
        if (e == null) {
            return null;
        }
        TExpr r = f.apply(e);
        if (r != null) {
            return r;
        }
        if (e instanceof TExpr.Call c) {
            return new TExpr.Call(c.function(), list(c.args(), f), c.type(), c.typmod());
        } else if (e instanceof TExpr.Op o) {
            return new TExpr.Op(o.operator(), map(o.left(), f), map(o.right(), f), o.type());
        } else if (e instanceof TExpr.Cast c) {
            return new TExpr.Cast(map(c.arg(), f), c.type(), c.typmod(), c.conversion(), c.explicit());
        } else if (e instanceof TExpr.Bool b) {
            return new TExpr.Bool(b.kind(), list(b.args(), f), b.type());
        } else if (e instanceof TExpr.NullTest n) {
            return new TExpr.NullTest(map(n.arg(), f), n.not(), n.type());
        } else if (e instanceof TExpr.BoolTest n) {
            return new TExpr.BoolTest(map(n.arg(), f), n.kind(), n.type());
        } else if (e instanceof TExpr.Distinct d) {
            return new TExpr.Distinct(map(d.equality(), f), map(d.left(), f), map(d.right(), f), d.not(), d.type());
        } else if (e instanceof TExpr.Case c) {
            List<TExpr.When> ws = new ArrayList<>();
            for (TExpr.When w : c.whens()) {
                ws.add(new TExpr.When(map(w.condition(), f), map(w.result(), f)));
            }
            return new TExpr.Case(ws, map(c.elseResult(), f), c.type(), c.typmod());
        } else if (e instanceof TExpr.Coalesce c) {
            return new TExpr.Coalesce(list(c.args(), f), c.type(), c.typmod());
        } else if (e instanceof TExpr.NullIf n) {
            return new TExpr.NullIf(map(n.equality(), f), map(n.left(), f), n.type(), n.typmod());
        } else if (e instanceof TExpr.MinMax m) {
            return new TExpr.MinMax(m.greatest(), list(m.args(), f), m.lessThan(), m.type(), m.typmod());
        } else if (e instanceof TExpr.ArrayCtor a) {
            return new TExpr.ArrayCtor(list(a.elements(), f), a.elementType(), a.type(), a.nested());
        } else if (e instanceof TExpr.Subscript s) {
            return new TExpr.Subscript(map(s.array(), f), list(s.lowers(), f), list(s.uppers(), f), s.slice(), s.type(),
                    s.typmod());
        } else if (e instanceof TExpr.ArrayCompare a) {
            return new TExpr.ArrayCompare(a.operator(), map(a.left(), f), map(a.array(), f), a.all(), a.type());
        } else if (e instanceof TExpr.SubLink s && s.left() != null) {
            return new TExpr.SubLink(s.kind(), s.plan(), map(s.left(), f), s.operator(), s.correlated(), s.type(),
                    s.typmod(), s.initPlanId());
        } else if (e instanceof TExpr.SrfCall s) {
            return new TExpr.SrfCall(s.function(), list(s.args(), f), s.type(), s.typmod());
        }
        return e;
    }

    private static List<TExpr> list(List<TExpr> l, Function<TExpr, TExpr> f) {
        List<TExpr> out = new ArrayList<>();
        for (TExpr e : l) {
            out.add(e == null ? null : map(e, f));
        }
        return out;
    }

    public static TExpr shift(TExpr e, int by) {
        return map(e, x -> x instanceof TExpr.Var v && v.level() == 0
                ? new TExpr.Var(0, v.index() + by, v.type(), v.typmod(), v.name(), v.relation()) : null);
    }

    public static TExpr raise(TExpr e, int levels) {
        return map(e, x -> x instanceof TExpr.Var v
                ? new TExpr.Var(v.level() + levels, v.index(), v.type(), v.typmod(), v.name(), v.relation()) : null);
    }

    /** True when any node satisfies {@code p} (not looking into subquery plans). */
    public static boolean any(TExpr e, java.util.function.Predicate<TExpr> p) {
        boolean[] hit = {false};
        map(e, x -> {
            if (p.test(x)) {
                hit[0] = true;
            }
            return null;
        });
        return hit[0];
    }
}
