package io.pgsight.sql.format;

import io.pgsight.sql.api.SqlException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * numeric sqrt, exp, ln, log and power with PostgreSQL 15's result-scale rules (numeric.c); the values
 * themselves are computed here to enough guard digits and rounded half away from zero to that scale.
 */
final class NumericMath {
    private static final double LOG10_E = 0.434294481903252;

    private NumericMath() {
    }

    private static SqlException negativeSqrt() {
        return new SqlException(PgErrors.INVALID_ARGUMENT_FOR_POWER, "cannot take square root of a negative number");
    }

    private static SqlException logOfZero() {
        return new SqlException(PgErrors.INVALID_ARGUMENT_FOR_LOG, "cannot take logarithm of zero");
    }

    private static SqlException logOfNegative() {
        return new SqlException(PgErrors.INVALID_ARGUMENT_FOR_LOG, "cannot take logarithm of a negative number");
    }

    private static int clampScale(int rscale) {
        return Math.min(Math.max(rscale, 0), PgNumeric.MAX_DISPLAY_SCALE);
    }

    // ---------------------------------------------------------------- sqrt

    static PgNumeric sqrt(PgNumeric n) {
        if (n.isNaN()) {
            return n;
        }
        if (n.signum() < 0) {
            throw negativeSqrt();
        }
        if (n.isInfinite()) {
            return n;
        }
        BigDecimal x = n.bigDecimal();
        int sweight = (PgNumeric.weight(x) + 1) * 4 / 2 - 1;
        int rscale = clampScale(Math.max(PgNumeric.MIN_SIG_DIGITS - sweight, x.scale()));
        return PgNumeric.finite(sqrtRounded(x, rscale));
    }

    /** Square root rounded half away from zero to rscale decimals, computed exactly with integers. */
    static BigDecimal sqrtRounded(BigDecimal x, int rscale) {
        int work = rscale + 1;
        BigInteger scaled = x.movePointRight(2 * work).setScale(0, RoundingMode.DOWN).toBigIntegerExact();
        BigInteger root = scaled.sqrt();
        BigInteger[] qr = root.divideAndRemainder(BigInteger.TEN);
        BigInteger q = qr[0];
        if (qr[1].intValue() >= 5) {
            q = q.add(BigInteger.ONE);
        }
        return new BigDecimal(q, rscale);
    }

    // ---------------------------------------------------------------- exp

    static PgNumeric exp(PgNumeric n) {
        if (n.isNaN()) {
            return n;
        }
        if (n.isInfinite()) {
            return n.signum() > 0 ? n : PgNumeric.ZERO;
        }
        BigDecimal x = n.bigDecimal();
        double val = x.doubleValue() * LOG10_E;
        val = Math.max(-PgNumeric.MAX_RESULT_SCALE, Math.min(PgNumeric.MAX_RESULT_SCALE, val));
        int rscale = clampScale(Math.max(PgNumeric.MIN_SIG_DIGITS - (int) val, x.scale()));
        return PgNumeric.finite(expRounded(x, rscale));
    }

    /** exp_var: e^x rounded to rscale decimals, with PostgreSQL's overflow threshold. */
    static BigDecimal expRounded(BigDecimal x, int rscale) {
        double xd = x.doubleValue();
        if (Math.abs(xd) >= PgNumeric.MAX_RESULT_SCALE * 3) {
            if (xd > 0) {
                throw PgNumeric.overflowsFormat();
            }
            return BigDecimal.ZERO.setScale(rscale);
        }
        int resultDigitsBeforePoint = (int) Math.ceil(xd * LOG10_E) + 1;
        int precision = Math.max(rscale + resultDigitsBeforePoint, 1) + 10;
        return expBig(x, precision).setScale(rscale, RoundingMode.HALF_UP);
    }

