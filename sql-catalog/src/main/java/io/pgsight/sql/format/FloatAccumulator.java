package io.pgsight.sql.format;

/**
 * Aggregate state for avg/variance/stddev over float4/float8 (PostgreSQL's float8_accum with the
 * Youngs-Cramer update: N, Sx, Sxx). Mutable: one instance per group.
 */
public final class FloatAccumulator {
    private double n;
    private double sx;
    private double sxx;

    public void add(double x) {
        double oldN = n;
        n += 1.0;
        double newSx = sx + x;
        if (oldN > 0.0) {
            double tmp = x * n - newSx;
            double newSxx = sxx + tmp * tmp / (n * oldN);
            if (Double.isInfinite(newSx) || Double.isInfinite(newSxx)) {
                if (!Double.isInfinite(sx) && !Double.isInfinite(x)) {
                    throw FloatArithmetic.overflow();
                }
                newSxx = Double.NaN;
            }
            sxx = newSxx;
        } else if (Double.isNaN(x) || Double.isInfinite(x)) {
            sxx = Double.NaN;
        }
        sx = newSx;
    }

    public long count() {
        return (long) n;
    }

    /** avg(): Sx / N, null over no rows. */
    public Double avg() {
        return n == 0 ? null : sx / n;
    }

    public Double varianceSample() {
        return n <= 1 ? null : sxx / (n - 1.0);
    }

    public Double variancePopulation() {
        return n == 0 ? null : sxx / n;
    }

    public Double stddevSample() {
        return n <= 1 ? null : Math.sqrt(sxx / (n - 1.0));
    }

    public Double stddevPopulation() {
        return n == 0 ? null : Math.sqrt(sxx / n);
    }
}
