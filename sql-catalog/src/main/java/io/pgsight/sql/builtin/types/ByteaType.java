package io.pgsight.sql.builtin.types;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.spi.FunctionContext;

import java.io.ByteArrayOutputStream;

/**
 * bytea: Java byte[]. Text input is {@code \x} hex or the escape format; output is hex unless the
 * session's bytea_output is {@code escape}. Binary form is the raw bytes.
 */
public final class ByteaType extends BaseType {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    public ByteaType() {
        super("bytea", 17, 1001, -1, 'U', false);
    }

    @Override
    public Object input(String text, int typmod) {
        return parse(text);
    }

    public static byte[] parse(String text) {
        if (text.startsWith("\\x")) {
            return parseHex(text, 2);
        }
        return parseEscape(text);
    }

    /** Hex digits in pairs, whitespace allowed between pairs (byteain / decode(.., 'hex')). */
    public static byte[] parseHex(String text, int start) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = start;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                i++;
                continue;
            }
            int hi = hexValue(text, i);
            if (i + 1 >= n) {
                throw new SqlException("22023", "invalid hexadecimal data: odd number of digits");
            }
            int lo = hexValue(text, i + 1);
            out.write((hi << 4) | lo);
            i += 2;
        }
        return out.toByteArray();
    }

    private static int hexValue(String text, int i) {
        char c = text.charAt(i);
        int v = Character.digit(c, 16);
        if (v < 0 || c > 'f') {
            String ch = new String(Character.toChars(text.codePointAt(i)));
            throw new SqlException("22023", "invalid hexadecimal digit: \"" + ch + "\"");
        }
        return v;
    }

    private static byte[] parseEscape(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int i = 0;
        while (i < utf8.length) {
            byte b = utf8[i];
            if (b != '\\') {
                out.write(b);
                i++;
            } else if (i + 1 < utf8.length && utf8[i + 1] == '\\') {
                out.write('\\');
                i += 2;
            } else if (i + 3 < utf8.length && isOctal(utf8[i + 1]) && utf8[i + 1] <= '3' && isOctal(utf8[i + 2])
                    && isOctal(utf8[i + 3])) {
                out.write(((utf8[i + 1] - '0') << 6) | ((utf8[i + 2] - '0') << 3) | (utf8[i + 3] - '0'));
                i += 4;
            } else {
                throw new SqlException("22P02", "invalid input syntax for type bytea");
            }
        }
        return out.toByteArray();
    }

    private static boolean isOctal(byte b) {
        return b >= '0' && b <= '7';
    }

    @Override
    public String output(Object value) {
        return hex((byte[]) value);
    }

    @Override
    public String output(Object value, FunctionContext ctx) {
        String mode = ctx == null ? null : ctx.setting("bytea_output");
        return "escape".equalsIgnoreCase(mode) ? escape((byte[]) value) : hex((byte[]) value);
    }

    public static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder(2 + 2 * b.length).append("\\x");
        for (byte x : b) {
            sb.append(HEX[(x >> 4) & 0xf]).append(HEX[x & 0xf]);
        }
        return sb.toString();
    }

    /** The escape output format: printable ASCII as is, backslash doubled, the rest as \ooo. */
    public static String escape(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            int v = x & 0xff;
            if (v == '\\') {
                sb.append("\\\\");
            } else if (v < 0x20 || v > 0x7e) {
                sb.append('\\').append((char) ('0' + (v >> 6))).append((char) ('0' + ((v >> 3) & 7)))
                        .append((char) ('0' + (v & 7)));
            } else {
                sb.append((char) v);
            }
        }
        return sb.toString();
    }

    @Override
    public Object receive(byte[] data, int typmod) {
        return data.clone();
    }

    @Override
    public byte[] send(Object value) {
        return ((byte[]) value).clone();
    }
}
