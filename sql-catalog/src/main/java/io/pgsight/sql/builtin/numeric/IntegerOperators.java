package io.pgsight.sql.builtin.numeric;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.builtin.CatalogWriter;
import io.pgsight.sql.builtin.PgErrors;

import java.util.function.LongBinaryOperator;

/**
 * + - * / % and comparisons over smallint, integer and bigint, with pg_operator's cross-type set
 * (int24pl, int48mi, int84eq ...): the result has the wider operand's type; overflow raises
 * "integer out of range" (or smallint/bigint), division by zero 22012.
 */
public final class IntegerOperators {
    private static final String[] TYPES = {"int2", "int4", "int8"};
    private static final String[] CODES = {"2", "4", "8"};

    private IntegerOperators() {
    }

    static int width(String type) {
        return switch (type) {
            case "int2" -> 2;
            case "int4" -> 4;
            default -> 8;
        };
    }

    /** Boxes {@code v} as the integer type of {@code width} bytes, raising its out-of-range error. */
    public static Object box(long v, int width) {
        switch (width) {
            case 2:
                if (v != (short) v) {
                    throw PgErrors.smallintOutOfRange();
                }
                return (short) v;
            case 4:
                if (v != (int) v) {
                    throw PgErrors.integerOutOfRange();
                }
                return (int) v;
            default:
                return v;
        }
    }

    static SqlException outOfRange(int width) {
        return width == 2 ? PgErrors.smallintOutOfRange()
                : width == 4 ? PgErrors.integerOutOfRange() : PgErrors.bigintOutOfRange();
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }

    public static void register(CatalogWriter w) {
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                String l = TYPES[i];
                String r = TYPES[j];
                String prefix = i == j ? "int" + CODES[i] : "int" + CODES[i] + CODES[j];
                int width = Math.max(width(l), width(r));
                String result = width(l) >= width(r) ? l : r;
                arith(w, "+", l, r, prefix + "pl", result, width, (a, b) -> {
                    try {
                        return Math.addExact(a, b);
                    } catch (ArithmeticException e) {
                        throw outOfRange(width);
                    }
                });
                arith(w, "-", l, r, prefix + "mi", result, width, (a, b) -> {
                    try {
                        return Math.subtractExact(a, b);
                    } catch (ArithmeticException e) {
                        throw outOfRange(width);
                    }
                });
                arith(w, "*", l, r, prefix + "mul", result, width, (a, b) -> {
                    try {
                        return Math.multiplyExact(a, b);
                    } catch (ArithmeticException e) {
                        throw outOfRange(width);
                    }
                });
                arith(w, "/", l, r, prefix + "div", result, width, (a, b) -> {
                    if (b == 0) {
                        throw PgErrors.divisionByZero();
                    }
                    if (a == Long.MIN_VALUE && b == -1) {
                        throw outOfRange(width);
                    }
                    return a / b;
                });
                comparisons(w, l, r, prefix);
            }
            String t = TYPES[i];
            int width = width(t);
            arith(w, "%", t, t, "int" + CODES[i] + "mod", t, width, (a, b) -> {
                if (b == 0) {
                    throw PgErrors.divisionByZero();
                }
                return b == -1 ? 0 : a % b;
            });
            w.prefix("-", t, "int" + CODES[i] + "um", t, (ctx, a) -> {
                long v = n(a[0]);
                if (v == Long.MIN_VALUE) {
                    throw outOfRange(width);
                }
                return box(-v, width);
            });
            w.prefix("+", t, "int" + CODES[i] + "up", t, (ctx, a) -> a[0]);
            w.fn("int" + CODES[i] + "abs", t, (ctx, a) -> {
                long v = n(a[0]);
                if (v == Long.MIN_VALUE) {
                    throw outOfRange(width);
                }
                return box(Math.abs(v), width);
            }, t);
            w.fn("abs", t, (ctx, a) -> {
                long v = n(a[0]);
                if (v == Long.MIN_VALUE) {
                    throw outOfRange(width);
                }
                return box(Math.abs(v), width);
            }, t);
            w.fn("mod", t, (ctx, a) -> {
                long b = n(a[1]);
                if (b == 0) {
                    throw PgErrors.divisionByZero();
                }
                return box(b == -1 ? 0 : n(a[0]) % b, width);
            }, t, t);
            w.fn("gcd", t, (ctx, a) -> box(gcd(n(a[0]), n(a[1]), width), width), t, t);
            w.fn("lcm", t, (ctx, a) -> box(lcm(n(a[0]), n(a[1]), width), width), t, t);
            w.fn("sign", t, (ctx, a) -> box(Long.signum(n(a[0])), width), t);
        }
        // bitwise operators on the same type
        for (int i = 0; i < 3; i++) {
            String t = TYPES[i];
            int width = width(t);
            String c = CODES[i];
            arith(w, "&", t, t, "int" + c + "and", t, width, (a, b) -> a & b);
            arith(w, "|", t, t, "int" + c + "or", t, width, (a, b) -> a | b);
            arith(w, "#", t, t, "int" + c + "xor", t, width, (a, b) -> a ^ b);
            w.prefix("~", t, "int" + c + "not", t, (ctx, a) -> box(~n(a[0]), width));
            w.op("<<", t, "int4", "int" + c + "shl", t, (ctx, a) -> box(truncate(n(a[0]) << n(a[1]), width), width));
            w.op(">>", t, "int4", "int" + c + "shr", t, (ctx, a) -> box(n(a[0]) >> n(a[1]), width));
        }
    }

    private static long truncate(long v, int width) {
        return width == 2 ? (short) v : width == 4 ? (int) v : v;
    }

    private static long gcd(long a, long b, int width) {
        if ((a == Long.MIN_VALUE && (b == 0 || b == Long.MIN_VALUE)) || (b == Long.MIN_VALUE && a == 0)) {
            throw outOfRange(width);
        }
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        if (a == Long.MIN_VALUE) {
            throw outOfRange(width);
        }
        return Math.abs(a);
    }

    private static long lcm(long a, long b, int width) {
        if (a == 0 || b == 0) {
            return 0;
        }
        long g = gcd(a, b, width);
        try {
            return Math.abs(Math.multiplyExact(a / g, b));
        } catch (ArithmeticException e) {
            throw outOfRange(width);
        }
    }

    private static void arith(CatalogWriter w, String symbol, String l, String r, String fname, String result,
                              int width, LongBinaryOperator f) {
        w.op(symbol, l, r, fname, result, (ctx, a) -> box(f.applyAsLong(n(a[0]), n(a[1])), width));
    }

    private static void comparisons(CatalogWriter w, String l, String r, String prefix) {
        w.op("=", l, r, prefix + "eq", "bool", (ctx, a) -> n(a[0]) == n(a[1]));
        w.op("<>", l, r, prefix + "ne", "bool", (ctx, a) -> n(a[0]) != n(a[1]));
        w.op("<", l, r, prefix + "lt", "bool", (ctx, a) -> n(a[0]) < n(a[1]));
        w.op("<=", l, r, prefix + "le", "bool", (ctx, a) -> n(a[0]) <= n(a[1]));
        w.op(">", l, r, prefix + "gt", "bool", (ctx, a) -> n(a[0]) > n(a[1]));
        w.op(">=", l, r, prefix + "ge", "bool", (ctx, a) -> n(a[0]) >= n(a[1]));
        String cmp = l.equals(r) ? "bt" + l + "cmp" : "bt" + l + r + "cmp";
        w.fn(cmp, "int4", (ctx, a) -> Long.compare(n(a[0]), n(a[1])), l, r);
    }
}
