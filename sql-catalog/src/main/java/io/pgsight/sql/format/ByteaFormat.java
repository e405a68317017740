package io.pgsight.sql.format;

import io.pgsight.sql.api.SqlException;
import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * bytea text input/output (hex "\x0102ff" and the escape format) and encode()/decode() with 'hex', 'base64'
 * (76-character lines) and 'escape', with PostgreSQL's error messages.
 */
public final class ByteaFormat {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final char[] BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
            .toCharArray();

    private ByteaFormat() {
    }

    // ---------------------------------------------------------------- output

    /** byteaout with bytea_output = hex. */
    public static String hexOut(byte[] b) {
        StringBuilder sb = new StringBuilder(2 + b.length * 2);
        sb.append("\\x");
        appendHex(sb, b);
        return sb.toString();
    }

    /** byteaout with bytea_output = escape. */
    public static String escapeOut(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length);
        for (byte x : b) {
            int c = x & 0xff;
            if (c == '\\') {
                sb.append("\\\\");
            } else if (c < 0x20 || c > 0x7e) {
                appendOctal(sb, c);
            } else {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    /** byteaout for the given bytea_output setting ("hex" or "escape"). */
    public static String out(byte[] b, String byteaOutput) {
        return "escape".equalsIgnoreCase(byteaOutput) ? escapeOut(b) : hexOut(b);
    }

    private static void appendHex(StringBuilder sb, byte[] b) {
        for (byte x : b) {
            sb.append(HEX[(x >> 4) & 0xf]).append(HEX[x & 0xf]);
        }
    }

    private static void appendOctal(StringBuilder sb, int c) {
        sb.append('\\').append((char) ('0' + (c >> 6))).append((char) ('0' + ((c >> 3) & 7)))
                .append((char) ('0' + (c & 7)));
    }

    // ---------------------------------------------------------------- input

    /** byteain: "\x" hex (whitespace between pairs allowed) or the escape format. */
    public static byte[] in(String text) {
        if (text.length() >= 2 && text.charAt(0) == '\\' && text.charAt(1) == 'x') {
            return hexDecode(text, 2);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int i = 0;
        while (i < utf8.length) {
            int c = utf8[i] & 0xff;
            if (c != '\\') {
                out.write(c);
                i++;
            } else if (i + 3 < utf8.length + 0 && isOctalTriple(utf8, i + 1)) {
                out.write(((utf8[i + 1] - '0') << 6) | ((utf8[i + 2] - '0') << 3) | (utf8[i + 3] - '0'));
                i += 4;
            } else if (i + 1 < utf8.length && utf8[i + 1] == '\\') {
                out.write('\\');
                i += 2;
            } else {
                throw new SqlException(PgErrors.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type bytea");
            }
        }
        return out.toByteArray();
    }

    private static boolean isOctalTriple(byte[] b, int at) {
        return at + 2 < b.length && b[at] >= '0' && b[at] <= '3' && b[at + 1] >= '0' && b[at + 1] <= '7'
                && b[at + 2] >= '0' && b[at + 2] <= '7';
    }

    private static byte[] hexDecode(String s, int from) {
        ByteArrayOutputStream out = new ByteArrayOutputStream((s.length() - from) / 2);
        int i = from;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
                i++;
                continue;
            }
            int hi = hexValue(s, i);
            i += Character.charCount(s.codePointAt(i));
            if (i >= n) {
                throw new SqlException(PgErrors.INVALID_PARAMETER_VALUE, "invalid hexadecimal data: odd number of digits");
            }
            int lo = hexValue(s, i);
            i += Character.charCount(s.codePointAt(i));
            out.write((hi << 4) | lo);
        }
        return out.toByteArray();
    }

    private static int hexValue(String s, int at) {
        char c = s.charAt(at);
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        String ch = new String(Character.toChars(s.codePointAt(at)));
        throw new SqlException(PgErrors.INVALID_PARAMETER_VALUE, "invalid hexadecimal digit: \"" + ch + "\"");
    }

    // ---------------------------------------------------------------- encode / decode

    /** encode(bytea, format). */
    public static String encode(byte[] data, String format) {
        switch (format.toLowerCase(Locale.ROOT)) {
            case "hex": {
                StringBuilder sb = new StringBuilder(data.length * 2);
                appendHex(sb, data);
                return sb.toString();
            }
            case "base64":
                return base64Encode(data);
            case "escape":
                return escapeEncode(data);
            default:
                throw unrecognized(format);
        }
    }

    /** decode(text, format). */
    public static byte[] decode(String text, String format) {
        switch (format.toLowerCase(Locale.ROOT)) {
            case "hex":
                return hexDecode(text, 0);
            case "base64":
                return base64Decode(text);
            case "escape":
                return in(text.startsWith("\\x") ? "\\\\" + text.substring(1) : text);
            default:
                throw unrecognized(format);
        }
    }

    private static SqlException unrecognized(String format) {
        return new SqlException(PgErrors.INVALID_PARAMETER_VALUE, "unrecognized encoding: \"" + format + "\"");
    }

    private static String escapeEncode(byte[] data) {
        StringBuilder sb = new StringBuilder(data.length);
        for (byte x : data) {
            int c = x & 0xff;
            if (c == 0 || c >= 0x80) {
                appendOctal(sb, c);
            } else if (c == '\\') {
                sb.append("\\\\");
            } else {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    private static String base64Encode(byte[] data) {
        StringBuilder sb = new StringBuilder((data.length + 2) / 3 * 4 + data.length / 57);
        int lineLength = 0;
        for (int i = 0; i < data.length; i += 3) {
            int b0 = data[i] & 0xff;
            int b1 = i + 1 < data.length ? data[i + 1] & 0xff : 0;
            int b2 = i + 2 < data.length ? data[i + 2] & 0xff : 0;
            if (lineLength >= 76) {
                sb.append('\n');
                lineLength = 0;
            }
            sb.append(BASE64[b0 >> 2]).append(BASE64[((b0 & 3) << 4) | (b1 >> 4)]);
            sb.append(i + 1 < data.length ? BASE64[((b1 & 0xf) << 2) | (b2 >> 6)] : '=');
            sb.append(i + 2 < data.length ? BASE64[b2 & 0x3f] : '=');
            lineLength += 4;
        }
        return sb.toString();
    }

    private static byte[] base64Decode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() * 3 / 4);
        int buf = 0;
        int pos = 0;
        int end = 0; // number of '=' seen
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            int v;
            if (c == '=') {
                if (end == 0) {
                    if (pos == 2) {
                        end = 1;
                    } else if (pos == 3) {
                        end = 2;
                    } else {
                        throw new SqlException(PgErrors.INVALID_PARAMETER_VALUE,
                                "unexpected \"=\" while decoding base64 sequence");
                    }
                }
                v = 0;
            } else {
                v = base64Value(c);
                if (v < 0) {
                    throw new SqlException(PgErrors.INVALID_PARAMETER_VALUE, "invalid symbol \""
                            + new String(Character.toChars(s.codePointAt(i))) + "\" found while decoding base64 sequence");
                }
                if (end > 0) {
                    throw new SqlException(PgErrors.INVALID_PARAMETER_VALUE,
                            "invalid symbol \"" + c + "\" found while decoding base64 sequence");
                }
            }
            buf = (buf << 6) + v;
            pos++;
            if (pos == 4) {
                out.write((buf >> 16) & 0xff);
                if (end == 0 || end == 2) {
                    out.write((buf >> 8) & 0xff);
                }
                if (end == 0) {
                    out.write(buf & 0xff);
                }
                buf = 0;
                pos = 0;
            }
        }
        if (pos != 0) {
            throw new SqlException(PgErrors.INVALID_PARAMETER_VALUE, "invalid base64 end sequence")
                    .withHint("Input data is missing padding, is truncated, or is otherwise corrupted.");
        }
        return out.toByteArray();
    }

    private static int base64Value(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        if (c == '+') {
            return 62;
        }
        if (c == '/') {
            return 63;
        }
        return -1;
    }
}
