package io.pgsight.ext.vector;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.spi.BitString;

/** Hamming and Jaccard distance between bit strings of equal length. */
public final class BitDistances {
    private BitDistances() {
    }

    /** Accepts the SPI's BitString, or a '0'/'1' String from an engine that keeps bits as text. */
    static BitString asBits(Object value) {
        if (value instanceof BitString b) {
            return b;
        }
        if (value instanceof String s) {
            return BitString.parse(s);
        }
        throw new SqlException("XX000", "unexpected value for type bit: " + value.getClass().getSimpleName());
    }

    private static void checkLengths(BitString a, BitString b) {
        if (a.length() != b.length()) {
            throw VectorErrors.dataException("different bit lengths " + a.length() + " and " + b.length());
        }
    }

    public static double hamming(BitString a, BitString b) {
        checkLengths(a, b);
        long count = 0;
        for (int i = 0; i < a.byteLength(); i++) {
            count += Integer.bitCount((a.byteAt(i) ^ b.byteAt(i)) & 0xff);
        }
        return count;
    }

    public static double jaccard(BitString a, BitString b) {
        checkLengths(a, b);
        long ab = 0;
        long aa = 0;
        long bb = 0;
        for (int i = 0; i < a.byteLength(); i++) {
            int x = a.byteAt(i) & 0xff;
            int y = b.byteAt(i) & 0xff;
            ab += Integer.bitCount(x & y);
            aa += Integer.bitCount(x);
            bb += Integer.bitCount(y);
        }
        if (ab == 0) {
            return 1;
        }
        return 1 - (ab / ((double) (aa + bb - ab)));
    }
}
