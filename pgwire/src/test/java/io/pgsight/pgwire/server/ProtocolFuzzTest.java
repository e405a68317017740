package io.pgsight.pgwire.server;

import io.pgsight.pgwire.testing.FrontendMessages;
import io.pgsight.pgwire.testing.RunningTestServer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sends at least 10,000 random and mutated protocol messages to a live server over many connections,
 * then checks that a normal client still connects and queries and that no session leaked.
 */
class ProtocolFuzzTest {
    private static final List<String> SQL = List.of("SELECT 1", "SELEC 1", "SELECT 1/0", "BEGIN", "COMMIT",
            "ROLLBACK", "SELECT generate_series(1, 50)", "COPY items (name) FROM STDIN", "COPY items TO STDOUT",
            "SELECT $1::text", "SELECT $1::bytea", "INSERT INTO items (name) VALUES ($1) RETURNING id", "",
            "SELECT 1; SELECT 1/0", "SET application_name = 'fz'", "SELECT pg_sleep(0.001)");

    @Test
    void serverSurvivesFuzzedClients() throws Exception {
        Random random = new Random(20261122);
        int messagesSent = 0;
        int connections = 0;
        long responseBytes = 0;
        Map<String, Integer> endings = new java.util.TreeMap<>();
        try (RunningTestServer server = new RunningTestServer(PgServerConfig.defaults(0)
                .withMaxMessageLength(1 << 20))) {
            while (messagesSent < 10_000) {
                ByteArrayOutputStream script = new ByteArrayOutputStream();
                int mode = random.nextInt(10);
                byte[] startup = mode == 0 ? FrontendMessages.sslRequest()
                        : FrontendMessages.startup(Map.of("user", "fuzz", "database", "postgres"));
                script.writeBytes(mode == 1 ? mutate(startup, random) : startup);
                messagesSent++;
                // Mostly well-framed traffic (which reaches deep states: COPY, portals, failed transactions),
                // a few mutated messages on the way, and usually a mutated or random tail that ends it.
                int count = 20 + random.nextInt(60);
                for (int i = 0; i < count; i++) {
                    byte[] message = randomMessage(random);
                    if (random.nextInt(100) < 3) {
                        message = mutate(message, random);
                    }
                    script.writeBytes(message);
                    messagesSent++;
                }
                int tail = random.nextInt(10);
                if (tail < 5) {
                    script.writeBytes(mutate(randomMessage(random), random));
                    messagesSent++;
                } else if (tail < 7) {
                    script.writeBytes(randomBytes(random, 1 + random.nextInt(64)));
                    messagesSent++;
                }
                byte[] response = exchange(server.port(), script.toByteArray(), random.nextBoolean());
                responseBytes += response.length;
                tally(response, endings);
                connections++;
            }
            try (Connection c = server.connect(); ResultSet rs = c.createStatement().executeQuery("SELECT 1")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
            }
            for (int i = 0; i < 250 && server.backend.openSessions.get() > 0; i++) {
                Thread.sleep(20);
            }
            assertEquals(0, server.backend.openSessions.get(), "every fuzzed session was closed");
            assertEquals(0, server.backend.callsOnEventLoop.get());
        }
        System.out.printf("fuzz: %d messages over %d connections, %d response bytes; how connections ended: %s%n",
                messagesSent, connections, responseBytes, endings);
        assertTrue(messagesSent >= 10_000);
    }

    /** Counts how a connection's answer ended: the FATAL message, or the last message type. */
    private static void tally(byte[] response, Map<String, Integer> endings) {
        int i = response.length > 0 && response[0] == 'N' && (response.length == 1 || response[1] != 0) ? 1 : 0;
        String last = "nothing";
        while (i + 5 <= response.length) {
            char type = (char) response[i];
            int len = java.nio.ByteBuffer.wrap(response, i + 1, 4).getInt();
            if (len < 4 || i + 1 + len > response.length) {
                last = "truncated";
                break;
            }
            last = String.valueOf(type);
            if (type == 'E') {
                String body = new String(response, i + 5, len - 4, java.nio.charset.StandardCharsets.UTF_8);
                if (body.startsWith("SFATAL")) {
                    int m = body.indexOf("\0M");
                    last = "FATAL " + body.substring(m + 2, body.indexOf('\0', m + 2));
                }
            }
            i += 1 + len;
        }
        endings.merge(last, 1, Integer::sum);
    }

