package io.pgsight.sql.format;

import java.math.BigInteger;

/**
 * Shortest round-trip decimal digits of a double by the Ryu algorithm (Ulf Adams, 2018) with the constants of
 * PostgreSQL's d2s.c (122/121-bit tables, STRICTLY_SHORTEST 0: exact midpoints are never chosen). The tables
 * are computed exactly at class load. Returns {mantissa, exponent} with value = mantissa * 10^exponent.
 */
final class RyuDouble {
    private static final int MANTISSA_BITS = 52;
    private static final int BIAS = 1023;
    private static final int POW5_INV_BITCOUNT = 122;
    private static final int POW5_BITCOUNT = 121;
    private static final long[][] POW5_INV_SPLIT = new long[342][];
    private static final long[][] POW5_SPLIT = new long[326][];

    static {
        BigInteger mask = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        for (int i = 0; i < Math.max(POW5_INV_SPLIT.length, POW5_SPLIT.length); i++) {
            BigInteger pow = BigInteger.valueOf(5).pow(i);
            int len = pow.bitLength();
            if (i < POW5_SPLIT.length) {
                BigInteger v = len >= POW5_BITCOUNT ? pow.shiftRight(len - POW5_BITCOUNT)
                        : pow.shiftLeft(POW5_BITCOUNT - len);
                POW5_SPLIT[i] = new long[] {v.and(mask).longValue(), v.shiftRight(64).longValueExact()};
            }
            if (i < POW5_INV_SPLIT.length) {
                int j = len - 1 + POW5_INV_BITCOUNT;
                BigInteger inv = BigInteger.ONE.shiftLeft(j).divide(pow).add(BigInteger.ONE);
                POW5_INV_SPLIT[i] = new long[] {inv.and(mask).longValue(), inv.shiftRight(64).longValueExact()};
            }
        }
    }

    private RyuDouble() {
    }

