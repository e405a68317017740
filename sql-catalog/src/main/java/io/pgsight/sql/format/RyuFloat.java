package io.pgsight.sql.format;

import java.math.BigInteger;

/**
 * Shortest round-trip decimal digits of a float by the Ryu algorithm (Ulf Adams, 2018) with the constants
 * PostgreSQL's f2s.c uses (including its STRICTLY_SHORTEST 0: exact midpoints are never chosen); the multiplier tables are computed exactly at class load. Returns the digits as an
 * integer mantissa and a decimal exponent (value = mantissa * 10^exponent) for a positive finite float.
 */
final class RyuFloat {
    private static final int MANTISSA_BITS = 23;
    private static final int BIAS = 127;
    private static final int POW5_INV_BITCOUNT = 59;
    private static final int POW5_BITCOUNT = 61;
    private static final long[] POW5_INV_SPLIT = new long[31];
    private static final long[] POW5_SPLIT = new long[47];

    static {
        for (int i = 0; i < POW5_SPLIT.length; i++) {
            BigInteger pow = BigInteger.valueOf(5).pow(i);
            int len = pow.bitLength();
            POW5_SPLIT[i] = (len >= POW5_BITCOUNT ? pow.shiftRight(len - POW5_BITCOUNT)
                    : pow.shiftLeft(POW5_BITCOUNT - len)).longValueExact();
            if (i < POW5_INV_SPLIT.length) {
                int j = len - 1 + POW5_INV_BITCOUNT;
                POW5_INV_SPLIT[i] = BigInteger.ONE.shiftLeft(j).divide(pow).add(BigInteger.ONE).longValueExact();
            }
        }
    }

    private RyuFloat() {
    }

