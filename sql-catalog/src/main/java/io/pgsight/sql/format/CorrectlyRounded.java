package io.pgsight.sql.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Correctly rounded exp, ln, pow, sin, cos, tan, atan, asin, acos and atan2 for doubles, computed to about 40
 * significant digits with BigDecimal and rounded once. glibc's libm (what PostgreSQL calls) returns the
 * correctly rounded result for these in nearly every case (measured against mpmath: 99.7-100%), while
 * java.lang.Math differs from glibc for atan/asin/acos/atan2 in 5-18% of arguments; for exp, log, sin, cos,
 * tan and pow it differs in only 0.1-0.4%, so FloatArithmetic uses these slow (tens of microseconds)
 * versions only for the inverse trigonometric functions.
 */
final class CorrectlyRounded {
    private static final MathContext MC = new MathContext(34);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    /** pi to 420 digits, enough to reduce any double argument of sin/cos. */
    private static final BigDecimal PI = computePi(420);
    private static final BigDecimal HALF_PI = PI.divide(TWO);

    private CorrectlyRounded() {
    }

    /** Machin's formula: pi = 16 atan(1/5) - 4 atan(1/239). */
    private static BigDecimal computePi(int digits) {
        MathContext mc = new MathContext(digits + 10);
        BigDecimal a = atanInverse(5, mc).multiply(BigDecimal.valueOf(16));
        BigDecimal b = atanInverse(239, mc).multiply(BigDecimal.valueOf(4));
        return a.subtract(b, mc).round(new MathContext(digits));
    }

    private static BigDecimal atanInverse(int n, MathContext mc) {
        BigDecimal x = BigDecimal.ONE.divide(BigDecimal.valueOf(n), mc);
        BigDecimal x2 = x.multiply(x, mc);
        BigDecimal term = x;
        BigDecimal sum = x;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(mc.getPrecision() + 2);
        for (int k = 3; term.abs().compareTo(eps) > 0; k += 2) {
            term = term.multiply(x2, mc).negate();
            sum = sum.add(term.divide(BigDecimal.valueOf(k), mc), mc);
        }
        return sum;
    }

    static double exp(double x) {
        double fast = Math.exp(x);
        if (Double.isNaN(x) || Double.isInfinite(fast) || fast == 0 || x == 0) {
            return fast;
        }
        return NumericMath.expBig(new BigDecimal(x), 42).doubleValue();
    }

    static double ln(double x) {
        double fast = Math.log(x);
        if (!(x > 0) || Double.isInfinite(x) || x == 1) {
            return fast;
        }
        return lnBig(x, fast).doubleValue();
    }

    /** ln(x) with about 40 significant digits (x positive and not 1). */
    private static BigDecimal lnBig(double x, double approx) {
        int magnitude = (int) Math.floor(Math.log10(Math.abs(approx)));
        return NumericMath.lnBig(new BigDecimal(x), 42 - Math.min(magnitude, 0));
    }

    static double pow(double x, double y) {
        double fast = Math.pow(x, y);
        if (Double.isNaN(fast) || Double.isInfinite(fast) || fast == 0 || x == 0 || y == 0 || x == 1
                || Double.isInfinite(x) || Double.isInfinite(y) || y == 1) {
            return fast;
        }
        boolean negative = x < 0;
        double ax = Math.abs(x);
        double lnApprox = Math.log(ax);
        BigDecimal lnX;
        if (ax == 1) {
            lnX = BigDecimal.ZERO;
        } else {
            int yDigits = (int) Math.ceil(Math.log10(Math.abs(y) + 1));
            int magnitude = (int) Math.floor(Math.log10(Math.abs(lnApprox)));
            lnX = NumericMath.lnBig(new BigDecimal(ax), 42 + yDigits - Math.min(magnitude, 0));
        }
        double r = NumericMath.expBig(lnX.multiply(new BigDecimal(y)), 42).doubleValue();
        if (negative && isOddInteger(y)) {
            r = -r;
        }
        return r;
    }

    private static boolean isOddInteger(double y) {
        return Math.abs(y) < 9.007199254740992E15 && y == Math.rint(y) && ((long) y & 1) == 1;
    }

    // ---------------------------------------------------------------- trigonometry

    /** x reduced to r in [-pi/4, pi/4] with quadrant q: x = r + q * pi/2. */
    private static BigDecimal reduce(double x, int[] quadrant) {
        BigDecimal bx = new BigDecimal(x);
        if (Math.abs(x) <= Math.PI / 4) {
            quadrant[0] = 0;
            return bx;
        }
        int extra = Math.max(0, Math.getExponent(x)) * 3 / 10 + 60;
        MathContext mc = new MathContext(extra);
        BigDecimal k = bx.divide(HALF_PI, mc).setScale(0, RoundingMode.HALF_EVEN);
        quadrant[0] = k.remainder(BigDecimal.valueOf(4)).intValue();
        if (quadrant[0] < 0) {
            quadrant[0] += 4;
        }
        return bx.subtract(k.multiply(HALF_PI), mc).round(MC);
    }

