package io.pgsight.pgwire.auth;

import java.util.Locale;

/** How clients prove who they are, named as in pg_hba.conf. */
public enum AuthMethod {
    TRUST("trust"),
    PASSWORD("password"),
    MD5("md5"),
    SCRAM_SHA_256("scram-sha-256");

    private final String configName;

    AuthMethod(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static AuthMethod fromConfigName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (AuthMethod m : values()) {
            if (m.configName.equals(n)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown authentication method \"" + name
                + "\" (expected trust, password, md5 or scram-sha-256)");
    }
}
