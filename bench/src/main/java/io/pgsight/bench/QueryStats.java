package io.pgsight.bench;

import java.util.Arrays;

/** Recall and latency of one batch of KNN queries. */
record QueryStats(double recall, double qps, double p50Millis, double p99Millis) {

    static QueryStats of(long[][] results, long[][] truth, long[] latenciesNanos, long wallNanos) {
        double hits = 0;
        int k = 0;
        for (int q = 0; q < truth.length; q++) {
            k = truth[q].length;
            for (long id : results[q]) {
                for (long t : truth[q]) {
                    if (t == id) {
                        hits++;
                        break;
                    }
                }
            }
        }
        long[] sorted = latenciesNanos.clone();
        Arrays.sort(sorted);
        return new QueryStats(hits / ((double) truth.length * k), truth.length / (wallNanos / 1e9),
                percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
