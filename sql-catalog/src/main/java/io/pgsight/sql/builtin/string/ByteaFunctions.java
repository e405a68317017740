package io.pgsight.sql.builtin.string;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.builtin.CatalogWriter;
import io.pgsight.sql.builtin.types.ByteaType;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Binary string functions: encode/decode (hex, base64, escape), md5 and sha2 digests, get_byte/set_byte,
 * length/octet_length/substr of bytea, convert_to/convert_from (UTF8 only).
 */
public final class ByteaFunctions {
    private ByteaFunctions() {
    }

    private static byte[] b(Object o) {
        return (byte[]) o;
    }

    private static String s(Object o) {
        return (String) o;
    }

    public static void register(CatalogWriter w) {
        w.fn("encode", "text", (ctx, a) -> encode(b(a[0]), s(a[1])), "bytea", "text");
        w.fn("decode", "bytea", (ctx, a) -> decode(s(a[0]), s(a[1])), "text", "text");
        w.fn("md5", "text", (ctx, a) -> HexFormat.of().formatHex(digest("MD5", s(a[0]).getBytes(StandardCharsets.UTF_8))),
                "text");
        w.fn("md5", "text", (ctx, a) -> HexFormat.of().formatHex(digest("MD5", b(a[0]))), "bytea");
        w.fn("sha224", "bytea", (ctx, a) -> digest("SHA-224", b(a[0])), "bytea");
        w.fn("sha256", "bytea", (ctx, a) -> digest("SHA-256", b(a[0])), "bytea");
        w.fn("sha384", "bytea", (ctx, a) -> digest("SHA-384", b(a[0])), "bytea");
        w.fn("sha512", "bytea", (ctx, a) -> digest("SHA-512", b(a[0])), "bytea");
        w.fn("length", "int4", (ctx, a) -> b(a[0]).length, "bytea");
        w.fn("octet_length", "int4", (ctx, a) -> b(a[0]).length, "bytea");
        w.fn("get_byte", "int4", (ctx, a) -> b(a[0])[index(b(a[0]), (Integer) a[1])] & 0xff, "bytea", "int4");
        w.fn("set_byte", "bytea", (ctx, a) -> {
            byte[] copy = b(a[0]).clone();
            copy[index(copy, (Integer) a[1])] = (byte) (int) (Integer) a[2];
            return copy;
        }, "bytea", "int4", "int4");
        w.fn("substr", "bytea", (ctx, a) -> substr(b(a[0]), (Integer) a[1], null), "bytea", "int4");
        w.fn("substr", "bytea", (ctx, a) -> substr(b(a[0]), (Integer) a[1], (Integer) a[2]), "bytea", "int4", "int4");
        w.fn("substring", "bytea", (ctx, a) -> substr(b(a[0]), (Integer) a[1], null), "bytea", "int4");
        w.fn("substring", "bytea", (ctx, a) -> substr(b(a[0]), (Integer) a[1], (Integer) a[2]),
                "bytea", "int4", "int4");
        w.fn("convert_to", "bytea", (ctx, a) -> {
            checkEncoding(s(a[1]));
            return s(a[0]).getBytes(StandardCharsets.UTF_8);
        }, "text", "name");
        w.fn("convert_from", "text", (ctx, a) -> {
            checkEncoding(s(a[1]));
            return new String(b(a[0]), StandardCharsets.UTF_8);
        }, "bytea", "name");
    }

    private static void checkEncoding(String name) {
        String n = name.toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
        if (!n.equals("UTF8") && !n.equals("UNICODE") && !n.equals("SQLASCII")) {
            throw new SqlException("22023", "invalid destination encoding name \"" + name + "\"");
        }
    }

    private static int index(byte[] data, int n) {
        if (n < 0 || n >= data.length) {
            throw new SqlException("2202E", "index " + n + " out of valid range, 0.." + (data.length - 1));
        }
        return n;
    }

    static byte[] substr(byte[] data, int start, Integer count) {
        if (count != null && count < 0) {
            throw new SqlException("22011", "negative substring length not allowed");
        }
        long from = Math.max(0, (long) start - 1);
        long to = count == null ? data.length : Math.max(0, (long) start - 1 + count);
        from = Math.min(from, data.length);
        to = Math.min(Math.max(to, from), data.length);
        return Arrays.copyOfRange(data, (int) from, (int) to);
    }

    static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new SqlException("XX000", "digest " + algorithm + " unavailable");
        }
    }

    static String encode(byte[] data, String format) {
        switch (format.toLowerCase(Locale.ROOT)) {
            case "hex":
                return HexFormat.of().formatHex(data);
            case "base64": {
                String flat = Base64.getEncoder().encodeToString(data);
                StringBuilder sb = new StringBuilder();
                for (int k = 0; k < flat.length(); k += 76) {
                    if (k > 0) {
                        sb.append('\n');
                    }
                    sb.append(flat, k, Math.min(flat.length(), k + 76));
                }
                return sb.toString();
            }
            case "escape": {
                StringBuilder sb = new StringBuilder();
                for (byte x : data) {
                    int v = x & 0xff;
                    if (v == 0 || v >= 0x80) {
                        sb.append('\\').append(String.format("%03o", v));
                    } else if (v == '\\') {
                        sb.append("\\\\");
                    } else {
                        sb.append((char) v);
                    }
                }
                return sb.toString();
            }
            default:
                throw new SqlException("22023", "unrecognized encoding: \"" + format + "\"");
        }
    }

    static byte[] decode(String text, String format) {
        switch (format.toLowerCase(Locale.ROOT)) {
            case "hex":
                return ByteaType.parseHex(text, 0);
            case "base64": {
                String clean = text.replaceAll("[\\s]", "");
                try {
                    return Base64.getDecoder().decode(clean);
                } catch (IllegalArgumentException e) {
                    throw new SqlException("22023", "invalid base64 end sequence")
                            .withHint("Input data is missing padding, is truncated, or is otherwise corrupted.");
                }
            }
            case "escape": {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                for (int k = 0; k < utf8.length; k++) {
                    if (utf8[k] != '\\') {
                        out.write(utf8[k]);
                    } else if (k + 1 < utf8.length && utf8[k + 1] == '\\') {
                        out.write('\\');
                        k++;
                    } else if (k + 3 < utf8.length && isOctal(utf8[k + 1]) && isOctal(utf8[k + 2])
                            && isOctal(utf8[k + 3])) {
                        out.write(((utf8[k + 1] - '0') << 6) | ((utf8[k + 2] - '0') << 3) | (utf8[k + 3] - '0'));
                        k += 3;
                    } else {
                        throw new SqlException("22P02", "invalid input syntax for type bytea");
                    }
                }
                return out.toByteArray();
            }
            default:
                throw new SqlException("22023", "unrecognized encoding: \"" + format + "\"");
        }
    }

    private static boolean isOctal(byte c) {
        return c >= '0' && c <= '7';
    }
}