    /** e^x to about {@code precision} significant digits. */
    static BigDecimal expBig(BigDecimal x, int precision) {
        if (x.signum() == 0) {
            return BigDecimal.ONE;
        }
        double ax = Math.abs(x.doubleValue());
        int k = ax < 1.0 / 16 ? 0 : (int) Math.ceil(Math.log(ax * 16) / Math.log(2));
        // At high precision, halve the argument further: fewer series terms for a few more squarings.
        k += (int) Math.sqrt(precision / 0.3) / 2;
        MathContext mc = new MathContext(precision + 12 + k / 3);
        BigDecimal r = k == 0 ? x : x.divide(BigDecimal.valueOf(2).pow(k), mc);
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(mc.getPrecision() + 2);
        for (int i = 1; i < 100000; i++) {
            term = term.multiply(r, mc).divide(BigDecimal.valueOf(i), mc);
            sum = sum.add(term, mc);
            if (term.abs().compareTo(eps) < 0) {
                break;
            }
        }
        for (int i = 0; i < k; i++) {
            sum = sum.multiply(sum, mc);
        }
        return sum;
    }

    // ---------------------------------------------------------------- ln, log

    static PgNumeric ln(PgNumeric n) {
        if (n.isNaN()) {
            return n;
        }
        if (n.signum() == 0) {
            throw logOfZero();
        }
        if (n.signum() < 0) {
            throw logOfNegative();
        }
        if (n.isInfinite()) {
            return n;
        }
        BigDecimal x = n.bigDecimal();
        int rscale = clampScale(Math.max(PgNumeric.MIN_SIG_DIGITS - estimateLnDweight(x), x.scale()));
        return PgNumeric.finite(lnBig(x, rscale + 8).setScale(rscale, RoundingMode.HALF_UP));
    }

    static PgNumeric log(PgNumeric base, PgNumeric num) {
        if (base.isNaN() || num.isNaN()) {
            return PgNumeric.NaN;
        }
        if (base.isInfinite() || num.isInfinite()) {
            if (base.signum() < 0 || num.signum() < 0) {
                throw logOfNegative();
            }
            if (base.signum() == 0 || num.signum() == 0) {
                throw logOfZero();
            }
            if (base.isInfinite()) {
                return num.isInfinite() ? PgNumeric.NaN : PgNumeric.ZERO;
            }
            return PgNumeric.POSITIVE_INFINITY;
        }
        BigDecimal b = base.bigDecimal();
        BigDecimal x = num.bigDecimal();
        checkLogArgument(b);
        checkLogArgument(x);
        int resultDweight = estimateLnDweight(x) - estimateLnDweight(b);
        int rscale = PgNumeric.MIN_SIG_DIGITS - resultDweight;
        rscale = clampScale(Math.max(Math.max(rscale, b.scale()), x.scale()));
        int guard = rscale + 8 + Math.max(0, -estimateLnDweight(b));
        BigDecimal lnBase = lnBig(b, guard + 8);
        if (lnBase.signum() == 0 || b.compareTo(BigDecimal.ONE) == 0) {
            throw PgErrors.divisionByZero();
        }
        BigDecimal lnNum = lnBig(x, guard + 8);
        return PgNumeric.finite(lnNum.divide(lnBase, rscale, RoundingMode.HALF_UP));
    }

    private static void checkLogArgument(BigDecimal v) {
        if (v.signum() == 0) {
            throw logOfZero();
        }
        if (v.signum() < 0) {
            throw logOfNegative();
        }
    }

    /** estimate_ln_dweight: decimal weight of ln(x) for a positive x, as PostgreSQL estimates it. */
    static int estimateLnDweight(BigDecimal x) {
        if (x.signum() <= 0) {
            return 0;
        }
        if (x.compareTo(new BigDecimal("0.9")) >= 0 && x.compareTo(new BigDecimal("1.1")) <= 0) {
            BigDecimal d = x.subtract(BigDecimal.ONE);
            if (d.signum() == 0) {
                return 0;
            }
            // weight * DEC_DIGITS + (int) log10(first base-10000 digit) is the position of the leading digit
            return d.precision() - d.scale() - 1;
        }
        int weight = PgNumeric.weight(x);
        int ndigits = baseDigitCount(x, weight);
        long digits;
        int dweight;
        if (ndigits > 1) {
            digits = x.movePointLeft(4 * (weight - 1)).setScale(0, RoundingMode.DOWN).longValue();
            dweight = (weight - 1) * 4;
        } else {
            digits = PgNumeric.firstDigit(x, weight);
            dweight = weight * 4;
        }
        double lnVar = Math.log((double) digits) + dweight * 2.302585092994046;
        return (int) Math.log10(Math.abs(lnVar));
    }

