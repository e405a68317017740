package io.pgsight.pgwire.auth;

import io.netty.buffer.ByteBuf;
import io.pgsight.pgwire.protocol.BackendMessages;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** AuthenticationMD5Password: the client sends "md5" + md5hex(md5hex(password + user) + salt). */
final class Md5PasswordExchange implements AuthExchange {
    private final String user;
    private final String password;
    private final String mock;
    private final byte[] salt;

    /** @param mock hashed instead when the user is unknown, so the refusal costs the same */
    Md5PasswordExchange(String user, String password, String mock, byte[] salt) {
        this.user = user;
        this.password = password;
        this.mock = mock;
        this.salt = salt.clone();
    }

    @Override
    public boolean start(ByteBuf out) {
        BackendMessages.authenticationMd5Password(out, salt);
        return false;
    }

    @Override
    public boolean onResponse(byte[] body, ByteBuf out) {
        String given = PasswordPacket.cString(body);
        String expected = "md5" + md5Hex(concat(md5Hex(((password == null ? mock : password) + user).getBytes(StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.US_ASCII), salt));
        boolean equal = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.UTF_8));
        if (password == null || !equal) {
            throw AuthFailures.passwordFailed(user);
        }
        return true;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String md5Hex(byte[] input) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(input));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required by every Java runtime", e);
        }
    }
}
