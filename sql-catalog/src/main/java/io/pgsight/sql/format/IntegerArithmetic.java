package io.pgsight.sql.format;

/**
 * Checked smallint/integer/bigint arithmetic with PostgreSQL's errors: "smallint out of range",
 * "integer out of range", "bigint out of range" (22003) and "division by zero" (22012). Division truncates
 * toward zero and modulo takes the dividend's sign, as in C.
 */
public final class IntegerArithmetic {
    public static final String INT2 = "smallint";
    public static final String INT4 = "integer";
    public static final String INT8 = "bigint";

    private IntegerArithmetic() {
    }

    // ---------------------------------------------------------------- int2 (results are range-checked shorts)

    public static short int2Add(short a, short b) {
        return toInt2(a + b);
    }

    public static short int2Sub(short a, short b) {
        return toInt2(a - b);
    }

    public static short int2Mul(short a, short b) {
        return toInt2(a * b);
    }

    public static short int2Div(short a, short b) {
        if (b == 0) {
            throw PgErrors.divisionByZero();
        }
        return toInt2(a / b);
    }

    public static short int2Mod(short a, short b) {
        if (b == 0) {
            throw PgErrors.divisionByZero();
        }
        return (short) (a % b);
    }

    public static short int2Neg(short a) {
        return toInt2(-a);
    }

    public static short int2Abs(short a) {
        return toInt2(Math.abs(a));
    }

    // ---------------------------------------------------------------- int4

    public static int int4Add(int a, int b) {
        int r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) {
            throw PgErrors.outOfRange(INT4);
        }
        return r;
    }

    public static int int4Sub(int a, int b) {
        int r = a - b;
        if (((a ^ b) & (a ^ r)) < 0) {
            throw PgErrors.outOfRange(INT4);
        }
        return r;
    }

    public static int int4Mul(int a, int b) {
        return toInt4((long) a * b);
    }

    public static int int4Div(int a, int b) {
        if (b == 0) {
            throw PgErrors.divisionByZero();
        }
        if (b == -1 && a == Integer.MIN_VALUE) {
            throw PgErrors.outOfRange(INT4);
        }
        return a / b;
    }

    public static int int4Mod(int a, int b) {
        if (b == 0) {
            throw PgErrors.divisionByZero();
        }
        return b == -1 ? 0 : a % b;
    }

    public static int int4Neg(int a) {
        if (a == Integer.MIN_VALUE) {
            throw PgErrors.outOfRange(INT4);
        }
        return -a;
    }

    public static int int4Abs(int a) {
        return a < 0 ? int4Neg(a) : a;
    }

    public static int int4Gcd(int a, int b) {
        return toInt4(gcd(a, b));
    }

    public static int int4Lcm(int a, int b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        long g = gcd(a, b);
        return toInt4(Math.abs((long) a / g * b));
    }

    // ---------------------------------------------------------------- int8

    public static long int8Add(long a, long b) {
        long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) {
            throw PgErrors.outOfRange(INT8);
        }
        return r;
    }

    public static long int8Sub(long a, long b) {
        long r = a - b;
        if (((a ^ b) & (a ^ r)) < 0) {
            throw PgErrors.outOfRange(INT8);
        }
        return r;
    }

    public static long int8Mul(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        if ((hi != 0 || lo < 0) && (hi != -1 || lo >= 0)) {
            throw PgErrors.outOfRange(INT8);
        }
        return lo;
    }

    public static long int8Div(long a, long b) {
        if (b == 0) {
            throw PgErrors.divisionByZero();
        }
        if (b == -1 && a == Long.MIN_VALUE) {
            throw PgErrors.outOfRange(INT8);
        }
        return a / b;
    }

    public static long int8Mod(long a, long b) {
        if (b == 0) {
            throw PgErrors.divisionByZero();
        }
        return b == -1 ? 0 : a % b;
    }

    public static long int8Neg(long a) {
        if (a == Long.MIN_VALUE) {
            throw PgErrors.outOfRange(INT8);
        }
        return -a;
    }

    public static long int8Abs(long a) {
        return a < 0 ? int8Neg(a) : a;
    }

    public static long int8Gcd(long a, long b) {
        if (a == Long.MIN_VALUE || b == Long.MIN_VALUE) {
            java.math.BigInteger g = java.math.BigInteger.valueOf(a).gcd(java.math.BigInteger.valueOf(b));
            if (g.bitLength() > 63) {
                throw PgErrors.outOfRange(INT8);
            }
            return g.longValue();
        }
        return gcd(a, b);
    }

    public static long int8Lcm(long a, long b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        long g = int8Gcd(a, b);
        return int8Abs(int8Mul(a / g, b));
    }

    // ---------------------------------------------------------------- range checks and casts

    public static short toInt2(long v) {
        if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
            throw PgErrors.outOfRange(INT2);
        }
        return (short) v;
    }

    public static int toInt4(long v) {
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw PgErrors.outOfRange(INT4);
        }
        return (int) v;
    }

    /** float8/float4 to smallint: rint (half-even), NaN and out-of-range values fail. */
    public static short floatToInt2(double v) {
        double r = Math.rint(v);
        if (Double.isNaN(r) || r < Short.MIN_VALUE || r > Short.MAX_VALUE) {
            throw PgErrors.outOfRange(INT2);
        }
        return (short) r;
    }

    public static int floatToInt4(double v) {
        double r = Math.rint(v);
        if (Double.isNaN(r) || r < Integer.MIN_VALUE || r >= -(double) Integer.MIN_VALUE) {
            throw PgErrors.outOfRange(INT4);
        }
        return (int) r;
    }

    public static long floatToInt8(double v) {
        double r = Math.rint(v);
        if (Double.isNaN(r) || r < Long.MIN_VALUE || r >= -(double) Long.MIN_VALUE) {
            throw PgErrors.outOfRange(INT8);
        }
        return (long) r;
    }

    /** Greatest common divisor of two ints as a non-negative long (2^31 possible). */
    private static long gcd(long a, long b) {
        long x = Math.abs(a);
        long y = Math.abs(b);
        while (y != 0) {
            long t = x % y;
            x = y;
            y = t;
        }
        return x;
    }
}
