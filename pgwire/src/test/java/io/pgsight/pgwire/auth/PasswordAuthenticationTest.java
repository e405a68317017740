package io.pgsight.pgwire.auth;

import io.pgsight.pgwire.server.PgServerConfig;
import io.pgsight.pgwire.testing.RunningTestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** pgjdbc (and psql where installed) logging in with each password method. */
class PasswordAuthenticationTest {

    private static RunningTestServer serverWith(AuthMethod method) {
        return new RunningTestServer(PgServerConfig.defaults(0)
                .withAuthenticator(new Authenticator(method, Map.of("postgres", "s3cret-pw", "ann", "ü-pass"))));
    }

    private static Properties login(String user, String password) {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        return p;
    }

    @ParameterizedTest
    @EnumSource(value = AuthMethod.class, names = {"PASSWORD", "MD5", "SCRAM_SHA_256"})
    void rightPasswordLogsIn(AuthMethod method) throws Exception {
        try (RunningTestServer server = serverWith(method)) {
            for (int i = 0; i < 2; i++) {
                try (Connection c = server.connect(login("postgres", "s3cret-pw"));
                     ResultSet rs = c.createStatement().executeQuery("SELECT 1")) {
                    assertTrue(rs.next());
                }
            }
            try (Connection c = server.connect(login("ann", "ü-pass"))) {
                assertTrue(c.isValid(5));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = AuthMethod.class, names = {"PASSWORD", "MD5", "SCRAM_SHA_256"})
    void wrongPasswordOrUnknownUserIsRefused(AuthMethod method) {
        try (RunningTestServer server = serverWith(method)) {
            SQLException wrong = assertThrows(SQLException.class, () -> server.connect(login("postgres", "nope")));
            assertEquals("28P01", wrong.getSQLState());
            assertEquals("FATAL: password authentication failed for user \"postgres\"", wrong.getMessage());
            SQLException unknown = assertThrows(SQLException.class, () -> server.connect(login("mallory", "x")));
            assertEquals("28P01", unknown.getSQLState());
            assertEquals(0, server.backend.openSessions.get());
        }
    }

    @ParameterizedTest
    @EnumSource(value = AuthMethod.class, names = {"MD5", "SCRAM_SHA_256"})
    void psqlLogsInWithPassword(AuthMethod method) throws Exception {
        String psql = System.getenv().getOrDefault("PSQL", "/usr/bin/psql");
        org.junit.jupiter.api.Assumptions.assumeTrue(new File(psql).canExecute(), "psql not installed");
        try (RunningTestServer server = serverWith(method)) {
            for (String[] attempt : new String[][] {{"s3cret-pw", "0"}, {"bad", "2"}}) {
                ProcessBuilder pb = new ProcessBuilder(psql, "-X", "-w", "-h", "127.0.0.1", "-p",
                        Integer.toString(server.port()), "-U", "postgres", "-c", "SELECT 1").redirectErrorStream(true);
                pb.environment().put("PGPASSWORD", attempt[0]);
                pb.environment().put("LC_ALL", "C.UTF-8");
                Process p = pb.start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(p.waitFor(20, TimeUnit.SECONDS));
                assertEquals(Integer.parseInt(attempt[1]), p.exitValue(), out);
                if (p.exitValue() != 0) {
                    assertTrue(out.contains("password authentication failed for user \"postgres\""), out);
                }
            }
        }
    }
}