    /** {mantissa, exponent} of the shortest decimal for a positive, finite, nonzero float. */
    static long[] shortest(float f) {
        int bits = Float.floatToRawIntBits(f);
        int ieeeMantissa = bits & ((1 << MANTISSA_BITS) - 1);
        int ieeeExponent = (bits >>> MANTISSA_BITS) & 0xff;
        int e2;
        int m2;
        if (ieeeExponent == 0) {
            e2 = 1 - BIAS - MANTISSA_BITS - 2;
            m2 = ieeeMantissa;
        } else {
            e2 = ieeeExponent - BIAS - MANTISSA_BITS - 2;
            m2 = (1 << MANTISSA_BITS) | ieeeMantissa;
        }
        // PostgreSQL builds Ryu with STRICTLY_SHORTEST 0: never output an exact midpoint between floats.
        boolean acceptBounds = false;

        int mv = 4 * m2;
        int mp = 4 * m2 + 2;
        int mmShift = ieeeMantissa != 0 || ieeeExponent <= 1 ? 1 : 0;
        int mm = 4 * m2 - 1 - mmShift;

        int vr;
        int vp;
        int vm;
        int e10;
        boolean vmIsTrailingZeros = false;
        boolean vrIsTrailingZeros = false;
        int lastRemovedDigit = 0;
        if (e2 >= 0) {
            int q = log10Pow2(e2);
            e10 = q;
            int k = POW5_INV_BITCOUNT + pow5bits(q) - 1;
            int i = -e2 + q + k;
            vr = mulPow5InvDivPow2(mv, q, i);
            vp = mulPow5InvDivPow2(mp, q, i);
            vm = mulPow5InvDivPow2(mm, q, i);
            if (q != 0 && Integer.divideUnsigned(vp - 1, 10) <= Integer.divideUnsigned(vm, 10)) {
                int l = POW5_INV_BITCOUNT + pow5bits(q - 1) - 1;
                lastRemovedDigit = Integer.remainderUnsigned(mulPow5InvDivPow2(mv, q - 1, -e2 + q - 1 + l), 10);
            }
            if (q <= 9) {
                if (mv % 5 == 0) {
                    vrIsTrailingZeros = multipleOfPowerOf5(mv, q);
                } else if (acceptBounds) {
                    vmIsTrailingZeros = multipleOfPowerOf5(mm, q);
                } else {
                    vp -= multipleOfPowerOf5(mp, q) ? 1 : 0;
                }
            }
        } else {
            int q = log10Pow5(-e2);
            e10 = q + e2;
            int i = -e2 - q;
            int k = pow5bits(i) - POW5_BITCOUNT;
            int j = q - k;
            vr = mulPow5DivPow2(mv, i, j);
            vp = mulPow5DivPow2(mp, i, j);
            vm = mulPow5DivPow2(mm, i, j);
            if (q != 0 && Integer.divideUnsigned(vp - 1, 10) <= Integer.divideUnsigned(vm, 10)) {
                j = q - 1 - (pow5bits(i + 1) - POW5_BITCOUNT);
                lastRemovedDigit = Integer.remainderUnsigned(mulPow5DivPow2(mv, i + 1, j), 10);
            }
            if (q <= 1) {
                vrIsTrailingZeros = true;
                if (acceptBounds) {
                    vmIsTrailingZeros = mmShift == 1;
                } else {
                    --vp;
                }
            } else if (q < 31) {
                vrIsTrailingZeros = multipleOfPowerOf2(mv, q - 1);
            }
        }

        int removed = 0;
        int output;
        if (vmIsTrailingZeros || vrIsTrailingZeros) {
            while (Integer.divideUnsigned(vp, 10) > Integer.divideUnsigned(vm, 10)) {
                vmIsTrailingZeros &= Integer.remainderUnsigned(vm, 10) == 0;
                vrIsTrailingZeros &= lastRemovedDigit == 0;
                lastRemovedDigit = Integer.remainderUnsigned(vr, 10);
                vr = Integer.divideUnsigned(vr, 10);
                vp = Integer.divideUnsigned(vp, 10);
                vm = Integer.divideUnsigned(vm, 10);
                ++removed;
            }
            if (vmIsTrailingZeros) {
                while (Integer.remainderUnsigned(vm, 10) == 0) {
                    vrIsTrailingZeros &= lastRemovedDigit == 0;
                    lastRemovedDigit = Integer.remainderUnsigned(vr, 10);
                    vr = Integer.divideUnsigned(vr, 10);
                    vp = Integer.divideUnsigned(vp, 10);
                    vm = Integer.divideUnsigned(vm, 10);
                    ++removed;
                }
            }
            if (vrIsTrailingZeros && lastRemovedDigit == 5 && vr % 2 == 0) {
                lastRemovedDigit = 4;
            }
            output = vr + (((vr == vm && (!acceptBounds || !vmIsTrailingZeros)) || lastRemovedDigit >= 5) ? 1 : 0);
        } else {
            while (Integer.divideUnsigned(vp, 10) > Integer.divideUnsigned(vm, 10)) {
                lastRemovedDigit = Integer.remainderUnsigned(vr, 10);
                vr = Integer.divideUnsigned(vr, 10);
                vp = Integer.divideUnsigned(vp, 10);
                vm = Integer.divideUnsigned(vm, 10);
                ++removed;
            }
            output = vr + ((vr == vm || lastRemovedDigit >= 5) ? 1 : 0);
        }
        return new long[] {Integer.toUnsignedLong(output), e10 + removed};
    }

    private static int pow5bits(int e) {
        return ((e * 1217359) >>> 19) + 1;
    }

    private static int log10Pow2(int e) {
        return (e * 78913) >>> 18;
    }

    private static int log10Pow5(int e) {
        return (e * 732923) >>> 20;
    }

    private static boolean multipleOfPowerOf5(int value, int p) {
        int count = 0;
        int v = value;
        while (v != 0 && Integer.remainderUnsigned(v, 5) == 0) {
            v = Integer.divideUnsigned(v, 5);
            count++;
        }
        return count >= p;
    }

    private static boolean multipleOfPowerOf2(int value, int p) {
        return (value & ((1 << p) - 1)) == 0;
    }

    private static int mulShift(int m, long factor, int shift) {
        long mm = Integer.toUnsignedLong(m);
        long factorLo = factor & 0xFFFFFFFFL;
        long factorHi = factor >>> 32;
        long bits0 = mm * factorLo;
        long bits1 = mm * factorHi;
        long sum = (bits0 >>> 32) + bits1;
        return (int) (sum >>> (shift - 32));
    }

    private static int mulPow5InvDivPow2(int m, int q, int j) {
        return mulShift(m, POW5_INV_SPLIT[q], j);
    }

    private static int mulPow5DivPow2(int m, int i, int j) {
        return mulShift(m, POW5_SPLIT[i], j);
    }
}
