package io.pgsight.sql.builtin.numeric;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.builtin.PgErrors;
import io.pgsight.sql.builtin.types.NumericType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * numeric arithmetic with PostgreSQL's result scales: division, sqrt, ln, exp and power choose their
 * display scale from the operands' scales and the result's magnitude (at least 16 significant
 * digits), as numeric.c's select_div_scale and friends do; rounding is half away from zero.
 */
public final class NumericMath {
    static final int MIN_SIG_DIGITS = 16;
    static final int MAX_DISPLAY_SCALE = 1000;
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10000);

    private NumericMath() {
    }

    /** Weight of the first non-zero base-10000 digit, and that digit; {0, 0} for zero. */
    static int[] weightAndFirstDigit(BigDecimal v) {
        if (v.signum() == 0) {
            return new int[] {0, 0};
        }
        BigDecimal abs = v.abs();
        int exp10 = abs.precision() - abs.scale() - 1;
        int weight = Math.floorDiv(exp10, 4);
        int first = abs.movePointLeft(4 * weight).setScale(0, RoundingMode.DOWN).intValue();
        return new int[] {weight, first};
    }

    static int scale(BigDecimal v) {
        return Math.max(v.scale(), 0);
    }

    static int clampScale(int rscale) {
        return Math.min(Math.max(rscale, 0), MAX_DISPLAY_SCALE);
    }

    public static BigDecimal add(BigDecimal a, BigDecimal b) {
        return NumericType.normalize(a.add(b));
    }

    public static BigDecimal subtract(BigDecimal a, BigDecimal b) {
        return NumericType.normalize(a.subtract(b));
    }

    public static BigDecimal multiply(BigDecimal a, BigDecimal b) {
        return NumericType.normalize(a.multiply(b));
    }

    /** numeric_div: scale per select_div_scale. */
    public static BigDecimal divide(BigDecimal a, BigDecimal b) {
        if (b.signum() == 0) {
            throw PgErrors.divisionByZero();
        }
        int[] w1 = weightAndFirstDigit(a);
        int[] w2 = weightAndFirstDigit(b);
        int qweight = w1[0] - w2[0];
        if (w1[1] <= w2[1]) {
            qweight--;
        }
        int rscale = MIN_SIG_DIGITS - qweight * 4;
        rscale = Math.max(rscale, scale(a));
        rscale = Math.max(rscale, scale(b));
        return a.divide(b, clampScale(rscale), RoundingMode.HALF_UP);
    }

    /** div(): the truncated integer quotient. */
    public static BigDecimal divideTrunc(BigDecimal a, BigDecimal b) {
        if (b.signum() == 0) {
            throw PgErrors.divisionByZero();
        }
        return a.divideToIntegralValue(b).setScale(0, RoundingMode.DOWN);
    }

    public static BigDecimal mod(BigDecimal a, BigDecimal b) {
        if (b.signum() == 0) {
            throw PgErrors.divisionByZero();
        }
        return NumericType.normalize(a.remainder(b));
    }

    public static BigDecimal sqrt(BigDecimal a) {
        if (a.signum() < 0) {
            throw new SqlException("2201F", "cannot take square root of a negative number");
        }
        int weight = weightAndFirstDigit(a)[0];
        int sweight = (weight + 1) * 4 / 2 - 1;
        int rscale = clampScale(Math.max(MIN_SIG_DIGITS - sweight, scale(a)));
        if (a.signum() == 0) {
            return BigDecimal.ZERO.setScale(rscale);
        }
        MathContext mc = new MathContext(a.precision() + rscale + 10);
        return a.sqrt(mc).setScale(rscale, RoundingMode.HALF_UP);
    }

    /** Decimal exponent of the most significant digit (floor(log10 |v|)). */
    static int decimalWeight(BigDecimal v) {
        return v.precision() - v.scale() - 1;
    }

    public static BigDecimal ln(BigDecimal a) {
        if (a.signum() == 0) {
            throw new SqlException("2201E", "cannot take logarithm of zero");
        }
        if (a.signum() < 0) {
            throw new SqlException("2201E", "cannot take logarithm of a negative number");
        }
        BigDecimal result = lnExact(a, 40);
        int dweight = result.signum() == 0 ? 0 : decimalWeight(result);
        int rscale = clampScale(Math.max(MIN_SIG_DIGITS - dweight, scale(a)));
        return lnExact(a, rscale + 10).setScale(rscale, RoundingMode.HALF_UP);
    }

    /** log10 (log(numeric)) with ln's scale rule. */
    public static BigDecimal log10(BigDecimal a) {
        return log(BigDecimal.TEN, a);
    }

    /** log(base, x): ln(x) / ln(base) with a scale chosen like numeric.c's log_var. */
    public static BigDecimal log(BigDecimal base, BigDecimal x) {
        for (BigDecimal v : new BigDecimal[] {base, x}) {
            if (v.signum() == 0) {
                throw new SqlException("2201E", "cannot take logarithm of zero");
            }
            if (v.signum() < 0) {
                throw new SqlException("2201E", "cannot take logarithm of a negative number");
            }
        }
        BigDecimal lnBase = lnExact(base, 50);
        if (lnBase.signum() == 0) {
            throw PgErrors.divisionByZero();
        }
        BigDecimal approx = lnExact(x, 50).divide(lnBase, new MathContext(40, RoundingMode.HALF_EVEN));
        int dweight = approx.signum() == 0 ? 0 : decimalWeight(approx);
        int rscale = clampScale(Math.max(Math.max(MIN_SIG_DIGITS - dweight, scale(base)), scale(x)));
        BigDecimal lnB = lnExact(base, rscale + 20);
        return lnExact(x, rscale + 20).divide(lnB, rscale, RoundingMode.HALF_UP);
    }

    public static BigDecimal exp(BigDecimal a) {
        double approx = a.doubleValue();
        if (approx > 2303) { // e^2303 > 10^1000
            throw new SqlException("22003", "value overflows numeric format");
        }
        int dweight = (int) Math.floor(approx * 0.434294481903252); // log10(e)
        int rscale = clampScale(Math.max(MIN_SIG_DIGITS - dweight, scale(a)));
        return expExact(a, rscale + 10).setScale(rscale, RoundingMode.HALF_UP);
    }

    public static BigDecimal power(BigDecimal base, BigDecimal exponent) {
        if (base.signum() == 0 && exponent.signum() < 0) {
            throw new SqlException("2201F", "zero raised to a negative power is undefined");
        }
        boolean integral = exponent.stripTrailingZeros().scale() <= 0;
        if (base.signum() < 0 && !integral) {
            throw new SqlException("2201F", "a negative number raised to a non-integer power yields a complex result");
        }
        if (base.signum() == 0) {
            return exponent.signum() == 0 ? BigDecimal.ONE.setScale(Math.max(scale(base), scale(exponent)))
                    : BigDecimal.ZERO.setScale(Math.max(scale(base), scale(exponent)));
        }
        double estimate = exponent.doubleValue() * Math.log10(base.abs().doubleValue());
        if (estimate > 1000) {
            throw new SqlException("22003", "value overflows numeric format");
        }
        int dweight = (int) Math.floor(estimate);
        int rscale = clampScale(Math.max(Math.max(MIN_SIG_DIGITS - dweight, scale(base)), scale(exponent)));
        if (estimate < -1001) {
            return BigDecimal.ZERO.setScale(rscale);
        }
        if (integral && exponent.abs().compareTo(BigDecimal.valueOf(1_000_000)) < 0) {
            int e = exponent.intValueExact();
            BigDecimal r = base.pow(Math.abs(e));
            if (e < 0) {
                return BigDecimal.ONE.divide(r, rscale, RoundingMode.HALF_UP);
            }
            return r.setScale(rscale, RoundingMode.HALF_UP);
        }
        BigDecimal lnb = lnExact(base.abs(), rscale + 30 + Math.max(dweight, 0));
        BigDecimal r = expExact(lnb.multiply(exponent), rscale + 10);
        if (base.signum() < 0 && exponent.toBigInteger().testBit(0)) {
            r = r.negate();
        }
        return r.setScale(rscale, RoundingMode.HALF_UP);
    }

    /** ln(a) to {@code scale} decimal places plus guard digits, for positive a. */
    static BigDecimal lnExact(BigDecimal a, int scale) {
        int guard = scale + 10;
        MathContext mc = new MathContext(guard + 10, RoundingMode.HALF_EVEN);
        // a = m * 10^k with m in [0.1, 1): ln a = ln m + k ln 10
        int k = a.precision() - a.scale();
        BigDecimal m = a.movePointLeft(k);
        BigDecimal lnTen = lnSeries(BigDecimal.TEN, mc);
        return lnSeries(m, mc).add(lnTen.multiply(BigDecimal.valueOf(k)), mc)
                .setScale(guard, RoundingMode.HALF_EVEN);
    }

    /** ln by repeated square roots then the atanh series. */
    private static BigDecimal lnSeries(BigDecimal x, MathContext mc) {
        int roots = 0;
        BigDecimal y = x;
        BigDecimal lo = new BigDecimal("0.9");
        BigDecimal hi = new BigDecimal("1.1");
        while (y.compareTo(lo) < 0 || y.compareTo(hi) > 0) {
            y = y.sqrt(mc);
            roots++;
        }
        // ln y = 2 atanh((y-1)/(y+1))
        BigDecimal z = y.subtract(BigDecimal.ONE).divide(y.add(BigDecimal.ONE), mc);
        BigDecimal z2 = z.multiply(z, mc);
        BigDecimal term = z;
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(mc.getPrecision() + 5);
        for (int n = 1; term.abs().compareTo(eps) > 0; n += 2) {
            sum = sum.add(term.divide(BigDecimal.valueOf(n), mc), mc);
            term = term.multiply(z2, mc);
        }
        return sum.multiply(BigDecimal.valueOf(2)).multiply(BigDecimal.valueOf(2).pow(roots), mc);
    }

    /** e^a to {@code scale} decimal places plus guard digits. */
    static BigDecimal expExact(BigDecimal a, int scale) {
        int digits = scale + Math.max(decimalWeightOfExp(a), 0) + 15;
        MathContext mc = new MathContext(digits, RoundingMode.HALF_EVEN);
        // reduce: e^a = (e^(a/2^k))^(2^k)
        int k = 0;
        BigDecimal x = a;
        while (x.abs().compareTo(new BigDecimal("0.01")) > 0) {
            x = x.divide(BigDecimal.valueOf(2), mc);
            k++;
        }
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(digits + 5);
        for (int n = 1; term.abs().compareTo(eps) > 0; n++) {
            term = term.multiply(x, mc).divide(BigDecimal.valueOf(n), mc);
            sum = sum.add(term, mc);
        }
        for (int i = 0; i < k; i++) {
            sum = sum.multiply(sum, mc);
        }
        return sum;
    }

    private static int decimalWeightOfExp(BigDecimal a) {
        return (int) Math.ceil(a.doubleValue() * 0.434294481903252);
    }

    /** numeric to an integer type: round half away from zero, then range-check. */
    public static long toLong(BigDecimal v, int width) {
        BigInteger i = v.setScale(0, RoundingMode.HALF_UP).toBigInteger();
        if (i.bitLength() > 63) {
            throw IntegerOperators.outOfRange(width);
        }
        long l = i.longValue();
        IntegerOperators.box(l, width);
        return l;
    }

    /** float8 to numeric: 15 significant digits, as float8_numeric's %.15g. */
    public static BigDecimal fromDouble(double d, int digits) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new SqlException("0A000", "cannot convert " + (Double.isNaN(d) ? "NaN" : "infinity")
                    + " to numeric");
        }
        if (d == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal r = new BigDecimal(d).round(new MathContext(digits, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        return NumericType.normalize(r);
    }

    public static BigDecimal truncate(BigDecimal v, int places) {
        return NumericType.normalize(v.setScale(places, RoundingMode.DOWN));
    }

    public static BigDecimal round(BigDecimal v, int places) {
        return NumericType.normalize(v.setScale(places, RoundingMode.HALF_UP));
    }
}
