package io.pgsight.ext.pase;

import io.pgsight.sql.api.SqlException;

/** pase's base64 form of a vector: raw little-endian float32 bytes, decoded like pg_b64_decode. */
final class PaseBase64 {
    private PaseBase64() {
    }

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /** Decodes, skipping whitespace; null when the text is not valid base64. */
    static byte[] decode(String text) {
        byte[] out = new byte[text.length() * 3 / 4 + 3];
        int len = 0;
        int buf = 0;
        int pos = 0;
        int end = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            int b;
            if (c == '=') {
                if (end == 0) {
                    if (pos == 2) {
                        end = 1;
                    } else if (pos == 3) {
                        end = 2;
                    } else {
                        return null;
                    }
                }
                b = 0;
            } else {
                b = ALPHABET.indexOf(c);
                if (b < 0 || end > 0) {
                    return null;
                }
            }
            buf = (buf << 6) + b;
            pos++;
            if (pos == 4) {
                out[len++] = (byte) (buf >> 16);
                if (end == 0 || end > 1) {
                    out[len++] = (byte) (buf >> 8);
                }
                if (end == 0 || end > 2) {
                    out[len++] = (byte) buf;
                }
                buf = 0;
                pos = 0;
            }
        }
        if (pos != 0) {
            return null;
        }
        return java.util.Arrays.copyOf(out, len);
    }

    /** The float32 elements of a base64 vector (trailing bytes short of a float are ignored). */
    static float[] floats(String text) {
        byte[] bytes = decode(text);
        if (bytes == null) {
            throw new SqlException("22023", "pase data is invalid");
        }
        float[] out = new float[bytes.length / 4];
        for (int i = 0; i < out.length; i++) {
            int bits = (bytes[4 * i] & 0xff) | (bytes[4 * i + 1] & 0xff) << 8 | (bytes[4 * i + 2] & 0xff) << 16
                    | (bytes[4 * i + 3] & 0xff) << 24;
            out[i] = Float.intBitsToFloat(bits);
        }
        return out;
    }
}
