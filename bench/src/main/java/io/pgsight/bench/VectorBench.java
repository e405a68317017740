package io.pgsight.bench;

import io.pgsight.index.Metric;
import io.pgsight.index.bench.Dataset;
import io.pgsight.index.bench.Datasets;
import io.pgsight.server.PgsightServer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The pgvector issue's benchmark, end to end through the wire protocol: generate a data set, COPY it
 * into {@code bench_vectors}, build hnsw (m=16, ef_construction=64) and/or ivfflat, and measure the
 * prepared query {@code SELECT id FROM bench_vectors ORDER BY v <-> ?::vector LIMIT 10} from one
 * pgjdbc connection, exactly as the pgvector baseline was measured. Prints a markdown table.
 */
public final class VectorBench {
    private static final int K = 10;

    private VectorBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchCommand.main(args, BenchOptions::parse, BenchOptions.USAGE, BenchOptions::host, VectorBench::run);
    }

    private static void run(BenchOptions options, PgsightServer embedded) throws Exception {
        Dataset data = switch (options.dataset()) {
            case "seed004" -> options.rows() > 0 ? Datasets.seed004(options.rows()) : Datasets.seed004();
            default -> options.rows() > 0 ? Datasets.gauss128(options.rows()) : Datasets.gauss128();
        };
        List<String[]> table = new ArrayList<>();
        long[][] truth = data.groundTruth(K, Metric.L2, Runtime.getRuntime().availableProcessors());
        long baseline = heapBytes(embedded); // the generated data and ground truth live in this JVM too
        try (Connection c = BenchCommand.connect(embedded, options.host(), options.port(), options.user(),
                options.password())) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE EXTENSION IF NOT EXISTS vector");
                s.execute("DROP TABLE IF EXISTS bench_vectors");
                s.execute("CREATE TABLE bench_vectors (id int, v vector(" + data.dimensions() + "))");
            }
            long t0 = System.nanoTime();
            copy(c, data);
            table.add(row("COPY load (" + data.vectors().length + " rows)", "", "", "", "", "", seconds(t0)));
            table.add(row("heap after load", "", "", "", "", "", heap(embedded, baseline)));
            if (options.indexes().contains("hnsw")) {
                t0 = System.nanoTime();
                exec(c, "CREATE INDEX bench_hnsw ON bench_vectors USING hnsw (v vector_l2_ops) "
                        + "WITH (m = 16, ef_construction = 64)");
                table.add(row("hnsw build (m=16, ef_construction=64)", "", "", "", "", "", seconds(t0)));
                table.add(row("heap with hnsw", "", "", "", "", "", heap(embedded, baseline)));
                for (int ef : new int[] {40, 100, 200}) {
                    exec(c, "SET hnsw.ef_search = " + ef);
                    table.add(measure("hnsw", "ef_search=" + ef, c, data, truth, options.warmup(), options.queries()));
                }
                if (options.indexes().contains("ivfflat")) {
                    exec(c, "DROP INDEX bench_hnsw");
                }
            }
            if (options.indexes().contains("ivfflat")) {
                int lists = data.vectors().length >= 1_000_000 ? 1000 : Math.max(1, data.vectors().length / 1000);
                t0 = System.nanoTime();
                exec(c, "CREATE INDEX bench_ivf ON bench_vectors USING ivfflat (v vector_l2_ops) WITH (lists = "
                        + lists + ")");
                table.add(row("ivfflat build (lists=" + lists + ")", "", "", "", "", "", seconds(t0)));
                table.add(row("heap with ivfflat", "", "", "", "", "", heap(embedded, baseline)));
                for (int probes : new int[] {1, 10, 32}) {
                    exec(c, "SET ivfflat.probes = " + probes);
                    table.add(measure("ivfflat", "probes=" + probes, c, data, truth, options.warmup(), options.queries()));
                }
            }
        }
        print(data, embedded != null, table);
    }

    private static void copy(Connection c, Dataset data) throws SQLException {
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench_vectors (id, v) FROM STDIN");
        StringBuilder line = new StringBuilder();
        float[][] vectors = data.vectors();
        for (int i = 0; i < vectors.length; i++) {
            line.setLength(0);
            line.append(i).append('\t').append(vectorText(vectors[i])).append('\n');
            byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
        }
        in.endCopy();
    }

    /**
     * Steady state of one setting: {@code warmup} queries first (the server's JIT compiles the new
     * paths a setting takes; the first setting measured used to pay for the whole warm-up), then
     * {@code count} measured ones, both cycling through the query set.
     */
    private static String[] measure(String index, String setting, Connection c, Dataset data, long[][] truth,
                                    int warmup, int count) throws SQLException {
        float[][] queries = data.queries();
        int n = count > 0 ? count : Math.max(queries.length, 2000);
        long[][] results = new long[n][];
        long[][] expected = new long[n][];
        long[] latencies = new long[n];
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM bench_vectors ORDER BY v <-> ?::vector LIMIT " + K)) {
            for (int w = 0; w < warmup; w++) {
                query(ps, queries[w % queries.length]);
            }
            long wall = System.nanoTime();
            for (int q = 0; q < n; q++) {
                long t = System.nanoTime();
                results[q] = query(ps, queries[q % queries.length]);
                latencies[q] = System.nanoTime() - t;
            }
            wall = System.nanoTime() - wall;
            for (int q = 0; q < n; q++) {
                expected[q] = truth[q % truth.length];
            }
            QueryStats s = QueryStats.of(results, expected, latencies, wall);
            return row(index, setting, String.format("%.4f", s.recall()), String.format("%.0f", s.qps()),
                    String.format("%.2f", s.p50Millis()), String.format("%.2f", s.p99Millis()), "");
        }
    }

    private static long[] query(PreparedStatement ps, float[] q) throws SQLException {
        // formatted per query, inside the timing, as when the pgvector baseline was measured
        ps.setObject(1, vectorText(q), Types.OTHER);
        long[] ids = new long[K];
        int n = 0;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next() && n < K) {
                ids[n++] = rs.getLong(1);
            }
        }
        return n == K ? ids : java.util.Arrays.copyOf(ids, n);
    }

    private static String vectorText(float[] v) {
        StringBuilder b = new StringBuilder(v.length * 8).append('[');
        for (int j = 0; j < v.length; j++) {
            if (j > 0) {
                b.append(',');
            }
            b.append(v[j]);
        }
        return b.append(']').toString();
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String seconds(long startNanos) {
        return String.format("%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }

    /**
     * Heap in use after a full GC, and in parentheses the part above {@code baseline} (taken before the
     * load, with the client's data set already generated): what the server holds. Embedded server only
     * (an external server's memory is not ours to see).
     */
    private static String heap(PgsightServer embedded, long baseline) {
        if (embedded == null) {
            return "n/a";
        }
        long used = heapBytes(embedded);
        return String.format("%d MiB (server +%d MiB)", used >> 20, Math.max(0, used - baseline) >> 20);
    }

    private static long heapBytes(PgsightServer embedded) {
        if (embedded == null) {
            return 0;
        }
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static String[] row(String... cells) {
        return cells;
    }

    private static void print(Dataset data, boolean embedded, List<String[]> table) {
        System.out.printf("%n## %s (%d x %d), %s server, %d cores%n%n", data.name(), data.vectors().length,
                data.dimensions(), embedded ? "embedded" : "external", Runtime.getRuntime().availableProcessors());
        System.out.println("| phase / index | setting | recall@10 | QPS | p50 ms | p99 ms | time / memory |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|");
        for (String[] r : table) {
            System.out.println("| " + String.join(" | ", r) + " |");
        }
    }
}
