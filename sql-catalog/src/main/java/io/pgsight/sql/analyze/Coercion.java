package io.pgsight.sql.analyze;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.catalog.CastEntry;
import io.pgsight.sql.catalog.Catalog;
import io.pgsight.sql.catalog.PseudoType;
import io.pgsight.sql.spi.CastContext;
import io.pgsight.sql.spi.PgArray;
import io.pgsight.sql.spi.PgType;

/**
 * PostgreSQL's coercion rules: unknown literals take the target type through its input function;
 * casts apply per castcontext; array casts go element by element; any type converts to and from the
 * string types through text I/O (to: assignment, from: explicit only).
 */
public final class Coercion {
    private final Catalog catalog;

    public Coercion(Catalog catalog) {
        this.catalog = catalog;
    }

    static boolean isString(PgType t) {
        int o = t.oid();
        return o == 25 || o == 1043 || o == 1042 || o == 19;
    }

    /** Whether {@code from} converts to {@code to} in context {@code ctx} (no typmod check). */
    public boolean can(PgType from, PgType to, CastContext ctx) {
        if (from.oid() == to.oid()) {
            return true;
        }
        if (from.oid() == PseudoType.UNKNOWN) {
            return !(PseudoType.is(to)) || to.oid() == PseudoType.ANYELEMENT || to.oid() == PseudoType.ANY
                    || to.oid() == PseudoType.ANYCOMPATIBLE || to.oid() == PseudoType.ANYNONARRAY
                    || to.oid() == PseudoType.ANYARRAY || to.oid() == PseudoType.ANYCOMPATIBLEARRAY;
        }
        if (to.oid() == PseudoType.ANY || to.oid() == PseudoType.ANYELEMENT || to.oid() == PseudoType.ANYCOMPATIBLE) {
            return true;
        }
        if (to.oid() == PseudoType.ANYNONARRAY) {
            return catalog.elementOf(from) == null;
        }
        if (to.oid() == PseudoType.ANYARRAY || to.oid() == PseudoType.ANYCOMPATIBLEARRAY) {
            return catalog.elementOf(from) != null;
        }
        if (to.oid() == PseudoType.RECORD && from.oid() == PseudoType.RECORD) {
            return true;
        }
        CastEntry c = catalog.cast(from.oid(), to.oid());
        if (c != null) {
            return c.context().ordinal() <= ctx.ordinal();
        }
        PgType fe = catalog.elementOf(from);
        PgType te = catalog.elementOf(to);
        if (fe != null && te != null) {
            return can(fe, te, ctx);
        }
        if (isString(to) && ctx != CastContext.IMPLICIT) {
            return true;
        }
        return isString(from) && ctx == CastContext.EXPLICIT && !(PseudoType.is(to));
    }

    /** Coerces {@code e} to {@code to}/{@code typmod}, or returns null when not allowed in {@code ctx}. */
    public TExpr coerce(TExpr e, PgType to, int typmod, CastContext ctx, int location) {
        PgType from = e.type();
        if (PseudoType.is(to) && to.oid() != PseudoType.RECORD) {
            return e;
        }
        if (e instanceof TExpr.Const k && k.isUnknownLiteral()) {
            Object v = k.value() == null ? null : input(to, (String) k.value(), typmod, location);
            return new TExpr.Const(v, to, typmod, location);
        }
        if (from.oid() == to.oid()) {
            if (typmod < 0 || typmod == e.typmod()) {
                return e;
            }
            boolean explicit = ctx == CastContext.EXPLICIT;
            return new TExpr.Cast(e, to, typmod, (v, c) -> to.applyTypmod(v, typmod, explicit), explicit);
        }
        if (!can(from, to, ctx)) {
            return null;
        }
        boolean explicit = ctx == CastContext.EXPLICIT;
        TExpr.Conversion conv = conversion(from, to, typmod, explicit);
        if (conv == null) {
            return null;
        }
        if (e instanceof TExpr.Const k && k.value() == null) {
            return new TExpr.Const(null, to, typmod, k.location());
        }
        if (e instanceof TExpr.Const k && !explicit && from.category() == 'N' && to.category() == 'N') {
            // implicit numeric-to-numeric casts are immutable: fold them like eval_const_expressions (2.0 in
            // float_col / 2.0 is not converted again per row); errors stay at run time; written casts stay
            // casts so that -0.0::float8 still negates a float8
            try {
                Object folded = conv.convert(k.value(), new io.pgsight.sql.exec.EvalContext(null, null, null));
                return new TExpr.Const(folded, to, typmod, k.location());
            } catch (RuntimeException runtimeOnly) {
                return new TExpr.Cast(e, to, typmod, conv, explicit);
            }
        }
        return new TExpr.Cast(e, to, typmod, conv, explicit);
    }

    private TExpr.Conversion conversion(PgType from, PgType to, int typmod, boolean explicit) {
        CastEntry c = catalog.cast(from.oid(), to.oid());
        if (c != null) {
            if (c.body() == null) {
                return (v, ctx) -> typmod >= 0 ? to.applyTypmod(v, typmod, explicit) : v;
            }
            return (v, ctx) -> {
                Object r = c.body().cast(ctx.exec(), v, typmod, explicit);
                return typmod >= 0 && r != null ? to.applyTypmod(r, typmod, explicit) : r;
            };
        }
        PgType fe = catalog.elementOf(from);
        PgType te = catalog.elementOf(to);
        if (fe != null && te != null) {
            TExpr.Conversion inner = fe.oid() == te.oid() ? (v, ctx) -> v : conversion(fe, te, typmod, explicit);
            if (inner == null) {
                return null;
            }
            return (v, ctx) -> {
                PgArray a = (PgArray) v;
                Object[] el = a.toArray();
                for (int i = 0; i < el.length; i++) {
                    if (el[i] != null) {
                        el[i] = inner.convert(el[i], ctx);
                        if (typmod >= 0) {
                            el[i] = te.applyTypmod(el[i], typmod, explicit);
                        }
                    }
                }
                return new PgArray(te.oid(), a.dimensions(), a.lowerBounds(), el);
            };
        }
        if (isString(to)) {
            return (v, ctx) -> {
                Object s = from.output(v, ctx.exec());
                return to.applyTypmod(to.input((String) s, -1), typmod, explicit);
            };
        }
        if (isString(from)) {
            return (v, ctx) -> to.input((String) v, typmod, ctx.exec());
        }
        return null;
    }

    /** Runs a type's input function, attaching the literal's position to errors. */
    public static Object input(PgType to, String text, int typmod, int location) {
        return input(to, text, typmod, location, false);
    }

    /**
     * Like PostgreSQL's coerce_type for unknown literals: the input function gets typmod -1 (except
     * interval) and errors point at the literal; the typmod is applied afterwards, without position.
     */
    public static Object input(PgType to, String text, int typmod, int location, boolean explicit) {
        Object v;
        try {
            v = to.input(text, to.oid() == 1186 ? typmod : -1);
        } catch (SqlException ex) {
            throw ex.position() == 0 && location > 0 ? ex.withPosition(location) : ex;
        }
        return typmod >= 0 && v != null && to.oid() != 1186 ? to.applyTypmod(v, typmod, explicit) : v;
    }
}
