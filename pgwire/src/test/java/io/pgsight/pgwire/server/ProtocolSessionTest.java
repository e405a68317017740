package io.pgsight.pgwire.server;

import io.pgsight.pgwire.testing.BackendMessage;
import io.pgsight.pgwire.testing.ScriptedTestBackend;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import static io.pgsight.pgwire.testing.FrontendMessages.bind;
import static io.pgsight.pgwire.testing.FrontendMessages.close;
import static io.pgsight.pgwire.testing.FrontendMessages.concat;
import static io.pgsight.pgwire.testing.FrontendMessages.describe;
import static io.pgsight.pgwire.testing.FrontendMessages.execute;
import static io.pgsight.pgwire.testing.FrontendMessages.flush;
import static io.pgsight.pgwire.testing.FrontendMessages.parse;
import static io.pgsight.pgwire.testing.FrontendMessages.query;
import static io.pgsight.pgwire.testing.FrontendMessages.sslRequest;
import static io.pgsight.pgwire.testing.FrontendMessages.startup;
import static io.pgsight.pgwire.testing.FrontendMessages.sync;
import static io.pgsight.pgwire.testing.FrontendMessages.terminate;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The session state machine driven message by message through an EmbeddedChannel. */
class ProtocolSessionTest {
    private final ScriptedTestBackend backend = new ScriptedTestBackend();
    private final EmbeddedConnection conn = new EmbeddedConnection(PgServerConfig.defaults(0), backend);

    private List<BackendMessage> login() {
        conn.send(startup(Map.of("user", "alice", "database", "shop", "application_name", "t")));
        return conn.output();
    }

