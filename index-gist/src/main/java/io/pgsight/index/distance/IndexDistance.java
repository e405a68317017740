package io.pgsight.index.distance;

import io.pgsight.index.Metric;

/**
 * The distance an index ranks by for a {@link Metric}, plus the conversion back to the value the
 * SQL operator would show. Ranking uses cheaper monotone forms: squared L2 for L2, negative inner
 * product of unit vectors for cosine (stored vectors and the query are normalised first).
 * A final class with a switch rather than an interface so the hot call stays monomorphic.
 */
public final class IndexDistance {
    private static final int L2SQ = 0;
    private static final int NEG_IP = 1;
    private static final int MANHATTAN = 2;

    private final Metric metric;
    private final int kind;

    private IndexDistance(Metric metric, int kind) {
        this.metric = metric;
        this.kind = kind;
    }

    public static IndexDistance of(Metric metric) {
        return switch (metric) {
            case L2, L2_SQUARED -> new IndexDistance(metric, L2SQ);
            case NEGATIVE_INNER_PRODUCT, COSINE -> new IndexDistance(metric, NEG_IP);
            case L1 -> new IndexDistance(metric, MANHATTAN);
        };
    }

    public Metric metric() {
        return metric;
    }

    /** Ranking distance between two stored (prepared) vectors. */
    public float between(float[] a, int ao, float[] b, int bo, int n) {
        switch (kind) {
            case L2SQ:
                return DistanceKernels.l2Squared(a, ao, b, bo, n);
            case NEG_IP:
                return -DistanceKernels.innerProduct(a, ao, b, bo, n);
            default:
                return DistanceKernels.l1(a, ao, b, bo, n);
        }
    }

    /**
     * Ranking distance from {@code query} (whole, from offset 0) to a vector stored in two parts:
     * its first {@code headWidth} dimensions at {@code head[ho]}, the rest at {@code tail[to]}.
     */
    public float betweenSplit(float[] query, float[] head, int ho, int headWidth, float[] tail, int to,
                              int tailWidth) {
        switch (kind) {
            case L2SQ:
                return DistanceKernels.l2Squared(query, 0, head, ho, headWidth)
                        + DistanceKernels.l2Squared(query, headWidth, tail, to, tailWidth);
            case NEG_IP:
                return -(DistanceKernels.innerProduct(query, 0, head, ho, headWidth)
                        + DistanceKernels.innerProduct(query, headWidth, tail, to, tailWidth));
            default:
                return DistanceKernels.l1(query, 0, head, ho, headWidth)
                        + DistanceKernels.l1(query, headWidth, tail, to, tailWidth);
        }
    }

    /**
     * Whether a partial distance over some dimensions never exceeds the whole one (squared L2: a
     * sum of squares), so a row whose partial sum already passes a bound can be skipped.
     */
    public boolean partialSumsBound() {
        return kind == L2SQ;
    }

    /**
     * Ranking distances from {@code query} to {@code count} vectors stored back to back in
     * {@code vectors} (from offset 0), written to {@code out} from {@code outOffset}.
     */
    public void toMany(float[] query, float[] vectors, int count, int dim, float[] out, int outOffset) {
        switch (kind) {
            case L2SQ:
                DistanceKernels.l2SquaredMany(query, vectors, count, dim, out, outOffset);
                break;
            case NEG_IP:
                DistanceKernels.negativeInnerProductMany(query, vectors, count, dim, out, outOffset);
                break;
            default:
                for (int i = 0; i < count; i++) {
                    out[outOffset + i] = DistanceKernels.l1(query, 0, vectors, i * dim, dim);
                }
        }
    }

    /** Ranking distance converted to what the SQL operator returns. */
    public float reported(float ranking) {
        return switch (metric) {
            case L2 -> (float) Math.sqrt(ranking);
            case COSINE -> (float) (1 - VectorDistances.clampSimilarity(-(double) ranking));
            default -> ranking;
        };
    }

    /**
     * The vector as the index stores and ranks it: a copy, L2-normalised for cosine; null when a
     * cosine vector has zero norm (pgvector does not index those).
     */
    public float[] prepare(float[] vector) {
        if (metric == Metric.COSINE) {
            return VectorDistances.normalizedOrNull(vector);
        }
        return vector.clone();
    }

    /**
     * Whether ranking distances behave like a metric (non-negative, triangle-like), which lets
     * neighbour selection use a relaxation factor. Inner product does not qualify; cosine on unit
     * vectors does after the shift used by {@link #asSquaredLength(float)}.
     */
    public boolean isMetricLike() {
        return metric != Metric.NEGATIVE_INNER_PRODUCT;
    }

    /**
     * A non-negative quantity monotone in the ranking distance that scales like a squared length
     * (squared L2 directly; 2 + 2·(−ip) for unit vectors; L1 squared), used to apply a
     * relaxation factor alpha as alpha² · x.
     */
    public float asSquaredLength(float ranking) {
        switch (kind) {
            case L2SQ:
                return ranking;
            case NEG_IP:
                return Math.max(0f, 2f + 2f * ranking);
            default:
                return ranking * ranking;
        }
    }
}
