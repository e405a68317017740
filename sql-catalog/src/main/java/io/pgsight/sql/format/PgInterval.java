package io.pgsight.sql.format;

/**
 * A PostgreSQL interval: months, days and microseconds kept separately (so '1 mon' and '30 days' print
 * differently) but compared and hashed by their span with 30-day months and 24-hour days, as PostgreSQL does
 * ('1 day' = '24 hours').
 */
public record PgInterval(int months, int days, long micros) implements Comparable<PgInterval> {
    public static final long USECS_PER_SEC = 1_000_000L;
    public static final long USECS_PER_MINUTE = 60 * USECS_PER_SEC;
    public static final long USECS_PER_HOUR = 60 * USECS_PER_MINUTE;
    public static final long USECS_PER_DAY = 24 * USECS_PER_HOUR;

    public static final PgInterval ZERO = new PgInterval(0, 0, 0);

    public static PgInterval ofMicros(long micros) {
        return new PgInterval(0, 0, micros);
    }

    /** The span in microseconds with months of 30 days (as a 128-bit-safe BigInteger-free pair). */
    private java.math.BigInteger span() {
        return java.math.BigInteger.valueOf((long) months * 30 + days)
                .multiply(java.math.BigInteger.valueOf(USECS_PER_DAY))
                .add(java.math.BigInteger.valueOf(micros));
    }

    @Override
    public int compareTo(PgInterval o) {
        return span().compareTo(o.span());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PgInterval i && compareTo(i) == 0;
    }

    @Override
    public int hashCode() {
        return span().hashCode();
    }

    /** interval_out in the default IntervalStyle postgres. */
    @Override
    public String toString() {
        return IntervalFormat.format(this);
    }

    public PgInterval negate() {
        if (months == Integer.MIN_VALUE || days == Integer.MIN_VALUE || micros == Long.MIN_VALUE) {
            throw IntervalFormat.outOfRange();
        }
        return new PgInterval(-months, -days, -micros);
    }

    public PgInterval plus(PgInterval o) {
        try {
            return new PgInterval(Math.addExact(months, o.months), Math.addExact(days, o.days),
                    Math.addExact(micros, o.micros));
        } catch (ArithmeticException e) {
            throw IntervalFormat.outOfRange();
        }
    }

    public PgInterval minus(PgInterval o) {
        try {
            return new PgInterval(Math.subtractExact(months, o.months), Math.subtractExact(days, o.days),
                    Math.subtractExact(micros, o.micros));
        } catch (ArithmeticException e) {
            throw IntervalFormat.outOfRange();
        }
    }

    /** interval_mul: fractional months cascade into days and fractional days into time, as PostgreSQL. */
    public PgInterval multiply(double factor) {
        return scale(factor, false);
    }

    /** interval_div (divides each field, which rounds differently from multiplying by 1/factor). */
    public PgInterval divide(double factor) {
        if (factor == 0) {
            throw PgErrors.divisionByZero();
        }
        return scale(factor, true);
    }

    private PgInterval scale(double factor, boolean divide) {
        double monthProduct = divide ? months / factor : months * factor;
        double dayProduct = divide ? days / factor : days * factor;
        if (!fitsInt(monthProduct) || !fitsInt(dayProduct)) {
            throw IntervalFormat.outOfRange();
        }
        int m = (int) monthProduct;
        int d = (int) dayProduct;
        double monthRemainderDays = tsRound((monthProduct - m) * 30);
        double secRemainder = tsRound((dayProduct - d + monthRemainderDays - (int) monthRemainderDays) * 86400);
        try {
            if (Math.abs(secRemainder) >= 86400) {
                d = Math.addExact(d, (int) (secRemainder / 86400));
                secRemainder -= (int) (secRemainder / 86400) * 86400.0;
            }
            d = Math.addExact(d, (int) monthRemainderDays);
        } catch (ArithmeticException e) {
            throw IntervalFormat.outOfRange();
        }
        double t = Math.rint((divide ? micros / factor : micros * factor) + secRemainder * USECS_PER_SEC);
        if (Double.isNaN(t) || t < -9.223372036854775808E18 || t >= 9.223372036854775808E18) {
            throw IntervalFormat.outOfRange();
        }
        return new PgInterval(m, d, (long) t);
    }

    private static boolean fitsInt(double v) {
        return !Double.isNaN(v) && v >= -2147483648.0 && v < 2147483648.0;
    }

    private static double tsRound(double v) {
        return Math.rint(v * 1e6) / 1e6;
    }

    /** justify_hours: whole 24-hour spans of the time part move into days. */
    public PgInterval justifyHours() {
        long wholeDays = micros / USECS_PER_DAY;
        long rest = micros % USECS_PER_DAY;
        long d = days + wholeDays;
        if (d > 0 && rest < 0) {
            rest += USECS_PER_DAY;
            d--;
        } else if (d < 0 && rest > 0) {
            rest -= USECS_PER_DAY;
            d++;
        }
        return new PgInterval(months, IntervalFormat.toIntChecked(d), rest);
    }

    /** justify_days: whole 30-day spans move into months. */
    public PgInterval justifyDays() {
        int wholeMonths = days / 30;
        int d = days % 30;
        long m = (long) months + wholeMonths;
        if (m > 0 && d < 0) {
            d += 30;
            m--;
        } else if (m < 0 && d > 0) {
            d -= 30;
            m++;
        }
        return new PgInterval(IntervalFormat.toIntChecked(m), d, micros);
    }

    /** justify_interval: both, with consistent signs. */
    public PgInterval justifyInterval() {
        long m = months;
        long d = days;
        long t = micros;
        m += d / 30;
        d = d % 30;
        d += t / USECS_PER_DAY;
        t = t % USECS_PER_DAY;
        m += d / 30;
        d = d % 30;
        if (m > 0 && (d < 0 || (d == 0 && t < 0))) {
            d += 30;
            m--;
        } else if (m < 0 && (d > 0 || (d == 0 && t > 0))) {
            d -= 30;
            m++;
        }
        if (d > 0 && t < 0) {
            t += USECS_PER_DAY;
            d--;
        } else if (d < 0 && t > 0) {
            t -= USECS_PER_DAY;
            d++;
        }
        return new PgInterval(IntervalFormat.toIntChecked(m), IntervalFormat.toIntChecked(d), t);
    }
}
