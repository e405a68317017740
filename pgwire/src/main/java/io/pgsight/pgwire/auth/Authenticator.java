package io.pgsight.pgwire.auth;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates an {@link AuthExchange} per connection: the first matching {@link HbaConfig} rule picks the
 * method, the known passwords decide. SCRAM secrets are derived once per user (PBKDF2 is deliberately slow)
 * and cached. Unknown users go through the same exchange and the same work as a wrong password (against
 * a mock secret), so neither the message nor the time taken tells which users exist.
 */
public final class Authenticator {
    private final HbaConfig hba;
    private final Map<String, String> passwords;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, ScramSecret> scramSecrets = new ConcurrentHashMap<>();
    private final ScramSecret mockSecret;
    private final String mockPassword;

    /** @param passwords user name to clear-text password; users not in it cannot log in with a password */
    public Authenticator(AuthMethod method, Map<String, String> passwords) {
        this(HbaConfig.single(method), passwords);
    }

    public Authenticator(HbaConfig hba, Map<String, String> passwords) {
        this.hba = hba;
        this.passwords = Map.copyOf(passwords);
        this.mockPassword = randomString();
        this.mockSecret = hba.uses(AuthMethod.SCRAM_SHA_256)
                ? ScramSecret.derive(mockPassword, randomBytes(16), ScramSecret.DEFAULT_ITERATIONS) : null;
    }

    public static Authenticator trust() {
        return new Authenticator(AuthMethod.TRUST, Map.of());
    }

    /** The method of the first rule (the only one when built from a single method). */
    public AuthMethod method() {
        return hba.firstMethod();
    }

    /** For a client whose database and address do not matter (the single-method configuration). */
    public AuthExchange begin(String user) {
        return begin(user, user, InetAddress.getLoopbackAddress(), false);
    }

    /**
     * Picks the rule for this connection; a {@code reject} rule or no matching rule fails here with
     * PostgreSQL's FATAL 28000 before any authentication request is sent.
     */
    public AuthExchange begin(String user, String database, InetAddress client, boolean ssl) {
        HbaRule rule = hba.match(database, user, client, ssl);
        if (rule == null) {
            throw AuthFailures.noHbaEntry(client, user, database, ssl);
        }
        if (rule.method() == null) {
            throw AuthFailures.rejected(client, user, database, ssl);
        }
        String password = passwords.get(user);
        return switch (rule.method()) {
            case TRUST -> new TrustExchange();
            case PASSWORD -> new CleartextPasswordExchange(user, password, mockPassword);
            case MD5 -> new Md5PasswordExchange(user, password, mockPassword, randomBytes(4));
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
