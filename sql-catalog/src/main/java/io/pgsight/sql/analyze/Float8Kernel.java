package io.pgsight.sql.analyze;

import io.pgsight.sql.catalog.FunctionBody;
import io.pgsight.sql.catalog.FunctionEntry;
import io.pgsight.sql.exec.EvalContext;
import io.pgsight.sql.format.FloatArithmetic;

/**
 * A tree of float8 operators (float8pl ... float84div) evaluated on primitive doubles, so that
 * {@code u * $2 / 100 * random()} does not box a Double per operator per row.
 *
 * <p>SQL NULL travels as one NaN bit pattern ({@link #NULL}) that no arithmetic produces: every operator
 * checks its operands before computing, exactly where the boxed path's strictness check is, and the leaves
 * turn an input NaN that happens to carry those bits into the canonical NaN. Operands are evaluated left
 * before right, as {@link TExpr.Op#eval} and PostgreSQL do, so volatile functions (random()) run in the same order and
 * as often as on the boxed path; errors (overflow, division by zero) are the same FloatArithmetic checks.
 *
 * <p>One final class whose node kind is a switch, not a class per kind: the recursive calls are then direct
 * calls the JIT can inline a level deep, where a class hierarchy made every operand call megamorphic.
 */
final class Float8Kernel {
    /** A quiet NaN with a payload no float8 arithmetic yields from canonical NaN inputs. */
    static final double NULL = Double.longBitsToDouble(0x7ff8_5141_4c4e_554cL);
    private static final long NULL_BITS = Double.doubleToRawLongBits(NULL);

    private static final int CONSTANT = 0;
    private static final int UNBOXED = 1;
    private static final int RANDOM = 2;
    private static final int COLUMN = 3;
    private static final int PARAMETER = 4;
    private static final int ADD = 5;
    private static final int SUB = 6;
    private static final int MUL = 7;
    private static final int DIV = 8;

    private final int kind;
    /** CONSTANT: the value. */
    private final double value;
    /** UNBOXED: the expression evaluated boxed and converted as the operators' d() does. */
    private final TExpr expr;
    /** COLUMN: query level and slot (as TExpr.Var); PARAMETER: the number in {@code slot}. */
    private final int level;
    private final int slot;
    /** Operators: the operands. */
    private final Float8Kernel left;
    private final Float8Kernel right;

    private Float8Kernel(int kind, double value, TExpr expr, Float8Kernel left, Float8Kernel right) {
        this(kind, value, expr, 0, 0, left, right);
    }

    private Float8Kernel(int kind, double value, TExpr expr, int level, int slot, Float8Kernel left,
                         Float8Kernel right) {
        this.kind = kind;
        this.value = value;
        this.expr = expr;
        this.level = level;
        this.slot = slot;
        this.left = left;
        this.right = right;
    }

    static boolean isNull(double d) {
        return Double.doubleToRawLongBits(d) == NULL_BITS;
    }

    /** Evaluations of this root before it is compiled: plans run a few times never pay for a class. */
    private static final int COMPILE_AFTER = 20_000;

    /** The compiled form once hot (see {@link Float8Compiler}); a benign race: any thread may install one. */
    private Float8Compiler.Program compiled;
    /** Evaluations counted towards compiling (racy counts only shift the moment). */
    private int evaluations;
    /** Set when compiling failed: the tree walk then stays. */
    private boolean notCompilable;

    double eval(EvalContext c) {
        Float8Compiler.Program p = compiled;
        if (p != null) {
            return p.run(c);
        }
        if (!notCompilable && kind >= ADD && ++evaluations >= COMPILE_AFTER) {
            p = Float8Compiler.compile(this);
            if (p == null) {
                notCompilable = true;
            } else {
                compiled = p;
            }
        }
        return walk(c);
    }

    /** The tree walk: the definition the compiled form follows. */
    double walk(EvalContext c) {
        if (kind < ADD) {
            return leaf(c);
        }
        // operands that are leaves are read here, without a recursive call: only nested operators recurse
        Float8Kernel lk = left;
        double l = lk.kind < ADD ? lk.leaf(c) : lk.walk(c);
        Float8Kernel rk = right;
        double r = rk.kind < ADD ? rk.leaf(c) : rk.walk(c);
        return apply(kind, l, r);
    }

    private static double apply(int kind, double l, double r) {
        if (isNull(l) || isNull(r)) {
            return NULL;
        }
        return switch (kind) {
            case ADD -> FloatArithmetic.add(l, r);
            case SUB -> FloatArithmetic.sub(l, r);
            case MUL -> FloatArithmetic.mul(l, r);
            default -> FloatArithmetic.div(l, r);
        };
    }

    // ---- what compiled code calls (package-private: the hidden class shares this package)

    static double plus(double l, double r) {
        return apply(ADD, l, r);
    }

    static double minus(double l, double r) {
        return apply(SUB, l, r);
    }

    static double times(double l, double r) {
        return apply(MUL, l, r);
    }

    static double divide(double l, double r) {
        return apply(DIV, l, r);
    }

    boolean isLeaf() {
        return kind < ADD;
    }

    boolean isConstant() {
        return kind == CONSTANT;
    }

    double constantValue() {
        return value;
    }

