package io.pgsight.pgwire.bench;

import io.pgsight.pgwire.server.PgServerConfig;
import io.pgsight.pgwire.testing.RunningTestServer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Not a test: a manual benchmark of the wire layer alone (scripted test backend, so no SQL work).
 * Measures pgjdbc SELECT 1 round trips on one connection and how many idle connections the server
 * holds at once. Run: java -cp <test classpath> io.pgsight.pgwire.bench.WireLatencyBenchmark [connections]
 */
public final class WireLatencyBenchmark {
    private WireLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        long t0 = System.nanoTime();
        try (RunningTestServer server = new RunningTestServer(PgServerConfig.defaults(0)
                .withMaxConnections(connections + 10))) {
            System.out.printf("server started in %.1f ms%n", (System.nanoTime() - t0) / 1e6);
            try (Connection c = server.connect()) {
                try (Statement s = c.createStatement()) {
                    report("Statement SELECT 1", () -> {
                        try (ResultSet rs = s.executeQuery("SELECT 1")) {
                            rs.next();
                        }
                    });
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT 1")) {
                    report("PreparedStatement SELECT 1 (named after threshold)", () -> {
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                        }
                    });
                }
            }
            List<Connection> held = new ArrayList<>();
            long t1 = System.nanoTime();
            for (int i = 0; i < connections; i++) {
                held.add(server.connect());
            }
            long opened = System.nanoTime() - t1;
            for (Connection c : held) {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT 1")) {
                    rs.next();
                }
            }
            Runtime rt = Runtime.getRuntime();
            System.gc();
            System.out.printf("%d connections open at once, each ran SELECT 1; opened in %.0f ms (%.2f ms each); "
                            + "heap used %d MB; live threads %d%n", held.size(), opened / 1e6,
                    opened / 1e6 / connections, (rt.totalMemory() - rt.freeMemory()) >> 20, Thread.activeCount());
            for (Connection c : held) {
                c.close();
            }
        }
    }

    private interface Body {
        void run() throws Exception;
    }

    private static void report(String name, Body body) throws Exception {
        for (int i = 0; i < 5000; i++) {
            body.run();
        }
        int n = 20000;
        long[] t = new long[n];
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            body.run();
            t[i] = System.nanoTime() - s;
        }
        long total = System.nanoTime() - start;
        Arrays.sort(t);
        System.out.printf("%s: %d round trips, mean %.1f us, p50 %.1f us, p99 %.1f us, %.0f/s%n", name, n,
                total / 1e3 / n, t[n / 2] / 1e3, t[n * 99 / 100] / 1e3, n / (total / 1e9));
    }
}