    /** Number of base-10000 digit groups from the leading one down to the last nonzero one. */
    static int baseDigitCount(BigDecimal x, int weight) {
        BigDecimal stripped = x.stripTrailingZeros();
        int lowest = Math.floorDiv(-stripped.scale(), 4);
        return weight - lowest + 1;
    }

    /** ln(x) for x &gt; 0 with absolute error below 10^-decimals (Newton iteration on exp). */
    static BigDecimal lnBig(BigDecimal x, int decimals) {
        if (x.compareTo(BigDecimal.ONE) == 0) {
            return BigDecimal.ZERO;
        }
        int e10 = x.precision() - x.scale() - 1;
        double mantissa = x.movePointLeft(e10).doubleValue();
        BigDecimal y = new BigDecimal(Math.log(mantissa) + e10 * Math.log(10));
        if (x.subtract(BigDecimal.ONE).abs().compareTo(new BigDecimal("0.001")) < 0) {
            BigDecimal d = x.subtract(BigDecimal.ONE);
            y = d.subtract(d.multiply(d).divide(BigDecimal.valueOf(2), MathContext.DECIMAL64));
        }
        int intDigits = Math.max(1, (int) Math.ceil(Math.log10(Math.abs(y.doubleValue()) + 1)));
        int precision = decimals + intDigits + 10;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(decimals + 3);
        BigDecimal two = BigDecimal.valueOf(2);
        // Halley/Newton on exp converges cubically: raise the working precision as the digits become right.
        int working = 20;
        for (int i = 0; i < 60; i++) {
            working = Math.min(precision, working * 3);
            MathContext mc = new MathContext(working);
            BigDecimal e = expBig(y, working);
            BigDecimal correction = two.multiply(x.subtract(e, mc), mc).divide(x.add(e, mc), mc);
            y = y.add(correction, mc);
            if (working == precision && correction.abs().compareTo(eps) < 0) {
                break;
            }
        }
        return y;
    }

    // ---------------------------------------------------------------- power

    static PgNumeric power(PgNumeric base, PgNumeric exp) {
        if (base.isNaN()) {
            return exp.isFinite() && exp.signum() == 0 ? PgNumeric.ONE : PgNumeric.NaN;
        }
        if (exp.isNaN()) {
            return base.isFinite() && base.bigDecimal().compareTo(BigDecimal.ONE) == 0 ? PgNumeric.ONE
                    : PgNumeric.NaN;
        }
        int sign1 = base.signum();
        int sign2 = exp.signum();
        if (sign1 == 0 && sign2 < 0) {
            throw new SqlException(PgErrors.INVALID_ARGUMENT_FOR_POWER, "zero raised to a negative power is undefined");
        }
        if (sign1 < 0 && !isIntegral(exp)) {
            throw new SqlException(PgErrors.INVALID_ARGUMENT_FOR_POWER,
                    "a negative number raised to a non-integer power yields a complex result");
        }
        if (base.isInfinite() || exp.isInfinite()) {
            return powerSpecial(base, exp, sign1, sign2);
        }
        BigDecimal b = base.bigDecimal();
        BigDecimal e = exp.bigDecimal();
        if (e.signum() == 0 || e.stripTrailingZeros().scale() <= 0) {
            BigDecimal ei = e.setScale(0);
            if (ei.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0
                    && ei.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
                return PgNumeric.finite(powerInt(b, ei.intValueExact(), e.scale()));
            }
        }
        if (b.signum() == 0) {
            return PgNumeric.finite(BigDecimal.ZERO.setScale(PgNumeric.MIN_SIG_DIGITS));
        }
        boolean negate = false;
        if (b.signum() < 0) {
            negate = e.toBigInteger().testBit(0);
            b = b.negate();
        }
        double lnBase = lnDouble(b);
        double val = lnBase * e.doubleValue();
        if (Math.abs(val) > PgNumeric.MAX_RESULT_SCALE * 3.01) {
            if (val > 0) {
                throw PgNumeric.overflowsFormat();
            }
            return PgNumeric.finite(BigDecimal.ZERO.setScale(PgNumeric.MAX_DISPLAY_SCALE));
        }
        val *= LOG10_E;
        int rscale = PgNumeric.MIN_SIG_DIGITS - (int) val;
        rscale = clampScale(Math.max(Math.max(rscale, b.scale()), e.scale()));
        int lnDecimals = rscale + Math.max(0, (int) val) + 12 + String.valueOf(e.toBigInteger().abs()).length();
        BigDecimal product = lnBig(b, lnDecimals).multiply(e);
        BigDecimal r = expRounded(product, rscale);
        return PgNumeric.finite(negate ? r.negate() : r);
    }

