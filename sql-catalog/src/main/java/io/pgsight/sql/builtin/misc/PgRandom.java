package io.pgsight.sql.builtin.misc;

/**
 * random()'s generator as PostgreSQL 15's pg_prng: xoroshiro128** seeded through splitmix64, doubles
 * from the top 52 bits; setseed(x) seeds with {@code (int64) (x * (2^52 - 1))}. Mutable, one per session.
 */
public final class PgRandom {
    private long s0;
    private long s1;

    public PgRandom() {
        seed(System.nanoTime() ^ Double.doubleToLongBits(Math.random()));
    }

    public synchronized void seed(long seed) {
        long[] state = {seed};
        s0 = splitmix64(state);
        s1 = splitmix64(state);
        if (s0 == 0 && s1 == 0) {
            s0 = 1;
        }
    }

    /** setseed: {@code seed} in [-1, 1] (the caller checks the range). */
    public void seedFromDouble(double seed) {
        seed((long) (((double) ((1L << 52) - 1)) * seed));
    }

    private static long splitmix64(long[] state) {
        long val = (state[0] += 0x9E3779B97F4A7C15L);
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

    /** A double in [0, 1). */
    public synchronized double nextDouble() {
        return Math.scalb((double) (next() >>> 12), -52);
    }
}