    /** {mantissa, exponent} of the shortest decimal for a positive, finite, nonzero double. */
    static long[] shortest(double d) {
        long bits = Double.doubleToRawLongBits(d);
        long ieeeMantissa = bits & ((1L << MANTISSA_BITS) - 1);
        int ieeeExponent = (int) ((bits >>> MANTISSA_BITS) & 0x7ff);
        int e2;
        long m2;
        if (ieeeExponent == 0) {
            e2 = 1 - BIAS - MANTISSA_BITS - 2;
            m2 = ieeeMantissa;
        } else {
            e2 = ieeeExponent - BIAS - MANTISSA_BITS - 2;
            m2 = (1L << MANTISSA_BITS) | ieeeMantissa;
        }
        boolean acceptBounds = false;
        long mv = 4 * m2;
        int mmShift = ieeeMantissa != 0 || ieeeExponent <= 1 ? 1 : 0;

        long vr;
        long vp;
        long vm;
        int e10;
        boolean vmIsTrailingZeros = false;
        boolean vrIsTrailingZeros = false;
        if (e2 >= 0) {
            int q = log10Pow2(e2) - (e2 > 3 ? 1 : 0);
            int k = POW5_INV_BITCOUNT + pow5bits(q) - 1;
            int i = -e2 + q + k;
            e10 = q;
            long[] mul = POW5_INV_SPLIT[q];
            vr = mulShift(4 * m2, mul, i);
            vp = mulShift(4 * m2 + 2, mul, i);
            vm = mulShift(4 * m2 - 1 - mmShift, mul, i);
            if (q <= 21) {
                if (mv % 5 == 0) {
                    vrIsTrailingZeros = multipleOfPowerOf5(mv, q);
                } else if (acceptBounds) {
                    vmIsTrailingZeros = multipleOfPowerOf5(mv - 1 - mmShift, q);
                } else {
                    vp -= multipleOfPowerOf5(mv + 2, q) ? 1 : 0;
                }
            }
        } else {
            int q = log10Pow5(-e2) - (-e2 > 1 ? 1 : 0);
            int i = -e2 - q;
            int k = pow5bits(i) - POW5_BITCOUNT;
            int j = q - k;
            e10 = q + e2;
            long[] mul = POW5_SPLIT[i];
            vr = mulShift(4 * m2, mul, j);
            vp = mulShift(4 * m2 + 2, mul, j);
            vm = mulShift(4 * m2 - 1 - mmShift, mul, j);
            if (q <= 1) {
                vrIsTrailingZeros = true;
                if (acceptBounds) {
                    vmIsTrailingZeros = mmShift == 1;
                } else {
                    --vp;
                }
            } else if (q < 63) {
                vrIsTrailingZeros = multipleOfPowerOf2(mv, q - 1);
            }
        }

        int removed = 0;
        int lastRemovedDigit = 0;
        long output;
        if (vmIsTrailingZeros || vrIsTrailingZeros) {
            while (true) {
                long vpDiv10 = vp / 10;
                long vmDiv10 = vm / 10;
                if (vpDiv10 <= vmDiv10) {
                    break;
                }
                int vmMod10 = (int) (vm - 10 * vmDiv10);
                long vrDiv10 = vr / 10;
                int vrMod10 = (int) (vr - 10 * vrDiv10);
                vmIsTrailingZeros &= vmMod10 == 0;
                vrIsTrailingZeros &= lastRemovedDigit == 0;
                lastRemovedDigit = vrMod10;
                vr = vrDiv10;
                vp = vpDiv10;
                vm = vmDiv10;
                ++removed;
            }
            if (vmIsTrailingZeros) {
                while (true) {
                    long vmDiv10 = vm / 10;
                    int vmMod10 = (int) (vm - 10 * vmDiv10);
                    if (vmMod10 != 0) {
                        break;
                    }
                    long vpDiv10 = vp / 10;
                    long vrDiv10 = vr / 10;
                    int vrMod10 = (int) (vr - 10 * vrDiv10);
                    vrIsTrailingZeros &= lastRemovedDigit == 0;
                    lastRemovedDigit = vrMod10;
                    vr = vrDiv10;
                    vp = vpDiv10;
                    vm = vmDiv10;
                    ++removed;
                }
            }
            if (vrIsTrailingZeros && lastRemovedDigit == 5 && vr % 2 == 0) {
                lastRemovedDigit = 4;
            }
            output = vr + (((vr == vm && (!acceptBounds || !vmIsTrailingZeros)) || lastRemovedDigit >= 5) ? 1 : 0);
        } else {
            boolean roundUp = false;
            long vpDiv100 = vp / 100;
            long vmDiv100 = vm / 100;
            if (vpDiv100 > vmDiv100) {
                long vrDiv100 = vr / 100;
                int vrMod100 = (int) (vr - 100 * vrDiv100);
                roundUp = vrMod100 >= 50;
                vr = vrDiv100;
                vp = vpDiv100;
                vm = vmDiv100;
                removed += 2;
            }
            while (true) {
                long vpDiv10 = vp / 10;
                long vmDiv10 = vm / 10;
                if (vpDiv10 <= vmDiv10) {
                    break;
                }
                long vrDiv10 = vr / 10;
                int vrMod10 = (int) (vr - 10 * vrDiv10);
                roundUp = vrMod10 >= 5;
                vr = vrDiv10;
                vp = vpDiv10;
                vm = vmDiv10;
                ++removed;
            }
            output = vr + ((vr == vm || roundUp) ? 1 : 0);
        }
        return new long[] {output, e10 + removed};
    }

    private static int pow5bits(int e) {
        return (int) (((long) e * 1217359) >>> 19) + 1;
    }

    private static int log10Pow2(int e) {
        return (int) (((long) e * 78913) >>> 18);
    }

    private static int log10Pow5(int e) {
        return (int) (((long) e * 732923) >>> 20);
    }

    private static boolean multipleOfPowerOf5(long value, int p) {
        int count = 0;
        long v = value;
        while (v != 0 && v % 5 == 0) {
            v /= 5;
            count++;
        }
        return count >= p;
    }

    private static boolean multipleOfPowerOf2(long value, int p) {
        return (value & ((1L << p) - 1)) == 0;
    }

    /** ((m * mul) >> j) for a 55-bit m and a 128-bit mul given as {low, high}; j >= 64. */
    private static long mulShift(long m, long[] mul, int j) {
        long b0Hi = unsignedMultiplyHigh(m, mul[0]);
        long b2Lo = m * mul[1];
        long b2Hi = unsignedMultiplyHigh(m, mul[1]);
        long sumLo = b0Hi + b2Lo;
        long sumHi = b2Hi + (Long.compareUnsigned(sumLo, b0Hi) < 0 ? 1 : 0);
        int shift = j - 64;
        if (shift == 0) {
            return sumLo;
        }
        return (sumHi << (64 - shift)) | (sumLo >>> shift);
    }

    private static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }
}
