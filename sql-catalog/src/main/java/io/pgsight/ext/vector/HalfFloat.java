package io.pgsight.ext.vector;

/** IEEE binary16 conversions, round-to-nearest-even (what F16C and pgvector's fallback do). */
public final class HalfFloat {
    private HalfFloat() {
    }

    public static float toFloat(short h) {
        int bits = h & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1f;
        int mant = bits & 0x3ff;
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        if (exp == 0) {
            float v = mant * 0x1p-24f;
            return sign != 0 ? -v : v;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }

    public static short fromFloat(float f) {
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int exp = (bits >>> 23) & 0xff;
        int mant = bits & 0x7fffff;
        if (exp == 0xff) {
            return (short) (sign | 0x7c00 | (mant != 0 ? 0x200 : 0));
        }
        int e = exp - 112;
        if (e >= 0x1f) {
            return (short) (sign | 0x7c00);
        }
        if (e <= 0) {
            int shift = 14 - e;
            if (shift > 24) {
                return (short) sign;
            }
            int m = mant | 0x800000;
            int r = m >>> shift;
            int rem = m & ((1 << shift) - 1);
            int half = 1 << (shift - 1);
            if (rem > half || (rem == half && (r & 1) == 1)) {
                r++;
            }
            return (short) (sign | r);
        }
        int r = (e << 10) | (mant >>> 13);
        int rem = mant & 0x1fff;
        if (rem > 0x1000 || (rem == 0x1000 && (r & 1) == 1)) {
            r++;
        }
        return (short) (sign | r);
    }

    public static boolean isInfinite(short h) {
        return (h & 0x7fff) == 0x7c00;
    }
}
