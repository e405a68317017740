package io.pgsight.server;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole server in-process with the real engine: pgjdbc connects and runs a query. */
class ServerSmokeTest {
    @Test
    void selectOneThroughTheRealEngine() throws Exception {
        RealEngine.assumePresent();
        try (PgsightServer server = PgsightServer.startForTests(0);
             Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port()
                     + "/postgres?user=postgres");
             ResultSet rs = c.createStatement().executeQuery("SELECT 1")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1));
        }
    }
}
