package io.pgsight.sql.builtin.json;

import io.pgsight.sql.api.SqlException;

import java.nio.charset.StandardCharsets;

/**
 * The binary form jsonb and jsonpath share: a version byte (1) followed by the text form in UTF-8.
 */
public final class VersionedText {
    private VersionedText() {
    }

    public static byte[] send(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[bytes.length + 1];
        out[0] = 1;
        System.arraycopy(bytes, 0, out, 1, bytes.length);
        return out;
    }

    /**
     * The text after the version byte; another version raises XX000 with {@code unsupported} followed
     * by the number (PostgreSQL words it per type: "unsupported jsonb version number ",
     * "unsupported jsonpath version number: ").
     */
    public static String receive(byte[] data, String unsupported) {
        if (data.length == 0 || data[0] != 1) {
            throw new SqlException("XX000", unsupported + (data.length == 0 ? 0 : data[0]));
        }
        return new String(data, 1, data.length - 1, StandardCharsets.UTF_8);
    }
}
