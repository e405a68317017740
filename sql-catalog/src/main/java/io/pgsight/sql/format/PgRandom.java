package io.pgsight.sql.format;

import io.pgsight.sql.api.SqlException;
import java.security.SecureRandom;

/**
 * The per-session generator behind random() and setseed(), reproducing PostgreSQL 15's pg_prng.c:
 * xoroshiro128** state seeded through splitmix64; setseed(x) seeds with (2^52 - 1) * x; random() takes the
 * top 52 bits of the next output as a double in [0, 1). Without setseed the seed is random. Not thread-safe:
 * one instance per session.
 */
public final class PgRandom {
    private long s0;
    private long s1;
    private boolean seeded;

    /** setseed(double): seed in [-1, 1]. */
    public void setSeed(double seed) {
        if (seed < -1 || seed > 1 || Double.isNaN(seed)) {
            throw new SqlException(PgErrors.INVALID_PARAMETER_VALUE,
                    "setseed parameter " + FloatFormat.formatG(seed, 6) + " is out of allowed range [-1,1]");
        }
        long intSeed = (long) ((double) ((1L << 52) - 1) * seed);
        seed(intSeed);
    }

    /** pg_prng_seed. */
    public void seed(long seed) {
        long[] state = {seed};
        s0 = splitmix64(state);
        s1 = splitmix64(state);
        if (s0 == 0 && s1 == 0) {
            s0 = 0x5851F42D4C957F2DL;
            s1 = 0x14057B7EF767814FL;
        }
        seeded = true;
    }

    /** random(): uniformly distributed in [0, 1). */
    public double random() {
        if (!seeded) {
            SecureRandom r = new SecureRandom();
            s0 = r.nextLong();
            s1 = r.nextLong();
            if (s0 == 0 && s1 == 0) {
                s1 = 1;
            }
            seeded = true;
        }
        long v = next();
        return (double) (v >>> 12) * 0x1.0p-52;   // exact, as scalb(x, -52) is for these 52-bit integers
    }

    /** The raw 64-bit output (pg_prng_uint64). */
    public long next() {
        long x0 = s0;
        long sx = s1 ^ x0;
        long val = Long.rotateLeft(x0 * 5, 7) * 9;
        s0 = Long.rotateLeft(x0, 24) ^ sx ^ (sx << 16);
        s1 = Long.rotateLeft(sx, 37);
        return val;
    }

    private static long splitmix64(long[] state) {
        long val = state[0] += 0x9E3779B97F4A7C15L;
        val = (val ^ (val >>> 30)) * 0xBF58476D1CE4E5B9L;
        val = (val ^ (val >>> 27)) * 0x94D049BB133111EBL;
        return val ^ (val >>> 31);
    }
}
