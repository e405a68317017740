package io.pgsight.server;

import io.pgsight.pgwire.auth.AuthMethod;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerOptionsTest {
    @Test
    void defaults() {
        ServerOptions o = ServerOptions.parse(new String[0], Map.of());
        assertEquals(5432, o.port());
        assertEquals("127.0.0.1", o.listen());
        assertEquals("postgres", o.user());
        assertEquals(AuthMethod.TRUST, o.auth());
        assertNull(o.dataDir());
    }

    @Test
    void allOptions() {
        ServerOptions o = ServerOptions.parse(new String[] {"--port", "5433", "--listen=0.0.0.0", "--auth",
                "scram-sha-256", "--password", "pw", "--user", "app", "--set", "hnsw.ef_search=100",
                "--set=max_connections=7", "--max-connections", "20", "--data-dir", "/tmp/d"}, Map.of());
        assertEquals(5433, o.port());
        assertEquals("0.0.0.0", o.listen());
        assertEquals(AuthMethod.SCRAM_SHA_256, o.auth());
        assertEquals("pw", o.password());
        assertEquals("app", o.user());
        assertEquals(Map.of("hnsw.ef_search", "100", "max_connections", "7"), o.settings());
        assertEquals(20, o.maxConnections());
        assertEquals("/tmp/d", o.dataDir());
    }

    @Test
    void dataDirectoryDefaultsToPgdataLikePostgres() {
        assertEquals("/var/lib/pg", ServerOptions.parse(new String[0], Map.of("PGDATA", "/var/lib/pg")).dataDir());
        assertEquals("/tmp/d", ServerOptions.parse(new String[] {"--data-dir", "/tmp/d"},
                Map.of("PGDATA", "/var/lib/pg")).dataDir());
        assertNull(ServerOptions.parse(new String[0], Map.of("PGDATA", " ")).dataDir());
    }

    @Test
    void hbaFileAndPerUserPasswords() {
        ServerOptions o = ServerOptions.parse(new String[] {"--hba-file", "/etc/hba", "--user-password", "ann=a=b",
                "--user-password=bob=pw", "--users-file", "/etc/users"}, Map.of());
        assertEquals("/etc/hba", o.hbaFile());
        assertEquals("/etc/users", o.usersFile());
        assertEquals(Map.of("ann", "a=b", "bob", "pw"), o.userPasswords());
        assertThrows(IllegalArgumentException.class,
                () -> ServerOptions.parse(new String[] {"--user-password", "nopassword"}, Map.of()));
        assertEquals(Map.of("ann", "x:y"), ClientAuthentication.usersFile(java.util.List.of("# c", "", "ann:x:y"),
                "f"));
        assertThrows(IllegalArgumentException.class, () -> ClientAuthentication.usersFile(java.util.List.of("ann"),
                "f"));
    }

    @Test
    void passwordFromEnvironment() {
        ServerOptions o = ServerOptions.parse(new String[] {"--auth", "md5"}, Map.of("PGSIGHT_PASSWORD", "envpw"));
        assertEquals("envpw", o.password());
    }

    @Test
    void mistakesAreExplained() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ServerOptions.parse(new String[] {"--auth", "md5"}, Map.of())).getMessage()
                .contains("needs a password"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ServerOptions.parse(new String[] {"--port", "x"}, Map.of())).getMessage()
                .contains("expects a number"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ServerOptions.parse(new String[] {"--bogus"}, Map.of())).getMessage()
                .contains("unknown option"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ServerOptions.parse(new String[] {"--auth", "kerberos"}, Map.of())).getMessage()
                .contains("unknown authentication method"));
        assertThrows(IllegalArgumentException.class, () -> ServerOptions.parse(new String[] {"--port"}, Map.of()));
    }

    @Test
    void helpListsOptions() {
        assertTrue(ServerOptions.parse(new String[] {"--help"}, Map.of()).help());
        for (String option : new String[] {"--port", "--listen", "--auth", "--password", "--ssl-cert", "--ssl-key"}) {
            assertTrue(ServerOptions.USAGE.contains(option), option);
        }
    }
}
