package io.pgsight.sql.builtin.types;

/**
 * An interval value as PostgreSQL keeps it: months, days and microseconds, each signed and kept apart
 * (a month is not a fixed number of days). Ordering and equality compare the span with 30-day months
 * and 24-hour days, so '1 mon' = '30 days'.
 */
public record Interval(int months, int days, long micros) implements Comparable<Interval> {
    public static final long MICROS_PER_DAY = 86_400_000_000L;
    public static final Interval ZERO = new Interval(0, 0, 0);

    /** The span in microseconds as a 128-bit-safe comparable key (months as 30 days). */
    public java.math.BigInteger span() {
        return java.math.BigInteger.valueOf(months).multiply(java.math.BigInteger.valueOf(30))
                .add(java.math.BigInteger.valueOf(days)).multiply(java.math.BigInteger.valueOf(MICROS_PER_DAY))
                .add(java.math.BigInteger.valueOf(micros));
    }

    @Override
    public int compareTo(Interval o) {
        return span().compareTo(o.span());
    }

    /** SQL equality: the same span (record equals is field-wise identity). */
    public boolean sameSpan(Interval o) {
        return compareTo(o) == 0;
    }
}
