package io.pgsight.sql.engine;

/**
 * PostgreSQL 15's random(): xoroshiro128** seeded through splitmix64; setseed(x) seeds with
 * x * (2^52 - 1) as pg_prng_fseed does, so seeded sequences match the reference server's.
 */
final class PgRandomState {
    private long s0;
    private long s1;

    PgRandomState() {
        seed(System.nanoTime() ^ Thread.currentThread().getId() * 0x9E3779B97F4A7C15L);
    }

    void seed(long seed) {
        long[] st = {seed};
        s0 = splitmix64(st);
        s1 = splitmix64(st);
        if (s0 == 0 && s1 == 0) {
            s0 = 1;
        }
    }

    void fseed(double fseed) {
        long seed = (long) (((double) ((1L << 52) - 1)) * fseed);
        seed(seed);
    }

    private static long splitmix64(long[] state) {
        long val = state[0] += 0x9E3779B97F4A7C15L;
        val = (val ^ (val >>> 30)) * 0xBF58476D1CE4E5B9L;
        val = (val ^ (val >>> 27)) * 0x94D049BB133111EBL;
        return val ^ (val >>> 31);
    }

    private long next() {
        long a = s0;
        long sx = s1 ^ a;
        long val = Long.rotateLeft(a * 5, 7) * 9;
        s0 = Long.rotateLeft(a, 24) ^ sx ^ (sx << 16);
        s1 = Long.rotateLeft(sx, 37);
        return val;
    }

    double nextDouble() {
        long v = next();
        return Math.scalb((double) (v >>> (64 - 52)), -52);
    }
}
