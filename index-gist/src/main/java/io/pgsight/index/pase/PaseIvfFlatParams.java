package io.pgsight.index.pase;

import io.pgsight.index.IndexBuildException;

/**
 * pase_ivfflat's options.
 *
 * @param clusteringType   0 = centroids read from the file named by clusteringParams,
 *                         1 = internal k-means with clusteringParams "ratio,k"
 * @param distanceType     0 = L2; 1 and 2 are accepted by pase but index nothing
 * @param dimension        vector dimension (rows of another length are skipped by the caller)
 * @param clusteringParams "sample ratio per mille,k" or a centroid file path
 */
public record PaseIvfFlatParams(int clusteringType, int distanceType, int dimension, String clusteringParams) {

    /** Sample ratio (per mille) and centroid count parsed from "r,k". */
    public record Clustering(int sampleRatioPerMille, int centroids) {
        /** pase's NOTICE text after a successful parse. */
        public String notice() {
            return "parse clustering parameters succeed, clustering_sample_ratio[" + sampleRatioPerMille + "], k["
                    + centroids + "]";
        }
    }

    /**
     * Parses "r,k" like pase (PostgreSQL's SplitGUCList: items trimmed, an item may not contain
     * whitespace). Errors carry pase's texts.
     */
    public Clustering clustering() {
        String[] items = splitList(clusteringParams == null ? "" : clusteringParams);
        int count = items == null ? 0 : items.length;
        if (count != 2) {
            throw new IndexBuildException("cluster parameters format error, splits size:" + count);
        }
        int ratio = atoi(items[0]);
        if (ratio <= 0 || ratio > 1000) {
            throw new IndexBuildException("clustering_sample_ratio[" + items[0] + "] is illegal, should in (0, 1000]");
        }
        int k = atoi(items[1]);
        if (k <= 0) {
            throw new IndexBuildException("k format error[" + items[1] + "]");
        }
        return new Clustering(ratio, k);
    }

    /** SplitGUCList on ',' without quoting support beyond plain items; null when malformed. */
    static String[] splitList(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return new String[0];
        }
        String[] parts = trimmed.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].strip();
            if (p.isEmpty() || p.chars().anyMatch(Character::isWhitespace)) {
                return null;
            }
            parts[i] = p;
        }
        return parts;
    }

    /** C atoi: optional sign and leading digits, anything else stops; no digits gives 0. */
    static int atoi(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        long value = 0;
        while (i < n && Character.isDigit(s.charAt(i)) && value <= Integer.MAX_VALUE) {
            value = value * 10 + (s.charAt(i) - '0');
            i++;
        }
        long signed = negative ? -value : value;
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, signed));
    }
}