    private static BigDecimal sinSeries(BigDecimal r) {
        BigDecimal r2 = r.multiply(r, MC);
        BigDecimal term = r;
        BigDecimal sum = r;
        BigDecimal eps = r.abs().movePointLeft(47);
        for (int k = 2; term.abs().compareTo(eps) > 0 && k < 200; k += 2) {
            term = term.multiply(r2, MC).divide(BigDecimal.valueOf((long) k * (k + 1)), MC).negate();
            sum = sum.add(term, MC);
        }
        return sum;
    }

    private static BigDecimal cosSeries(BigDecimal r) {
        BigDecimal r2 = r.multiply(r, MC);
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(47);
        for (int k = 1; term.abs().compareTo(eps) > 0 && k < 200; k += 2) {
            term = term.multiply(r2, MC).divide(BigDecimal.valueOf((long) k * (k + 1)), MC).negate();
            sum = sum.add(term, MC);
        }
        return sum;
    }

    static double sin(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x) || x == 0 || Math.abs(x) < 1e-8) {
            return Math.sin(x);
        }
        int[] q = new int[1];
        BigDecimal r = reduce(x, q);
        BigDecimal v;
        switch (q[0]) {
            case 0:
                v = sinSeries(r);
                break;
            case 1:
                v = cosSeries(r);
                break;
            case 2:
                v = sinSeries(r).negate();
                break;
            default:
                v = cosSeries(r).negate();
        }
        return v.doubleValue();
    }

    static double cos(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x) || x == 0) {
            return Math.cos(x);
        }
        int[] q = new int[1];
        BigDecimal r = reduce(x, q);
        BigDecimal v;
        switch (q[0]) {
            case 0:
                v = cosSeries(r);
                break;
            case 1:
                v = sinSeries(r).negate();
                break;
            case 2:
                v = cosSeries(r).negate();
                break;
            default:
                v = sinSeries(r);
        }
        return v.doubleValue();
    }

    static double tan(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x) || x == 0 || Math.abs(x) < 1e-8) {
            return Math.tan(x);
        }
        int[] q = new int[1];
        BigDecimal r = reduce(x, q);
        BigDecimal s = sinSeries(r);
        BigDecimal c = cosSeries(r);
        BigDecimal v = (q[0] & 1) == 0 ? s.divide(c, MC) : c.divide(s, MC).negate();
        return v.doubleValue();
    }

    /** atan of an exact decimal, about 45 digits. */
    private static BigDecimal atanBig(BigDecimal x) {
        if (x.signum() == 0) {
            return BigDecimal.ZERO;
        }
        if (x.abs().compareTo(BigDecimal.ONE) > 0) {
            BigDecimal inv = atanBig(BigDecimal.ONE.divide(x, MC));
            return x.signum() > 0 ? HALF_PI.subtract(inv, MC) : HALF_PI.negate().subtract(inv, MC);
        }
        // atan(x) = 2 atan(x / (1 + sqrt(1 + x^2))), three times: |x| <= tan(pi/32)
        BigDecimal y = x.round(MC);
        for (int i = 0; i < 3; i++) {
            BigDecimal root = BigDecimal.ONE.add(y.multiply(y, MC)).sqrt(MC);
            y = y.divide(BigDecimal.ONE.add(root), MC);
        }
        BigDecimal y2 = y.multiply(y, MC);
        BigDecimal power = y;
        BigDecimal sum = y;
        BigDecimal eps = y.abs().movePointLeft(36);
        for (int k = 3; power.abs().compareTo(eps) > 0 && k < 400; k += 2) {
            power = power.multiply(y2, MC).negate();
            sum = sum.add(power.divide(BigDecimal.valueOf(k), MC), MC);
        }
        return sum.multiply(BigDecimal.valueOf(8), MC);
    }

    static double atan(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x) || x == 0 || Math.abs(x) < 1e-8) {
            return Math.atan(x);
        }
        return atanBig(new BigDecimal(x)).doubleValue();
    }

    static double asin(double x) {
        if (Double.isNaN(x) || x == 0 || Math.abs(x) >= 1 || Math.abs(x) < 1e-8) {
            return Math.abs(x) == 1 ? Math.copySign(HALF_PI.doubleValue(), x) : Math.asin(x);
        }
        BigDecimal bx = new BigDecimal(x);
        BigDecimal root = BigDecimal.ONE.subtract(bx.multiply(bx)).sqrt(MC);
        return atanBig(bx.divide(root, MC)).doubleValue();
    }

    static double acos(double x) {
        if (Double.isNaN(x) || Math.abs(x) > 1) {
            return Math.acos(x);
        }
        if (x == 1) {
            return 0.0;
        }
        if (x == -1) {
            return PI.doubleValue();
        }
        BigDecimal bx = new BigDecimal(x);
        BigDecimal ratio = BigDecimal.ONE.subtract(bx).divide(BigDecimal.ONE.add(bx), MC).sqrt(MC);
        return atanBig(ratio).multiply(TWO).doubleValue();
    }

    static double atan2(double y, double x) {
        if (Double.isNaN(x) || Double.isNaN(y) || x == 0 || y == 0 || Double.isInfinite(x) || Double.isInfinite(y)) {
            return Math.atan2(y, x);
        }
        BigDecimal ratio = new BigDecimal(y).divide(new BigDecimal(x), MC);
        BigDecimal a = atanBig(ratio);
        if (x < 0) {
            a = y > 0 ? a.add(PI, MC) : a.subtract(PI, MC);
        }
        return a.doubleValue();
    }
}
