package io.pgsight.pgwire.auth;

import io.netty.buffer.ByteBuf;
import io.pgsight.pgwire.protocol.BackendMessages;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** AuthenticationCleartextPassword ("password" in pg_hba.conf). */
final class CleartextPasswordExchange implements AuthExchange {
    private final String user;
    private final String expected;

    CleartextPasswordExchange(String user, String expected) {
        this.user = user;
        this.expected = expected;
    }

    @Override
    public boolean start(ByteBuf out) {
        BackendMessages.authenticationCleartextPassword(out);
        return false;
    }

    @Override
    public boolean onResponse(byte[] body, ByteBuf out) {
        String given = PasswordPacket.cString(body);
        if (expected == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8))) {
            throw AuthFailures.passwordFailed(user);
        }
        return true;
    }
}
