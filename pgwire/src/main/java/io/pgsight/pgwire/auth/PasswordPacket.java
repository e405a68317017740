package io.pgsight.pgwire.auth;

import java.nio.charset.StandardCharsets;

/** Reads the NUL-terminated string a PasswordMessage carries. */
final class PasswordPacket {
    private PasswordPacket() {
    }

    static String cString(byte[] body) {
        if (body.length == 0 || body[body.length - 1] != 0) {
            throw AuthFailures.malformed("invalid password packet size");
        }
        return new String(body, 0, body.length - 1, StandardCharsets.UTF_8);
    }
}
