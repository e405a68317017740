package io.pgsight.pgwire.auth;

import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates an {@link AuthExchange} per connection for the configured method and known passwords.
 * SCRAM secrets are derived once per user (PBKDF2 is deliberately slow) and cached.
 */
public final class Authenticator {
    private final AuthMethod method;
    private final Map<String, String> passwords;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, ScramSecret> scramSecrets = new ConcurrentHashMap<>();
    private final ScramSecret mockSecret;

    /** @param passwords user name to clear-text password; users not in it cannot log in with a password */
    public Authenticator(AuthMethod method, Map<String, String> passwords) {
        this.method = method;
        this.passwords = Map.copyOf(passwords);
        this.mockSecret = method == AuthMethod.SCRAM_SHA_256
                ? ScramSecret.derive(randomString(), randomBytes(16), ScramSecret.DEFAULT_ITERATIONS) : null;
    }

    public static Authenticator trust() {
        return new Authenticator(AuthMethod.TRUST, Map.of());
    }

    public AuthMethod method() {
        return method;
    }

    public AuthExchange begin(String user) {
        String password = passwords.get(user);
        return switch (method) {
            case TRUST -> new TrustExchange();
            case PASSWORD -> new CleartextPasswordExchange(user, password);
            case MD5 -> new Md5PasswordExchange(user, password, randomBytes(4));
            case SCRAM_SHA_256 -> new ScramSha256Exchange(user, password == null ? null : secretFor(user, password),
                    mockSecret, randomBytes(18));
        };
    }

    private ScramSecret secretFor(String user, String password) {
        return scramSecrets.computeIfAbsent(user,
                u -> ScramSecret.derive(password, randomBytes(16), ScramSecret.DEFAULT_ITERATIONS));
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private String randomString() {
        return java.util.HexFormat.of().formatHex(randomBytes(16));
    }

    private static final class TrustExchange implements AuthExchange {
        @Override
        public boolean start(io.netty.buffer.ByteBuf out) {
            return true;
        }

        @Override
        public boolean onResponse(byte[] body, io.netty.buffer.ByteBuf out) {
            return true;
        }
    }
}
