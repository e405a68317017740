package io.pgsight.pgwire.auth;

import io.netty.buffer.ByteBuf;
import io.pgsight.pgwire.protocol.BackendMessages;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** AuthenticationCleartextPassword ("password" in pg_hba.conf). */
final class CleartextPasswordExchange implements AuthExchange {
    private final String user;
    private final String expected;
    private final String mock;

    /** @param mock compared against instead when the user is unknown, so the refusal costs the same */
    CleartextPasswordExchange(String user, String expected, String mock) {
        this.user = user;
        this.expected = expected;
        this.mock = mock;
    }

    @Override
    public boolean start(ByteBuf out) {
        BackendMessages.authenticationCleartextPassword(out);
        return false;
    }

    @Override
    public boolean onResponse(byte[] body, ByteBuf out) {
        String given = PasswordPacket.cString(body);
        boolean equal = MessageDigest.isEqual((expected == null ? mock : expected).getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
        if (expected == null || !equal) {
            throw AuthFailures.passwordFailed(user);
        }
        return true;
    }
}
