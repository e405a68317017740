package io.pgsight.sql.format;

import java.math.BigDecimal;

/**
 * Aggregate state for sum/avg/variance/stddev over numeric, and over smallint/integer/bigint (which
 * PostgreSQL also accumulates as numeric). Mutable: one instance per group. Results follow numeric.c:
 * avg is sum / count with numeric division scale; var/stddev as numeric_stddev_internal.
 */
public final class NumericAccumulator {
    private long count;
    private BigDecimal sum = BigDecimal.ZERO;
    private BigDecimal sumSquares = BigDecimal.ZERO;
    private long nanCount;
    private long posInfCount;
    private long negInfCount;

    public void add(PgNumeric v) {
        count++;
        if (v.isNaN()) {
            nanCount++;
        } else if (v.isInfinite()) {
            if (v.signum() > 0) {
                posInfCount++;
            } else {
                negInfCount++;
            }
        } else {
            BigDecimal d = v.bigDecimal();
            sum = sum.add(d);
            sumSquares = sumSquares.add(d.multiply(d));
        }
    }

    public void add(long v) {
        count++;
        BigDecimal d = BigDecimal.valueOf(v);
        sum = sum.add(d);
        sumSquares = sumSquares.add(d.multiply(d));
    }

    /** Combines another partial state into this one. */
    public void merge(NumericAccumulator o) {
        count += o.count;
        sum = sum.add(o.sum);
        sumSquares = sumSquares.add(o.sumSquares);
        nanCount += o.nanCount;
        posInfCount += o.posInfCount;
        negInfCount += o.negInfCount;
    }

    public long count() {
        return count;
    }

    /** sum(): null over no rows. */
    public PgNumeric sum() {
        if (count == 0) {
            return null;
        }
        PgNumeric special = special();
        return special != null ? special : PgNumeric.finite(sum);
    }

    /** avg(): null over no rows. */
    public PgNumeric avg() {
        if (count == 0) {
            return null;
        }
        PgNumeric special = special();
        if (special != null) {
            return special;
        }
        return PgNumeric.finite(sum).divide(PgNumeric.of(count));
    }

    private PgNumeric special() {
        if (nanCount > 0 || (posInfCount > 0 && negInfCount > 0)) {
            return PgNumeric.NaN;
        }
        if (posInfCount > 0) {
            return PgNumeric.POSITIVE_INFINITY;
        }
        if (negInfCount > 0) {
            return PgNumeric.NEGATIVE_INFINITY;
        }
        return null;
    }

    public PgNumeric varianceSample() {
        return stddevInternal(true, true);
    }

    public PgNumeric variancePopulation() {
        return stddevInternal(true, false);
    }

    public PgNumeric stddevSample() {
        return stddevInternal(false, true);
    }

    public PgNumeric stddevPopulation() {
        return stddevInternal(false, false);
    }

    private PgNumeric stddevInternal(boolean variance, boolean sample) {
        if (count == 0 || (sample && count == 1)) {
            return null;
        }
        if (nanCount > 0 || posInfCount > 0 || negInfCount > 0) {
            return PgNumeric.NaN;
        }
        BigDecimal n = BigDecimal.valueOf(count);
        BigDecimal numerator = n.multiply(sumSquares).subtract(sum.multiply(sum));
        if (numerator.signum() <= 0) {
            return PgNumeric.ZERO;
        }
        numerator = numerator.setScale(Math.max(numerator.scale(), sum.scale() * 2));
        BigDecimal denominator = sample ? n.multiply(BigDecimal.valueOf(count - 1)) : n.multiply(n);
        int rscale = PgNumeric.selectDivScale(numerator, denominator);
        BigDecimal v = numerator.divide(denominator, rscale, java.math.RoundingMode.HALF_UP);
        if (!variance) {
            v = NumericMath.sqrtRounded(v, rscale);
        }
        return PgNumeric.finite(v);
    }
}