    Float8Kernel leftOperand() {
        return left;
    }

    Float8Kernel rightOperand() {
        return right;
    }

    /** The static method above that computes this operator. */
    String operatorMethod() {
        return switch (kind) {
            case ADD -> "plus";
            case SUB -> "minus";
            case MUL -> "times";
            default -> "divide";
        };
    }

    /** A node without operands. */
    double leaf(EvalContext c) {
        switch (kind) {
            case CONSTANT:
                return value;
            case COLUMN: {
                // what TExpr.Var.eval does, without a call through the expression interface
                Object[] r = level == 0 ? c.row() : c.rowAt(level);
                return unboxed(r == null || slot >= r.length ? null : r[slot]);
            }
            case PARAMETER:
                return unboxed(c.exec().param(slot));
            case RANDOM:
                return canonical(io.pgsight.sql.builtin.misc.SystemFunctions.random(c.exec()));
            default:
                return unboxed(expr.eval(c));
        }
    }

    private static double unboxed(Object v) {
        if (v == null) {
            return NULL;
        }
        // exact classes first: float4 columns and float8 values, no call through Number
        if (v instanceof Float f) {
            return canonical(f);
        }
        return canonical(v instanceof Double d ? d : ((Number) v).doubleValue());
    }

    /** The kernel for an operator over float8 (or float4/float8 mixes) yielding float8; null if not one. */
    static Float8Kernel forOperator(FunctionEntry f, TExpr left, TExpr right) {
        if (left == null || !f.strict() || !(f.body() instanceof FunctionBody.NativeScalar) || !"pg_catalog".equals(f.schema())
                || f.extension() != null || !isFloat8(f.returnType().oid())) {
            return null;
        }
        String n = f.name();
        if (!(n.startsWith("float8") || n.startsWith("float48") || n.startsWith("float84"))) {
            return null;
        }
        String prefix = n.startsWith("float8") && !n.startsWith("float84") ? "float8" : n.substring(0, 7);
        int kind = switch (n.substring(prefix.length())) {
            case "pl" -> ADD;
            case "mi" -> SUB;
            case "mul" -> MUL;
            case "div" -> DIV;
            default -> -1;
        };
        if (kind < 0 || !isFloat(left.type().oid()) || !isFloat(right.type().oid())) {
            return null;
        }
        return new Float8Kernel(kind, 0, null, operand(left), operand(right));
    }

    /**
     * The arithmetic under a cast of a float8 operator to real (no typmod): the built-in float8-to-float4
     * cast is FloatArithmetic.toFloat4 of the value, which the Cast applies to the primitive result.
     */
    static Float8Kernel forNarrowing(TExpr arg, io.pgsight.sql.spi.PgType to, int typmod) {
        return to.oid() == 700 && typmod < 0 && arg instanceof TExpr.Op op && isFloat8(op.type().oid())
                ? op.kernel() : null;
    }

    /** A child: a nested float8 operator stays primitive; widening casts to float8 unbox their argument. */
    private static Float8Kernel operand(TExpr e) {
        if (e instanceof TExpr.Op op && op.kernel() != null) {
            return op.kernel();
        }
        if (e instanceof TExpr.Const k) {
            return new Float8Kernel(CONSTANT, k.value() == null ? NULL : canonical(((Number) k.value()).doubleValue()),
                    null, null, null);
        }
        if (e instanceof TExpr.Call call && isBuiltinRandom(call.function()) && call.args().isEmpty()) {
            return new Float8Kernel(RANDOM, 0, null, null, null);
        }
        if (e instanceof TExpr.Cast cast && isFloat8(cast.type().oid()) && cast.typmod() < 0
                && isExactlyWidening(cast.arg().type().oid())) {
            return leaf(cast.arg());
        }
        return leaf(e);
    }

    private static Float8Kernel leaf(TExpr e) {
        if (e instanceof TExpr.Const k) {
            // a constant under a widening cast (2::float8): converted once, as unboxed() would per row
            return new Float8Kernel(CONSTANT, unboxed(k.value()), null, null, null);
        }
        if (e instanceof TExpr.Var v) {
            return new Float8Kernel(COLUMN, 0, null, v.level(), v.index(), null, null);
        }
        if (e instanceof TExpr.Param p) {
            return new Float8Kernel(PARAMETER, 0, null, 0, p.number(), null, null);
        }
        return new Float8Kernel(UNBOXED, 0, e, null, null);
    }

    private static boolean isBuiltinRandom(FunctionEntry f) {
        return f.name().equals("random") && f.argumentTypes().isEmpty() && "pg_catalog".equals(f.schema())
                && f.extension() == null && f.body() instanceof FunctionBody.NativeScalar && isFloat8(f.returnType().oid());
    }

    private static boolean isFloat8(int oid) {
        return oid == 701;
    }

    private static boolean isFloat(int oid) {
        return oid == 700 || oid == 701;
    }

    /** int2/int4/int8/float4 to float8: the catalog's casts are the plain Java conversions. */
    private static boolean isExactlyWidening(int oid) {
        return oid == 21 || oid == 23 || oid == 20 || oid == 700;
    }

    private static double canonical(double d) {
        return Double.doubleToRawLongBits(d) == NULL_BITS ? Double.NaN : d;
    }
}
