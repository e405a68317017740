package io.pgsight.sql.format;

import io.pgsight.sql.api.SqlException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * An immutable PostgreSQL numeric: a finite decimal whose {@link BigDecimal#scale() scale} is the display
 * scale (never negative, so 32.50 keeps its trailing zero), or NaN, +Infinity, -Infinity (PostgreSQL 14+).
 *
 * <p>Arithmetic follows numeric.c: add/sub keep the larger display scale, mul adds them, division picks a
 * scale giving at least 16 significant digits (select_div_scale), rounding is half away from zero, NaN sorts
 * above +Infinity and equals itself. {@link #equals} and {@link #hashCode} ignore the display scale (1.0 = 1).
 */
public final class PgNumeric implements Comparable<PgNumeric> {
    /** NUMERIC_MIN_SIG_DIGITS. */
    static final int MIN_SIG_DIGITS = 16;
    /** NUMERIC_MAX_DISPLAY_SCALE. */
    static final int MAX_DISPLAY_SCALE = 1000;
    /** NUMERIC_MAX_RESULT_SCALE. */
    static final int MAX_RESULT_SCALE = MAX_DISPLAY_SCALE * 2;
    /** NUMERIC_DSCALE_MAX. */
    static final int DSCALE_MAX = 0x3FFF;
    /** Largest base-10000 weight storable (NUMERIC_WEIGHT_MAX). */
    static final int WEIGHT_MAX = 0x7FFF;

    private enum Kind { FINITE, NAN, POS_INF, NEG_INF }

    public static final PgNumeric NaN = new PgNumeric(Kind.NAN, null);
    public static final PgNumeric POSITIVE_INFINITY = new PgNumeric(Kind.POS_INF, null);
    public static final PgNumeric NEGATIVE_INFINITY = new PgNumeric(Kind.NEG_INF, null);
    public static final PgNumeric ZERO = new PgNumeric(Kind.FINITE, BigDecimal.ZERO);
    public static final PgNumeric ONE = new PgNumeric(Kind.FINITE, BigDecimal.ONE);

    private final Kind kind;
    private final BigDecimal value;

    private PgNumeric(Kind kind, BigDecimal value) {
        this.kind = kind;
        this.value = value;
    }

    /** A finite numeric; a negative scale is widened to 0; fails when beyond numeric's storage limits. */
    public static PgNumeric of(BigDecimal v) {
        BigDecimal d = v.scale() < 0 ? v.setScale(0) : v;
        checkStorable(d);
        return new PgNumeric(Kind.FINITE, d);
    }

    public static PgNumeric of(long v) {
        return new PgNumeric(Kind.FINITE, BigDecimal.valueOf(v));
    }

    /** Wraps without the storage-limit check (internal results known to be in range). */
    static PgNumeric finite(BigDecimal v) {
        return new PgNumeric(Kind.FINITE, v.scale() < 0 ? v.setScale(0) : v);
    }

    private static void checkStorable(BigDecimal d) {
        if (d.signum() != 0) {
            int e10 = d.precision() - d.scale() - 1;
            if (Math.floorDiv(e10, 4) > WEIGHT_MAX) {
                throw overflowsFormat();
            }
        }
        if (d.scale() > DSCALE_MAX) {
            throw overflowsFormat();
        }
    }

    static SqlException overflowsFormat() {
        return new SqlException(PgErrors.NUMERIC_VALUE_OUT_OF_RANGE, "value overflows numeric format");
    }

    // ---------------------------------------------------------------- accessors

    public boolean isNaN() {
        return kind == Kind.NAN;
    }

    public boolean isInfinite() {
        return kind == Kind.POS_INF || kind == Kind.NEG_INF;
    }

    public boolean isFinite() {
        return kind == Kind.FINITE;
    }

    /** The finite value; throws for NaN and infinities. */
    public BigDecimal bigDecimal() {
        if (kind != Kind.FINITE) {
            throw new IllegalStateException("not finite: " + this);
        }
        return value;
    }

    /** Display scale (0 for special values). */
    public int scale() {
        return kind == Kind.FINITE ? value.scale() : 0;
    }

    /** -1, 0 or 1; NaN gives 0 (callers check isNaN first). */
    public int signum() {
        switch (kind) {
            case POS_INF:
                return 1;
            case NEG_INF:
                return -1;
            case NAN:
                return 0;
            default:
                return value.signum();
        }
    }

    // ---------------------------------------------------------------- text I/O

    /** numeric_in. */
    public static PgNumeric parse(String text) {
        int n = text.length();
        int i = 0;
        while (i < n && FloatFormat.isSpace(text.charAt(i))) {
            i++;
        }
        int end = n;
        while (end > i && FloatFormat.isSpace(text.charAt(end - 1))) {
            end--;
        }
        String s = text.substring(i, end);
        PgNumeric special = specialValue(s);
        if (special != null) {
            return special;
        }
        return parseFinite(s, text);
    }

    private static PgNumeric specialValue(String s) {
        if (s.equalsIgnoreCase("NaN")) {
            return NaN;
        }
        if (s.equalsIgnoreCase("Infinity") || s.equalsIgnoreCase("+Infinity") || s.equalsIgnoreCase("inf")
                || s.equalsIgnoreCase("+inf")) {
            return POSITIVE_INFINITY;
        }
        if (s.equalsIgnoreCase("-Infinity") || s.equalsIgnoreCase("-inf")) {
            return NEGATIVE_INFINITY;
        }
        return null;
    }

    private static PgNumeric parseFinite(String s, String original) {
        int n = s.length();
        int i = 0;
        boolean negative = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        StringBuilder digits = new StringBuilder(n);
        int fractionDigits = 0;
        boolean point = false;
        int digitCount = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
                digitCount++;
                if (point) {
                    fractionDigits++;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (digitCount == 0) {
            throw PgErrors.invalidInput("numeric", original);
        }
        long exponent = 0;
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            boolean expNegative = false;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                expNegative = s.charAt(i) == '-';
                i++;
            }
            int start = i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                if (exponent < Integer.MAX_VALUE) {
                    exponent = exponent * 10 + (s.charAt(i) - '0');
                }
                i++;
            }
            if (i == start) {
                throw PgErrors.invalidInput("numeric", original);
            }
            if (exponent >= Integer.MAX_VALUE / 2) {
                throw overflowsFormat();
            }
            if (expNegative) {
                exponent = -exponent;
            }
        }
        if (i != n) {
            throw PgErrors.invalidInput("numeric", original);
        }
        BigDecimal v = new BigDecimal(new BigInteger(digits.toString()), (int) (fractionDigits - exponent));
        if (negative) {
            v = v.negate();
        }
        return of(v);
    }

    /** numeric_out. */
    @Override
    public String toString() {
        switch (kind) {
            case NAN:
                return "NaN";
            case POS_INF:
                return "Infinity";
            case NEG_INF:
                return "-Infinity";
            default:
                return value.toPlainString();
        }
    }

    // ---------------------------------------------------------------- typmod

    /**
     * apply_typmod: round to {@code scale} (half away from zero; PostgreSQL 15 allows a negative scale) and
     * fail with "numeric field overflow" when more than precision - scale integer digits remain.
     */
    public PgNumeric applyTypmod(int precision, int scale) {
        if (kind == Kind.NAN) {
            return this;
        }
        if (kind != Kind.FINITE) {
            throw new SqlException(PgErrors.NUMERIC_VALUE_OUT_OF_RANGE, "numeric field overflow")
                    .withDetail("A field with precision " + precision + ", scale " + scale
                            + " cannot hold an infinite value.");
        }
        BigDecimal r = roundHalfUp(value, scale);
        int maxDigits = precision - scale;
        if (r.signum() != 0) {
            int integerDigits = r.precision() - r.scale();
            if (integerDigits > maxDigits) {
                throw new SqlException(PgErrors.NUMERIC_VALUE_OUT_OF_RANGE, "numeric field overflow")
                        .withDetail("A field with precision " + precision + ", scale " + scale
                                + " must round to an absolute value less than "
                                + (maxDigits != 0 ? "10^" + maxDigits : "1") + ".");
            }
        }
        return finite(r);
    }

    /** Rounds half away from zero to scale (may be negative); the result's scale is max(scale, 0). */
    static BigDecimal roundHalfUp(BigDecimal v, int scale) {
        BigDecimal r = v.setScale(scale, RoundingMode.HALF_UP);
        return scale < 0 ? r.setScale(0) : r;
    }

    // ---------------------------------------------------------------- arithmetic

    public PgNumeric add(PgNumeric o) {
        if (kind != Kind.FINITE || o.kind != Kind.FINITE) {
            if (isNaN() || o.isNaN()) {
                return NaN;
            }
            if (isInfinite() && o.isInfinite()) {
                return kind == o.kind ? this : NaN;
            }
            return isInfinite() ? this : o;
        }
        return of(value.add(o.value));
    }

    public PgNumeric subtract(PgNumeric o) {
        return add(o.negate());
    }

    public PgNumeric negate() {
        switch (kind) {
            case POS_INF:
                return NEGATIVE_INFINITY;
            case NEG_INF:
                return POSITIVE_INFINITY;
            case NAN:
                return this;
            default:
                return finite(value.negate());
        }
    }

    public PgNumeric abs() {
        return signum() < 0 ? negate() : this;
    }

    public PgNumeric multiply(PgNumeric o) {
        if (kind != Kind.FINITE || o.kind != Kind.FINITE) {
            if (isNaN() || o.isNaN()) {
                return NaN;
            }
            int s = signum() * o.signum();
            return s == 0 ? NaN : s > 0 ? POSITIVE_INFINITY : NEGATIVE_INFINITY;
        }
        BigDecimal product = value.multiply(o.value);
        if (product.scale() > DSCALE_MAX) {
            // the exact product has more fraction digits than numeric can store: round, as numeric_mul does
            product = product.setScale(DSCALE_MAX, RoundingMode.HALF_UP);
        }
        return of(product);
    }

    /** numeric_div: result scale from select_div_scale, rounded half away from zero. */
    public PgNumeric divide(PgNumeric o) {
        if (isNaN() || o.isNaN()) {
            return NaN;
        }
        if (o.kind == Kind.FINITE && o.value.signum() == 0) {
            throw PgErrors.divisionByZero();
        }
        if (isInfinite()) {
            return o.isInfinite() ? NaN : signum() * o.signum() > 0 ? POSITIVE_INFINITY : NEGATIVE_INFINITY;
        }
        if (o.isInfinite()) {
            return ZERO;
        }
        int rscale = selectDivScale(value, o.value);
        return of(value.divide(o.value, rscale, RoundingMode.HALF_UP));
    }

    /** div(numeric, numeric): the quotient truncated toward zero, scale 0. */
    public PgNumeric divideTrunc(PgNumeric o) {
        if (isNaN() || o.isNaN()) {
            return NaN;
        }
        if (o.kind == Kind.FINITE && o.value.signum() == 0) {
            throw PgErrors.divisionByZero();
        }
        if (isInfinite()) {
            return o.isInfinite() ? NaN : signum() * o.signum() > 0 ? POSITIVE_INFINITY : NEGATIVE_INFINITY;
        }
        if (o.isInfinite()) {
            return ZERO;
        }
        return finite(value.divide(o.value, 0, RoundingMode.DOWN));
    }

    /** numeric_mod: dividend minus the truncated quotient times the divisor; scale max of the two. */
    public PgNumeric mod(PgNumeric o) {
        if (isNaN() || o.isNaN()) {
            return NaN;
        }
        if (o.kind == Kind.FINITE && o.value.signum() == 0) {
            throw PgErrors.divisionByZero();
        }
        if (isInfinite()) {
            return NaN;
        }
        if (o.isInfinite()) {
            return this;
        }
        BigDecimal q = value.divide(o.value, 0, RoundingMode.DOWN);
        BigDecimal r = value.subtract(q.multiply(o.value));
        return finite(r.setScale(Math.max(value.scale(), o.value.scale())));
    }

    /**
     * select_div_scale: at least 16 significant digits in the quotient, estimated from the base-10000 weights
     * and first digits of the operands, and not less than either display scale.
     */
    static int selectDivScale(BigDecimal a, BigDecimal b) {
        int weight1 = 0;
        int first1 = 0;
        if (a.signum() != 0) {
            weight1 = weight(a);
            first1 = firstDigit(a, weight1);
        }
        int weight2 = 0;
        int first2 = 0;
        if (b.signum() != 0) {
            weight2 = weight(b);
            first2 = firstDigit(b, weight2);
        }
        int qweight = weight1 - weight2;
        if (first1 <= first2) {
            qweight--;
        }
        int rscale = MIN_SIG_DIGITS - qweight * 4;
        rscale = Math.max(rscale, a.scale());
        rscale = Math.max(rscale, b.scale());
        rscale = Math.max(rscale, 0);
        return Math.min(rscale, MAX_DISPLAY_SCALE);
    }

    /** Base-10000 weight of the leading digit group of a nonzero value (0 for zero). */
    static int weight(BigDecimal v) {
        if (v.signum() == 0) {
            return 0;
        }
        return Math.floorDiv(v.precision() - v.scale() - 1, 4);
    }

    /** The leading base-10000 digit (1..9999) of a nonzero value of the given weight. */
    static int firstDigit(BigDecimal v, int weight) {
        return v.abs().movePointLeft(4 * weight).setScale(0, RoundingMode.DOWN).intValue();
    }

    // ---------------------------------------------------------------- rounding functions

    /** round(numeric, int): half away from zero; scale max(s, 0). */
    public PgNumeric round(int s) {
        if (kind != Kind.FINITE) {
            return this;
        }
        int scale = Math.max(-MAX_RESULT_SCALE, Math.min(MAX_RESULT_SCALE, s));
        return of(roundHalfUp(value, scale));
    }

    /** trunc(numeric, int). */
    public PgNumeric trunc(int s) {
        if (kind != Kind.FINITE) {
            return this;
        }
        int scale = Math.max(-MAX_RESULT_SCALE, Math.min(MAX_RESULT_SCALE, s));
        BigDecimal r = value.setScale(scale, RoundingMode.DOWN);
        return finite(scale < 0 ? r.setScale(0) : r);
    }

    public PgNumeric ceil() {
        return kind != Kind.FINITE ? this : of(value.setScale(0, RoundingMode.CEILING));
    }

    public PgNumeric floor() {
        return kind != Kind.FINITE ? this : of(value.setScale(0, RoundingMode.FLOOR));
    }

    /** sign(numeric): -1, 0, 1 (scale 0); NaN stays NaN. */
    public PgNumeric sign() {
        return isNaN() ? NaN : of(signum());
    }

    /** scale(numeric): the display scale, or null for NaN/Infinity. */
    public Integer displayScale() {
        return kind == Kind.FINITE ? value.scale() : null;
    }

    /** min_scale(numeric): the smallest scale that represents the value exactly. */
    public Integer minScale() {
        if (kind != Kind.FINITE) {
            return null;
        }
        return Math.max(0, value.stripTrailingZeros().scale());
    }

    /** trim_scale(numeric). */
    public PgNumeric trimScale() {
        if (kind != Kind.FINITE) {
            return this;
        }
        return finite(value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros());
    }

    // ---------------------------------------------------------------- transcendental (see NumericMath)

    public PgNumeric sqrt() {
        return NumericMath.sqrt(this);
    }

    public PgNumeric exp() {
        return NumericMath.exp(this);
    }

    public PgNumeric ln() {
        return NumericMath.ln(this);
    }

    /** log(numeric): base 10. */
    public PgNumeric log10() {
        return NumericMath.log(of(10), this);
    }

    /** log(base, x). */
    public static PgNumeric log(PgNumeric base, PgNumeric x) {
        return NumericMath.log(base, x);
    }

    public PgNumeric power(PgNumeric exponent) {
        return NumericMath.power(this, exponent);
    }

    // ---------------------------------------------------------------- conversions

    /** float8_numeric: the double printed with %.15g, then read as numeric. */
    public static PgNumeric fromFloat8(double v) {
        if (Double.isNaN(v)) {
            return NaN;
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? POSITIVE_INFINITY : NEGATIVE_INFINITY;
        }
        return parse(FloatFormat.formatG(v, FloatFormat.DBL_DIG));
    }

    /** float4_numeric: the float printed with %.6g, then read as numeric. */
    public static PgNumeric fromFloat4(float v) {
        if (Float.isNaN(v)) {
            return NaN;
        }
        if (Float.isInfinite(v)) {
            return v > 0 ? POSITIVE_INFINITY : NEGATIVE_INFINITY;
        }
        return parse(FloatFormat.formatG(v, FloatFormat.FLT_DIG));
    }

    /** numeric_float8: through the text form, so out-of-range values fail like float8in. */
    public double toFloat8() {
        switch (kind) {
            case NAN:
                return Double.NaN;
            case POS_INF:
                return Double.POSITIVE_INFINITY;
            case NEG_INF:
                return Double.NEGATIVE_INFINITY;
            default:
                // BigDecimal.doubleValue rounds correctly like strtod; the text path only for range errors
                double d = value.doubleValue();
                if (Double.isFinite(d) && (d != 0 || value.signum() == 0)) {
                    return d;
                }
                return FloatFormat.float8In(value.toPlainString());
        }
    }

    public float toFloat4() {
        switch (kind) {
            case NAN:
                return Float.NaN;
            case POS_INF:
                return Float.POSITIVE_INFINITY;
            case NEG_INF:
                return Float.NEGATIVE_INFINITY;
            default:
                return FloatFormat.float4In(value.toPlainString());
        }
    }

    public short toInt2() {
        return (short) toInteger("smallint", Short.MIN_VALUE, Short.MAX_VALUE);
    }

    public int toInt4() {
        return (int) toInteger("integer", Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    public long toInt8() {
        return toInteger("bigint", Long.MIN_VALUE, Long.MAX_VALUE);
    }

    private long toInteger(String typeName, long min, long max) {
        if (kind == Kind.NAN) {
            throw new SqlException(PgErrors.FEATURE_NOT_SUPPORTED, "cannot convert NaN to " + typeName);
        }
        if (kind != Kind.FINITE) {
            throw new SqlException(PgErrors.FEATURE_NOT_SUPPORTED, "cannot convert infinity to " + typeName);
        }
        BigDecimal r = value.setScale(0, RoundingMode.HALF_UP);
        if (r.precision() > 19 || r.compareTo(BigDecimal.valueOf(min)) < 0 || r.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw PgErrors.outOfRange(typeName);
        }
        return r.longValueExact();
    }

    // ---------------------------------------------------------------- comparison

    /** cmp_numerics: -Infinity &lt; finite &lt; +Infinity &lt; NaN; NaN = NaN; scale ignored. */
    @Override
    public int compareTo(PgNumeric o) {
        int ra = rank();
        int rb = o.rank();
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        return ra == 1 ? value.compareTo(o.value) : 0;
    }

    private int rank() {
        switch (kind) {
            case NEG_INF:
                return 0;
            case FINITE:
                return 1;
            case POS_INF:
                return 2;
            default:
                return 3;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PgNumeric n && compareTo(n) == 0;
    }

    @Override
    public int hashCode() {
        if (kind != Kind.FINITE) {
            return kind.hashCode();
        }
        return value.signum() == 0 ? 0 : value.stripTrailingZeros().hashCode();
    }
}
