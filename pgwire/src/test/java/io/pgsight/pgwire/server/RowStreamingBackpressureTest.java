package io.pgsight.pgwire.server;

import io.pgsight.pgwire.testing.FrontendMessages;
import io.pgsight.pgwire.testing.RunningTestServer;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.Socket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client that stops reading must stall only its own statement: the worker producing rows waits for
 * the channel to drain (bounded memory), other clients go on, and closing the socket ends the statement.
 */
class RowStreamingBackpressureTest {

    @Test
    void slowReaderBlocksOnlyItsOwnWorker() throws Exception {
        try (RunningTestServer server = new RunningTestServer();
             Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setReceiveBufferSize(16 * 1024);
            socket.getOutputStream().write(FrontendMessages.concat(
                    FrontendMessages.startup(Map.of("user", "slow")), FrontendMessages.query("SELECT endless()")));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            in.read(new byte[1024]); // some of the answer, then stop reading
            waitUntilStable(server);
            int produced = server.backend.endlessRowsProduced.get();
            System.out.println("backpressure: " + produced + " rows of 1 KB produced while the client did not read");
            // 1 KB rows: what fits in socket buffers plus Netty's high-water mark, not an unbounded queue
            assertTrue(produced > 0 && produced < 20_000, "rows produced while nobody reads: " + produced);

            try (Connection c = server.connect(); ResultSet rs = c.createStatement().executeQuery("SELECT 1")) {
                assertTrue(rs.next(), "other clients are served meanwhile");
            }

            socket.close();
            for (int i = 0; i < 250 && server.backend.openSessions.get() > 0; i++) {
                Thread.sleep(20);
            }
            assertEquals(0, server.backend.openSessions.get(), "the stalled statement ended with its connection");
            assertEquals(0, server.backend.callsOnEventLoop.get());
        }
    }

    private static void waitUntilStable(RunningTestServer server) throws InterruptedException {
        int last = -1;
        for (int i = 0; i < 100; i++) {
            Thread.sleep(50);
            int now = server.backend.endlessRowsProduced.get();
            if (now == last && now > 0) {
                return;
            }
            last = now;
        }
    }
}
