package io.pgsight.index.bench;

import java.util.SplittableRandom;

/**
 * Deterministic generators of the data sets the pgvector baseline was measured on (fixed seeds).
 */
public final class Datasets {
    private Datasets() {
    }

    /**
     * seed004: {@code rows} × 80-d (1,000,000 in the baseline); 100 centres with integer
     * coordinates in [0, 10000); each coordinate of a point is its centre's coordinate × (1 ± 10%,
     * uniform). Queries: 200 existing rows with 3 random coordinates scaled by 1 ± 1%.
     */
    public static Dataset seed004(int rows) {
        int dim = 80;
        SplittableRandom random = new SplittableRandom(4);
        float[][] centres = new float[100][dim];
        for (float[] c : centres) {
            for (int j = 0; j < dim; j++) {
                c[j] = random.nextInt(10_000);
            }
        }
        float[][] vectors = new float[rows][dim];
        for (float[] v : vectors) {
            float[] c = centres[random.nextInt(centres.length)];
            for (int j = 0; j < dim; j++) {
                v[j] = (float) (c[j] * (1 + (random.nextDouble() * 0.2 - 0.1)));
            }
        }
        float[][] queries = new float[200][];
        for (int q = 0; q < queries.length; q++) {
            float[] v = vectors[random.nextInt(rows)].clone();
            for (int t = 0; t < 3; t++) {
                int j = random.nextInt(dim);
                v[j] = (float) (v[j] * (random.nextBoolean() ? 1.01 : 0.99));
            }
            queries[q] = v;
        }
        return new Dataset("seed004", vectors, queries);
    }

    public static Dataset seed004() {
        return seed004(1_000_000);
    }

    /**
     * gauss128: {@code rows} × 128-d (200,000 in the baseline); 1,000 clusters with centres
     * N(0, 1) per coordinate, points = centre + N(0, 0.3). 500 fresh queries drawn the same way.
     */
    public static Dataset gauss128(int rows) {
        int dim = 128;
        SplittableRandom random = new SplittableRandom(128);
        float[][] centres = new float[1000][dim];
        for (float[] c : centres) {
            for (int j = 0; j < dim; j++) {
                c[j] = (float) gaussian(random);
            }
        }
        float[][] vectors = new float[rows][];
        for (int i = 0; i < rows; i++) {
            vectors[i] = around(centres[random.nextInt(centres.length)], random);
        }
        float[][] queries = new float[500][];
        for (int q = 0; q < queries.length; q++) {
            queries[q] = around(centres[random.nextInt(centres.length)], random);
        }
        return new Dataset("gauss128", vectors, queries);
    }

    public static Dataset gauss128() {
        return gauss128(200_000);
    }

    /** Small uniform random set in [-1, 1) for unit tests. */
    public static Dataset uniform(int rows, int dim, int queries, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] vectors = new float[rows][dim];
        for (float[] v : vectors) {
            for (int j = 0; j < dim; j++) {
                v[j] = (float) (random.nextDouble() * 2 - 1);
            }
        }
        float[][] qs = new float[queries][dim];
        for (float[] v : qs) {
            for (int j = 0; j < dim; j++) {
                v[j] = (float) (random.nextDouble() * 2 - 1);
            }
        }
        return new Dataset("uniform" + dim, vectors, qs);
    }

    private static float[] around(float[] centre, SplittableRandom random) {
        float[] v = new float[centre.length];
        for (int j = 0; j < v.length; j++) {
            v[j] = (float) (centre[j] + 0.3 * gaussian(random));
        }
        return v;
    }

    /** Standard normal by Box–Muller (SplittableRandom has no nextGaussian on Java 17). */
    private static double gaussian(SplittableRandom random) {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
