package io.pgsight.sql.format;

import io.pgsight.sql.api.SqlException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** bytea functions: substr, get/set_byte, get/set_bit, position, overlay, btrim, md5 and the sha2 family. */
public final class ByteaFunctions {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private ByteaFunctions() {
    }

    public static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** substr(bytea, start): 1-based. */
    public static byte[] substr(byte[] b, int start) {
        int from = Math.max(start, 1) - 1;
        return from >= b.length ? new byte[0] : Arrays.copyOfRange(b, from, b.length);
    }

    /** substr(bytea, start, count): a negative count is an error; positions before 1 count toward the length. */
    public static byte[] substr(byte[] b, int start, int count) {
        if (count < 0) {
            throw new SqlException(PgErrors.SUBSTRING_ERROR, "negative substring length not allowed");
        }
        long end = (long) start + count; // exclusive, 1-based
        long from = Math.max(start, 1);
        long to = Math.min(end, (long) b.length + 1);
        if (to <= from) {
            return new byte[0];
        }
        return Arrays.copyOfRange(b, (int) from - 1, (int) to - 1);
    }

    public static int getByte(byte[] b, int n) {
        checkIndex(n, b.length);
        return b[n] & 0xff;
    }

    public static byte[] setByte(byte[] b, int n, int value) {
        checkIndex(n, b.length);
        byte[] r = b.clone();
        r[n] = (byte) value;
        return r;
    }

    public static int getBit(byte[] b, long n) {
        checkBitIndex(n, b.length);
        return (b[(int) (n / 8)] >> (n % 8)) & 1;
    }

    public static byte[] setBit(byte[] b, long n, int value) {
        checkBitIndex(n, b.length);
        if (value != 0 && value != 1) {
            throw new SqlException(PgErrors.INVALID_PARAMETER_VALUE, "new bit must be 0 or 1");
        }
        byte[] r = b.clone();
        int i = (int) (n / 8);
        int mask = 1 << (n % 8);
        r[i] = (byte) (value == 1 ? r[i] | mask : r[i] & ~mask);
        return r;
    }

    private static void checkIndex(long n, int length) {
        if (n < 0 || n >= length) {
            throw new SqlException(PgErrors.ARRAY_SUBSCRIPT_ERROR,
                    "index " + n + " out of valid range, 0.." + (length - 1));
        }
    }

    private static void checkBitIndex(long n, int length) {
        if (n < 0 || n >= (long) length * 8) {
            throw new SqlException(PgErrors.ARRAY_SUBSCRIPT_ERROR,
                    "index " + n + " out of valid range, 0.." + ((long) length * 8 - 1));
        }
    }

    /** position(sub in b): 1-based, 0 when absent. */
    public static int position(byte[] b, byte[] sub) {
        outer:
        for (int i = 0; i + sub.length <= b.length; i++) {
            for (int j = 0; j < sub.length; j++) {
                if (b[i + j] != sub[j]) {
                    continue outer;
                }
            }
            return i + 1;
        }
        return 0;
    }

    /** overlay(b placing p from start [for count]). */
    public static byte[] overlay(byte[] b, byte[] placing, int start, int count) {
        if (start <= 0) {
            throw new SqlException(PgErrors.SUBSTRING_ERROR, "negative substring length not allowed");
        }
        byte[] head = substr(b, 1, start - 1);
        byte[] tail = substr(b, start + count);
        return concat(concat(head, placing), tail);
    }

    /** btrim(bytea, bytea): removes leading and trailing bytes that occur in set. */
    public static byte[] btrim(byte[] b, byte[] set) {
        int from = 0;
        int to = b.length;
        while (from < to && contains(set, b[from])) {
            from++;
        }
        while (to > from && contains(set, b[to - 1])) {
            to--;
        }
        return Arrays.copyOfRange(b, from, to);
    }

    private static boolean contains(byte[] set, byte x) {
        for (byte s : set) {
            if (s == x) {
                return true;
            }
        }
        return false;
    }

    /** md5(bytea) or md5(text as UTF-8): lowercase hex. */
    public static String md5Hex(byte[] b) {
        return hex(digest("MD5", b));
    }

    public static byte[] sha224(byte[] b) {
        return digest("SHA-224", b);
    }

    public static byte[] sha256(byte[] b) {
        return digest("SHA-256", b);
    }

    public static byte[] sha384(byte[] b) {
        return digest("SHA-384", b);
    }

    public static byte[] sha512(byte[] b) {
        return digest("SHA-512", b);
    }

    private static byte[] digest(String algorithm, byte[] b) {
        try {
            return MessageDigest.getInstance(algorithm).digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm, e);
        }
    }

    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length * 2);
        for (byte x : b) {
            sb.append(HEX[(x >> 4) & 0xf]).append(HEX[x & 0xf]);
        }
        return sb.toString();
    }
}
