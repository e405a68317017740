package io.pgsight.bench;

import io.pgsight.server.PgsightServer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.SplittableRandom;

/**
 * The fixed per-query cost through the wire: one pgjdbc client runs a prepared statement in a loop
 * against an embedded server (a small table, so the index's own work is small) and prints wall
 * and process CPU time per query, the latter being steadier on a shared machine. Statements:
 * {@code SELECT 1}, and the KNN query over hnsw and over a sequential scan.
 *
 * <pre>java --add-modules jdk.incubator.vector -cp bench/target/pgsight-bench.jar io.pgsight.bench.QueryLoopBench [rows] [dims] [queries]</pre>
 */
public final class QueryLoopBench {
    private QueryLoopBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int dims = args.length > 1 ? Integer.parseInt(args[1]) : 128;
        int queries = args.length > 2 ? Integer.parseInt(args[2]) : 20000;
        String only = args.length > 3 ? args[3] : "all"; // select1 | knn | all
        try (PgsightServer server = PgsightServer.startForTests(0);
             Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres",
                     "postgres", "")) {
            SplittableRandom random = new SplittableRandom(7);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE EXTENSION IF NOT EXISTS vector");
                s.execute("CREATE TABLE loop_vectors (id int, v vector(" + dims + "))");
            }
            long copyStart = System.nanoTime();
            long copyCpu = processCpuNanos();
            java.util.Map<String, Long> copyThreads = threadCpuTicks();
            CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY loop_vectors (id, v) FROM STDIN");
            for (int i = 0; i < rows; i++) {
                byte[] line = (i + "\t" + vectorText(random, dims) + "\n").getBytes(StandardCharsets.UTF_8);
                in.writeToCopy(line, 0, line.length);
            }
            in.endCopy();
            System.out.printf("COPY %d rows x %d dims: %.2f s wall, %.2f s cpu%n", rows, dims,
                    (System.nanoTime() - copyStart) / 1e9, (processCpuNanos() - copyCpu) / 1e9);
            if (Boolean.getBoolean("threads")) {
                threadCpuTicks().forEach((name, ticks) -> {
                    long d = ticks - copyThreads.getOrDefault(name, 0L);
                    if (d > 0) {
                        System.out.printf("    %-24s %8.2f s%n", name, d / 100.0);
                    }
                });
            }
            String[] texts = new String[256];
            for (int i = 0; i < texts.length; i++) {
                texts[i] = vectorText(random, dims);
            }
            String knn = "SELECT id FROM loop_vectors ORDER BY v <-> ?::vector LIMIT 10";
            if (!only.equals("knn")) {
                loop(c, "SELECT 1", null, queries);
            }
            if (only.equals("select1")) {
                return;
            }
            if (only.equals("all")) {
                loop(c, knn + "  -- seq scan", texts, Math.max(200, queries / 20));
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE INDEX ON loop_vectors USING hnsw (v vector_l2_ops)");
            }
            loop(c, knn, texts, queries);
        }
    }

    private static void loop(Connection c, String sql, String[] params, int n) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int pass = 0; pass < 2; pass++) { // the first pass warms the JIT up
                java.util.Map<String, Long> threads = threadCpuTicks();
                long cpu = processCpuNanos();
                long t0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    if (params != null) {
                        ps.setObject(1, params[i % params.length], Types.OTHER);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rs.getInt(1);
                        }
                    }
                }
                long wall = System.nanoTime() - t0;
                cpu = processCpuNanos() - cpu;
                if (pass == 1) {
                    System.out.printf("%-75s %8.1f us wall %8.1f us cpu per query (%d queries)%n", sql,
                            wall / 1e3 / n, cpu / 1e3 / n, n);
                    if (Boolean.getBoolean("threads")) {
                        java.util.Map<String, Long> after = threadCpuTicks();
                        after.forEach((name, ticks) -> {
                            long d = ticks - threads.getOrDefault(name, 0L);
                            if (d > 0) {
                                System.out.printf("    %-24s %8.1f us/query%n", name, d * 10_000.0 / n);
                            }
                        });
                    }
                }
            }
        }
    }

    /** utime+stime clock ticks (1/100 s) per thread name, summed over threads of the same name, from /proc. */
    private static java.util.Map<String, Long> threadCpuTicks() {
        java.util.Map<String, Long> m = new java.util.TreeMap<>();
        java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
        if (tasks == null) {
            return m;
        }
        for (java.io.File t : tasks) {
            try {
                String stat = java.nio.file.Files.readString(new java.io.File(t, "stat").toPath());
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+$", "#");
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                m.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
            } catch (java.io.IOException | RuntimeException e) {
                // the thread ended meanwhile
            }
        }
        return m;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String vectorText(SplittableRandom random, int dims) {
        StringBuilder b = new StringBuilder("[");
        for (int j = 0; j < dims; j++) {
            b.append(j == 0 ? "" : ",").append((float) random.nextGaussian());
        }
        return b.append(']').toString();
    }
}