    @Test
    void startupSendsAuthOkParametersKeyAndReady() {
        List<BackendMessage> out = login();
        assertEquals('R', out.get(0).type());
        assertEquals(0, out.get(0).int32(0));
        BackendMessage last = out.get(out.size() - 1);
        assertEquals('Z', last.type());
        assertEquals('I', (char) last.body()[0]);
        assertEquals('K', out.get(out.size() - 2).type());
        Map<String, String> params = new java.util.HashMap<>();
        for (BackendMessage m : out) {
            if (m.type() == 'S') {
                String[] kv = new String(m.body()).split("\0");
                params.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        assertEquals("15.8", params.get("server_version"));
        assertTrue(params.get("DateStyle").startsWith("ISO"));
        assertEquals("UTF8", params.get("client_encoding"));
        assertEquals("on", params.get("standard_conforming_strings"));
        assertEquals("on", params.get("integer_datetimes"));
        assertEquals("alice", params.get("session_authorization"));
        assertEquals("t", params.get("application_name"));
        assertEquals("shop", backend.lastStartup.database());
        assertEquals("t", backend.lastStartup.options().get("application_name"));
    }

    @Test
    void databaseDefaultsToUserName() {
        conn.send(startup(Map.of("user", "bob")));
        conn.output();
        assertEquals("bob", backend.lastStartup.database());
    }

    @Test
    void sslRequestAnsweredNThenStartup() {
        conn.send(sslRequest());
        assertArrayEquals(new byte[] {'N'}, conn.outputBytes());
        List<BackendMessage> out = login();
        assertEquals('R', out.get(0).type());
        assertEquals('Z', out.get(out.size() - 1).type());
    }

    @Test
    void gssThenSslThenStartup() {
        conn.send(io.pgsight.pgwire.testing.FrontendMessages.gssEncRequest());
        assertArrayEquals(new byte[] {'N'}, conn.outputBytes());
        conn.send(sslRequest());
        assertArrayEquals(new byte[] {'N'}, conn.outputBytes());
        List<BackendMessage> out = login();
        assertEquals('Z', out.get(out.size() - 1).type());
    }

    @Test
    void secondSslRequestIsRefused() {
        conn.send(sslRequest());
        conn.outputBytes();
        conn.send(sslRequest());
        Map<Character, String> f = conn.output().get(0).fields();
        assertEquals("0A000", f.get('C'));
        assertEquals("unsupported frontend protocol 1234.5679: server supports 3.0 to 3.0", f.get('M'));
        assertFalse(conn.channel.isActive());
    }

    @Test
    void bytesAfterSslRequestGiveFatalAndClose() {
        conn.send(concat(sslRequest(), startup(Map.of("user", "u"))));
        List<BackendMessage> out = conn.output();
        assertEquals(1, out.size());
        Map<Character, String> f = out.get(0).fields();
        assertEquals("FATAL", f.get('S'));
        assertEquals("08P01", f.get('C'));
        assertEquals("received unencrypted data after SSL request", f.get('M'));
        assertFalse(conn.channel.isActive());
    }

    @Test
    void oversizedMessageGivesFatalAndClose() {
        login();
        conn.send(ByteBuffer.allocate(5).put((byte) 'Q').putInt(Integer.MAX_VALUE).array());
        List<BackendMessage> out = conn.output();
        assertEquals("08P01", out.get(0).fields().get('C'));
        assertEquals("FATAL", out.get(0).fields().get('S'));
        assertFalse(conn.channel.isActive());
    }

    @Test
    void negotiateProtocolVersionForNewerMinorAndPqOptions() {
        conn.send(startup(196608 + 2, Map.of("user", "u", "_pq_.compression", "on")));
        List<BackendMessage> out = conn.output();
        BackendMessage v = out.get(0);
        assertEquals('v', v.type());
        assertEquals(0, v.int32(0));
        assertEquals(1, v.int32(4));
        assertEquals("_pq_.compression", new String(v.body(), 8, v.body().length - 9));
        assertEquals('R', out.get(1).type());
        assertEquals('Z', out.get(out.size() - 1).type());
    }

    @Test
    void unsupportedMajorVersion() {
        conn.send(startup(4 << 16, Map.of("user", "u")));
        Map<Character, String> f = conn.output().get(0).fields();
        assertEquals("0A000", f.get('C'));
        assertEquals("unsupported frontend protocol 4.0: server supports 3.0 to 3.0", f.get('M'));
        assertFalse(conn.channel.isActive());
    }

    @Test
    void missingUser() {
        conn.send(startup(Map.of("database", "x")));
        Map<Character, String> f = conn.output().get(0).fields();
        assertEquals("28000", f.get('C'));
        assertEquals("no PostgreSQL user name specified in startup packet", f.get('M'));
    }

    @Test
    void simpleQueryMultipleStatementsStopsAtError() {
        login();
        conn.send(query("SELECT 1; SELEC 2; SELECT 1"));
        List<BackendMessage> out = conn.output();
        assertEquals("T D C E Z", BackendMessage.types(out));
        assertEquals("syntax error at or near \"SELEC\"", out.get(3).fields().get('M'));
        assertEquals("11", out.get(3).fields().get('P'));
    }

    @Test
    void emptyQuery() {
        login();
        conn.send(query("  "));
        assertEquals("I Z", BackendMessage.types(conn.output()));
    }

    @Test
    void extendedProtocolHappyPath() {
        login();
        conn.send(concat(parse("", "SELECT $1::int4", 0), describe('S', ""), bind("", "", "41"), describe('P', ""),
                execute("", 0), sync()));
        List<BackendMessage> out = conn.output();
        assertEquals("1 t T 2 T D C Z", BackendMessage.types(out));
        assertEquals(23, out.get(1).int32(2));
        assertEquals("41", new String(out.get(5).body(), 6, 2));
        assertEquals("SELECT 1", out.get(6).cstring());
    }

    @Test
    void errorSkipsUntilSync() {
        login();
        conn.send(concat(parse("", "SELEC 1"), bind("", ""), execute("", 0), parse("s1", "SELECT 1"), sync()));
        List<BackendMessage> out = conn.output();
        assertEquals("E Z", BackendMessage.types(out));
        assertEquals("42601", out.get(0).fields().get('C'));
        // s1 was never parsed: the Parse after the error was skipped
        conn.send(concat(bind("", "s1"), sync()));
        out = conn.output();
        assertEquals("E Z", BackendMessage.types(out));
        assertEquals("26000", out.get(0).fields().get('C'));
        conn.send(concat(parse("", "SELECT 1"), bind("", ""), execute("", 0), sync()));
        assertEquals("1 2 D C Z", BackendMessage.types(conn.output()));
    }

    @Test
    void executeErrorSkipsRestOfPipeline() {
        login();
        conn.send(concat(parse("", "SELECT 1/0"), bind("", ""), execute("", 0),
                parse("", "SELECT 1"), bind("", ""), execute("", 0), sync(),
                parse("", "SELECT 1"), bind("", ""), execute("", 0), sync()));
        assertEquals("1 2 E Z 1 2 D C Z", BackendMessage.types(conn.output()));
    }

    @Test
    void portalSuspendedWithMaxRows() {
        login();
        conn.send(concat(query("BEGIN"), parse("", "SELECT generate_series(1, 5)"), bind("c1", ""),
                execute("c1", 2), execute("c1", 2), flush()));
        assertEquals("C Z 1 2 D D s D D s", BackendMessage.types(conn.output()));
        conn.send(concat(execute("c1", 2), sync()));
        List<BackendMessage> out = conn.output();
        assertEquals("D C Z", BackendMessage.types(out));
        assertEquals('T', (char) out.get(2).body()[0]);
        conn.send(concat(query("COMMIT"), execute("c1", 1), sync()));
        out = conn.output();
        assertEquals("C Z E Z", BackendMessage.types(out));
        assertEquals("34000", out.get(2).fields().get('C'), "portals end with their transaction");
    }

    @Test
    void noDataForStatementsWithoutRows() {
        login();
        conn.send(concat(parse("", "INSERT INTO items (name) VALUES ($1)"), describe('S', ""), bind("", "", "x"),
                describe('P', ""), execute("", 0), sync()));
        List<BackendMessage> out = conn.output();
        assertEquals("1 t n 2 n C Z", BackendMessage.types(out));
        assertEquals("INSERT 0 1", out.get(5).cstring());
    }

    @Test
    void namedStatementsAndClose() {
        login();
        conn.send(concat(parse("s1", "SELECT 1"), parse("s1", "SELECT 1"), sync()));
        List<BackendMessage> out = conn.output();
        assertEquals("1 E Z", BackendMessage.types(out));
        assertEquals("prepared statement \"s1\" already exists", out.get(1).fields().get('M'));
        conn.send(concat(close('S', "s1"), parse("s1", "SELECT 1"), close('P', "nope"), sync()));
        assertEquals("3 1 3 Z", BackendMessage.types(conn.output()));
    }

    @Test
    void bindParameterCountMismatch() {
        login();
        conn.send(concat(parse("", "SELECT $1::text"), bind("", ""), sync()));
        List<BackendMessage> out = conn.output();
        assertEquals("1 E Z", BackendMessage.types(out));
        assertEquals("bind message supplies 0 parameters, but prepared statement \"\" requires 1",
                out.get(1).fields().get('M'));
    }

    @Test
    void failedTransactionStatus() {
        login();
        conn.send(query("BEGIN"));
        conn.output();
        conn.send(query("SELECT 1/0"));
        List<BackendMessage> out = conn.output();
        assertEquals("T E Z", BackendMessage.types(out));
        assertEquals('E', (char) out.get(2).body()[0]);
        conn.send(query("ROLLBACK"));
        out = conn.output();
        assertEquals('I', (char) out.get(1).body()[0]);
    }

    @Test
    void noticeAndParameterStatusInOrder() {
        login();
        conn.send(query("SELECT notice('hi'); SET application_name = 'x'"));
        List<BackendMessage> out = conn.output();
        assertEquals("T N D C S C Z", BackendMessage.types(out));
        assertEquals("hi", out.get(1).fields().get('M'));
        assertEquals("NOTICE", out.get(1).fields().get('S'));
    }

    @Test
    void terminateClosesAndReleasesSession() {
        login();
        assertEquals(1, backend.openSessions.get());
        conn.send(terminate());
        assertFalse(conn.channel.isActive());
        conn.channel.runPendingTasks();
        assertEquals(0, backend.openSessions.get());
    }

    @Test
    void authenticationTimeoutClosesTheConnection() {
        PgServerConfig config = PgServerConfig.defaults(0).withAuthenticator(new io.pgsight.pgwire.auth.Authenticator(
                io.pgsight.pgwire.auth.AuthMethod.MD5, Map.of("u", "pw")));
        config = new PgServerConfig(config.listenAddress(), 0, config.maxConnections(), config.maxMessageLength(),
                config.authenticator(), java.time.Duration.ofSeconds(5), config.workerThreads(), null);
        EmbeddedConnection slow = new EmbeddedConnection(config, backend);
        slow.send(startup(Map.of("user", "u")));
        assertEquals('R', slow.output().get(0).type());
        slow.channel.advanceTimeBy(6, java.util.concurrent.TimeUnit.SECONDS);
        slow.channel.runScheduledPendingTasks();
        assertFalse(slow.channel.isActive(), "no password within the timeout");
        assertEquals(0, backend.openSessions.get());
    }

    @Test
    void fatalFromBackendOpen() {
        conn.send(startup(Map.of("user", "u", "database", "nosuchdb")));
        Map<Character, String> f = conn.output().get(1).fields();
        assertEquals("FATAL", f.get('S'));
        assertEquals("3D000", f.get('C'));
        assertFalse(conn.channel.isActive());
    }
}