    private static boolean isIntegral(PgNumeric n) {
        if (!n.isFinite()) {
            return false;
        }
        BigDecimal v = n.bigDecimal();
        return v.signum() == 0 || v.stripTrailingZeros().scale() <= 0;
    }

    private static double lnDouble(BigDecimal positive) {
        int e10 = positive.precision() - positive.scale() - 1;
        return Math.log(positive.movePointLeft(e10).doubleValue()) + e10 * Math.log(10);
    }

    private static PgNumeric powerSpecial(PgNumeric base, PgNumeric exp, int sign1, int sign2) {
        if (base.isFinite() && base.bigDecimal().compareTo(BigDecimal.ONE) == 0) {
            return PgNumeric.ONE;
        }
        if (sign2 == 0) {
            return PgNumeric.ONE;
        }
        if (sign1 == 0 && sign2 > 0) {
            return PgNumeric.ZERO;
        }
        if (exp.isInfinite()) {
            boolean absGtOne;
            if (base.isInfinite()) {
                absGtOne = true;
            } else {
                BigDecimal b = base.bigDecimal();
                if (b.compareTo(BigDecimal.ONE.negate()) == 0) {
                    return PgNumeric.ONE;
                }
                absGtOne = b.abs().compareTo(BigDecimal.ONE) > 0;
            }
            return absGtOne == (sign2 > 0) ? PgNumeric.POSITIVE_INFINITY : PgNumeric.ZERO;
        }
        if (sign1 > 0) {
            return sign2 > 0 ? PgNumeric.POSITIVE_INFINITY : PgNumeric.ZERO;
        }
        if (sign2 < 0) {
            return PgNumeric.ZERO;
        }
        BigDecimal e = exp.bigDecimal();
        boolean oddInteger = isIntegral(exp) && e.toBigInteger().testBit(0);
        return oddInteger ? PgNumeric.NEGATIVE_INFINITY : PgNumeric.POSITIVE_INFINITY;
    }

    /** power_var_int: scale chosen from an estimate of the result's decimal weight, PostgreSQL 15 style. */
    static BigDecimal powerInt(BigDecimal base, int exp, int expDscale) {
        double f = 0;
        if (base.signum() != 0) {
            int weight = PgNumeric.weight(base);
            int ndigits = baseDigitCount(base, weight);
            int groups = Math.min(ndigits, 4);
            double lead = base.abs().movePointLeft(4 * (weight - groups + 1)).setScale(0, RoundingMode.DOWN)
                    .doubleValue();
            int p = (weight - groups + 1) * 4;
            f = exp * (Math.log10(lead) + p);
        }
        if (f > (Short.MAX_VALUE + 1) * 4) {
            throw PgNumeric.overflowsFormat();
        }
        if (f + 1 < -PgNumeric.MAX_DISPLAY_SCALE) {
            return BigDecimal.ZERO.setScale(PgNumeric.MAX_DISPLAY_SCALE);
        }
        int rscale = PgNumeric.MIN_SIG_DIGITS - (int) f;
        rscale = clampScale(Math.max(Math.max(rscale, base.scale()), expDscale));
        if (exp == 0) {
            return BigDecimal.ONE.setScale(rscale);
        }
        if (base.signum() == 0) {
            if (exp < 0) {
                throw PgErrors.divisionByZero();
            }
            return BigDecimal.ZERO.setScale(rscale);
        }
        int absExp = Math.abs(exp);
        long exactDigits = (long) base.precision() * absExp;
        BigDecimal magnitude;
        if (exactDigits <= 20000) {
            magnitude = base.pow(absExp);
        } else {
            int digitsNeeded = Math.max(rscale + (int) Math.abs(f), 0) + 20;
            magnitude = base.pow(absExp, new MathContext(digitsNeeded + 10));
        }
        if (exp > 0) {
            return magnitude.setScale(rscale, RoundingMode.HALF_UP);
        }
        return BigDecimal.ONE.divide(magnitude, rscale, RoundingMode.HALF_UP);
    }
}
