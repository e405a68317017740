package io.pgsight.pgwire.server;

import io.netty.handler.ssl.SslContextBuilder;
import io.pgsight.pgwire.testing.RunningTestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** SSLRequest answered 'S' when a certificate is configured; pgjdbc and psql then talk TLS. */
class TlsTest {
    @TempDir
    static Path dir;
    static File cert;
    static File key;

    @BeforeAll
    static void makeCertificate() throws Exception {
        cert = dir.resolve("server.crt").toFile();
        key = dir.resolve("server.key").toFile();
        Process p;
        try {
            p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=localhost", "-keyout", key.getPath(), "-out", cert.getPath())
                    .redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "openssl not installed: skipping TLS tests");
            return;
        }
        p.getInputStream().readAllBytes();
        assumeTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 && key.length() > 0,
                "openssl could not make a test certificate: skipping TLS tests");
    }

    private static RunningTestServer tlsServer() throws Exception {
        return new RunningTestServer(PgServerConfig.defaults(0)
                .withSslContext(SslContextBuilder.forServer(cert, key).build()));
    }

    @Test
    void pgjdbcRequiresSsl() throws Exception {
        try (RunningTestServer server = tlsServer()) {
            Properties p = new Properties();
            p.setProperty("sslmode", "require");
            p.setProperty("sslfactory", "org.postgresql.ssl.NonValidatingFactory");
            try (Connection c = server.connect(p); ResultSet rs = c.createStatement().executeQuery("SELECT 1")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
            }
        }
    }

    @Test
    void psqlUsesTls() throws Exception {
        String psql = System.getenv().getOrDefault("PSQL", "/usr/bin/psql");
        assumeTrue(new File(psql).canExecute(), "psql not installed");
        try (RunningTestServer server = tlsServer()) {
            ProcessBuilder pb = new ProcessBuilder(psql, "-X", "-h", "127.0.0.1", "-p",
                    Integer.toString(server.port()), "-U", "postgres", "-d", "postgres", "-c", "\\conninfo",
                    "-c", "SELECT 1").redirectErrorStream(true);
            pb.environment().put("PGSSLMODE", "require");
            pb.environment().put("LC_ALL", "C.UTF-8");
            Process proc = pb.start();
            String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(proc.waitFor(20, TimeUnit.SECONDS));
            assertEquals(0, proc.exitValue(), out);
            assertTrue(out.contains("SSL connection"), out);
            assertTrue(out.contains("(1 row)"), out);
        }
    }
}