    /** Writes the script (optionally in small pieces), half-closes, reads until the server closes. */
    private static byte[] exchange(int port, byte[] script, boolean trickle) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            if (trickle) {
                for (int i = 0; i < script.length; i += 37) {
                    out.write(script, i, Math.min(37, script.length - i));
                }
            } else {
                out.write(script);
            }
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream total = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            try {
                int n;
                while ((n = in.read(buf)) > 0) {
                    total.write(buf, 0, n);
                }
            } catch (SocketTimeoutException | java.net.SocketException e) {
                // the server may reset a connection it closed while we were still sending
            }
            return total.toByteArray();
        } catch (java.net.SocketException e) {
            return new byte[0];
        }
    }

    private static byte[] randomMessage(Random r) {
        String sql = SQL.get(r.nextInt(SQL.size()));
        String name = r.nextInt(3) == 0 ? "" : "s" + r.nextInt(4);
        return switch (r.nextInt(14)) {
            case 0 -> FrontendMessages.query(sql);
            case 1 -> FrontendMessages.parse(name, sql, r.nextInt(3) == 0 ? new int[] {17} : new int[0]);
            case 2 -> FrontendMessages.bind(r.nextBoolean() ? "" : "p1", name, randomParams(r));
            case 3 -> FrontendMessages.describe(r.nextBoolean() ? 'S' : 'P', name);
            case 4 -> FrontendMessages.execute(r.nextBoolean() ? "" : "p1", r.nextInt(3));
            case 5 -> FrontendMessages.close(r.nextBoolean() ? 'S' : 'P', name);
            case 6, 7 -> FrontendMessages.sync();
            case 8 -> FrontendMessages.flush();
            case 9 -> FrontendMessages.typed('d', randomBytes(r, r.nextInt(100)));
            case 10 -> FrontendMessages.typed('c', new byte[0]);
            case 11 -> FrontendMessages.typed('f', "fuzz\0".getBytes());
            case 12 -> r.nextInt(20) == 0 ? FrontendMessages.password("pw") : FrontendMessages.sync();
            default -> r.nextInt(50) == 0 ? FrontendMessages.terminate() : FrontendMessages.query("SELECT 1");
        };
    }

    private static String[] randomParams(Random r) {
        String[] p = new String[r.nextInt(3)];
        for (int i = 0; i < p.length; i++) {
            p[i] = r.nextInt(5) == 0 ? null : "\\x" + Integer.toHexString(r.nextInt(1 << 16) | 0x10000);
        }
        return p;
    }

    private static byte[] mutate(byte[] message, Random r) {
        byte[] m = message.clone();
        switch (r.nextInt(4)) {
            case 0 -> {
                for (int k = 0; k < 1 + r.nextInt(3); k++) {
                    m[r.nextInt(m.length)] = (byte) r.nextInt(256);
                }
            }
            case 1 -> m = java.util.Arrays.copyOf(m, r.nextInt(m.length));
            case 2 -> {
                // corrupt the length word (startup packets start with it, others after the type byte)
                int at = m.length > 5 && m[0] > 0 ? 1 : 0;
                int len = switch (r.nextInt(4)) {
                    case 0 -> -1;
                    case 1 -> Integer.MAX_VALUE;
                    case 2 -> r.nextInt(8);
                    default -> r.nextInt(100_000);
                };
                if (m.length >= at + 4) {
                    m[at] = (byte) (len >>> 24);
                    m[at + 1] = (byte) (len >>> 16);
                    m[at + 2] = (byte) (len >>> 8);
                    m[at + 3] = (byte) len;
                }
            }
            default -> {
                byte[] longer = java.util.Arrays.copyOf(m, m.length + 1 + r.nextInt(16));
                m = longer;
            }
        }
        return m;
    }

    private static byte[] randomBytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }
}
