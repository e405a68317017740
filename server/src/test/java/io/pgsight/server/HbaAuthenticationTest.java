package io.pgsight.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.util.PSQLException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --hba-file and --users-file/--user-password through pgjdbc: first match wins, PostgreSQL's refusals. */
class HbaAuthenticationTest {
    @TempDir
    static Path dir;
    private static PgsightServer server;

    @BeforeAll
    static void start() throws Exception {
        RealEngine.assumePresent();
        Path hba = dir.resolve("pg_hba.conf");
        Files.writeString(hba, """
                # TYPE  DATABASE  USER      ADDRESS        METHOD
                local   all       all                      trust
                host    all       blocked   127.0.0.1/32   reject
                host    all       trusted   127.0.0.0/8    trust
                host    all       carol,nobody_md5  127.0.0.1/32   md5
                host    all       bob,nobody_pw     127.0.0.1 255.255.255.255 password
                host    postgres  all       ::ffff:127.0.0.1/128 scram-sha-256
                host    other     all       10.0.0.0/8     trust
                """);
        Path users = dir.resolve("users");
        Files.writeString(users, "# name:password\nalice:wonder land\ncarol:c4r0l\n");
        server = PgsightServer.startForTests("--hba-file", hba.toString(), "--users-file", users.toString(),
                "--user-password", "bob=b0b:pw");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Connection connect(String database, String user, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null) {
            p.setProperty("password", password);
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/" + database, p);
    }

    private static void assertConnects(String database, String user, String password) throws SQLException {
        try (Connection c = connect(database, user, password);
             ResultSet rs = c.createStatement().executeQuery("SELECT current_user")) {
            assertTrue(rs.next());
            assertEquals(user, rs.getString(1));
        }
    }

    private static void assertRefused(String database, String user, String password, String state, String message) {
        PSQLException e = assertThrows(PSQLException.class, () -> connect(database, user, password).close());
        assertEquals(state, e.getSQLState(), e.getMessage());
        assertEquals(message, e.getServerErrorMessage().getMessage());
        assertEquals("FATAL", e.getServerErrorMessage().getSeverity());
    }

    @Test
    void passwordsFromEveryMethodAreChecked() throws SQLException {
        assertConnects("postgres", "alice", "wonder land");
        assertConnects("postgres", "carol", "c4r0l");
        assertConnects("postgres", "bob", "b0b:pw");
        assertConnects("postgres", "trusted", null);
        for (String user : new String[] {"alice", "nobody", "carol", "nobody_md5", "bob", "nobody_pw"}) {
            assertRefused("postgres", user, "wrong", "28P01", "password authentication failed for user \"" + user
                    + "\"");
        }
    }

    @Test
    void rejectAndMissingEntryAreRefusedBeforeAnyPassword() {
        assertRefused("postgres", "blocked", "x", "28000",
                "pg_hba.conf rejects connection for host \"127.0.0.1\", user \"blocked\", database \"postgres\", "
                        + "no encryption");
        // the first matching line wins: "blocked" is rejected even where a later line would trust
        assertRefused("other", "alice", "wonder land", "28000",
                "no pg_hba.conf entry for host \"127.0.0.1\", user \"alice\", database \"other\", no encryption");
        assertRefused("elsewhere", "alice", "wonder land", "28000",
                "no pg_hba.conf entry for host \"127.0.0.1\", user \"alice\", database \"elsewhere\", no encryption");
    }

    /** An unknown user's refusal must not come faster than a wrong password's (generous tolerance). */
    @Test
    void unknownUserTakesAsLongAsWrongPassword() {
        for (String[] users : new String[][] {{"alice", "mallory"}, {"carol", "nobody_md5"}}) {
            long[] wrongPassword = new long[21];
            long[] unknownUser = new long[21];
            for (int i = 0; i < wrongPassword.length; i++) { // interleaved, so warm-up favours neither
                wrongPassword[i] = refusalNanos(users[0]);
                unknownUser[i] = refusalNanos(users[1]);
            }
            Arrays.sort(wrongPassword);
            Arrays.sort(unknownUser);
            long known = wrongPassword[wrongPassword.length / 2];
            long unknown = unknownUser[unknownUser.length / 2];
            System.out.printf("HbaAuthenticationTest: median refusal %s %d us, %s %d us%n", users[0], known / 1000,
                    users[1], unknown / 1000);
            assertTrue(unknown * 4 >= known, users[1] + " refused in " + unknown + " ns, " + users[0]
                    + " (wrong password) in " + known + " ns");
        }
    }

    private static long refusalNanos(String user) {
        long start = System.nanoTime();
        assertThrows(PSQLException.class, () -> connect("postgres", user, "not-the-password").close());
        return System.nanoTime() - start;
    }
}
