package io.pgsight.bench;

import io.pgsight.sql.api.EngineConfig;
import io.pgsight.sql.api.EngineSession;
import io.pgsight.sql.api.ResultColumn;
import io.pgsight.sql.api.StatementSink;
import io.pgsight.sql.engine.EngineImpl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Restart time of a data directory holding one table with an hnsw index: fresh build, clean shutdown
 * (checkpoint + index image), restart loading the image, restart rebuilding the index (image removed).
 * Runs the engine in-process (no wire protocol), so the figures are the engine's own.
 *
 * <pre>java -Xmx6g -cp bench/target/pgsight-bench.jar io.pgsight.bench.RestartBench ROWS DIMS DIR [M EF_CONSTRUCTION]</pre>
 */
public final class RestartBench {
    private RestartBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: RestartBench ROWS DIMS DIR [M EF_CONSTRUCTION]  (DIR is deleted first)");
            System.exit(2);
        }
        int rows = Integer.parseInt(args[0]);
        int dims = Integer.parseInt(args[1]);
        Path dir = Path.of(args[2]);
        int m = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        int efc = args.length > 4 ? Integer.parseInt(args[4]) : 64;
        delete(dir);

        EngineImpl e = start(dir);
        EngineSession s = e.openSession("postgres", "postgres", Map.of(), null);
        exec(s, "CREATE EXTENSION vector");
        exec(s, "CREATE TABLE items (id int, embedding vector(" + dims + "))");
        long t0 = System.nanoTime();
        load(s, rows, dims);
        long loaded = System.nanoTime();
        report("load " + rows + " x " + dims, loaded - t0);
        exec(s, "CREATE INDEX items_hnsw ON items USING hnsw (embedding vector_l2_ops) WITH (m = " + m
                + ", ef_construction = " + efc + ")");
        long built = System.nanoTime();
        report("CREATE INDEX (fresh build)", built - loaded);
        List<String> queries = queries(dims, 20);
        List<List<String>> before = knn(s, queries);
        s.close();
        long queried = System.nanoTime();
        report("20 KNN queries", queried - built);
        e.close();
        long closed = System.nanoTime();
        report("clean shutdown (checkpoint + index image)", closed - queried);
        System.out.printf("index images: %d MB%n", size(dir.resolve("index-snapshots")) >> 20);

        long r0 = System.nanoTime();
        EngineImpl withImage = start(dir);
        long r1 = System.nanoTime();
        report("restart with index image (until ready)", r1 - r0);
        EngineSession s2 = withImage.openSession("postgres", "postgres", Map.of(), null);
        List<List<String>> after = knn(s2, queries);
        s2.close();
        System.out.println("KNN results identical after restart with image: " + before.equals(after));
        withImage.close();

        delete(dir.resolve("index-snapshots"));
        cpuMark = cpu();
        long q0 = System.nanoTime();
        EngineImpl rebuilt = start(dir);
        long q1 = System.nanoTime();
        report("restart rebuilding the index (no image)", q1 - q0);
        EngineSession s3 = rebuilt.openSession("postgres", "postgres", Map.of(), null);
        System.out.println("KNN results identical after rebuild: " + before.equals(knn(s3, queries)));
        s3.close();
        rebuilt.close();
    }

    private static EngineImpl start(Path dir) {
        return new EngineImpl(new EngineConfig(Map.of(), dir.toString()));
    }

    private static long cpuMark = cpu();

    /** Wall time of a phase, and the process's CPU time since the previous report (all threads). */
    private static void report(String what, long nanos) {
        long now = cpu();
        System.out.printf("%-45s %8d ms wall %8d ms CPU%n", what, nanos / 1_000_000, (now - cpuMark) / 1_000_000);
        cpuMark = now;
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void load(EngineSession s, int rows, int dims) {
        Random r = new Random(42);
        int batch = 500;
        for (int from = 0; from < rows; from += batch) {
            StringBuilder sql = new StringBuilder("INSERT INTO items VALUES ");
            for (int i = from; i < Math.min(rows, from + batch); i++) {
                sql.append(i == from ? "" : ",").append('(').append(i).append(",'").append(vector(r, dims)).append("')");
            }
            exec(s, sql.toString());
        }
    }

    private static String vector(Random r, int dims) {
        StringBuilder v = new StringBuilder("[");
        for (int d = 0; d < dims; d++) {
            v.append(d == 0 ? "" : ",").append((float) r.nextGaussian());
        }
        return v.append(']').toString();
    }

    private static List<String> queries(int dims, int n) {
        Random r = new Random(7);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("SELECT id FROM items ORDER BY embedding <-> '" + vector(r, dims) + "' LIMIT 10");
        }
        return out;
    }

    private static List<List<String>> knn(EngineSession s, List<String> queries) {
        List<List<String>> out = new ArrayList<>();
        for (String q : queries) {
            out.add(exec(s, q));
        }
        return out;
    }

    /** Runs one statement; returns its rows' first column. */
    private static List<String> exec(EngineSession s, String sql) {
        List<String> rows = new ArrayList<>();
        s.execute(sql, new StatementSink() {
            @Override
            public void columns(List<ResultColumn> columns) {
            }

            @Override
            public void row(byte[][] values) {
                rows.add(values[0] == null ? null : new String(values[0], StandardCharsets.UTF_8));
            }

            @Override
            public void complete(String tag) {
            }

            @Override
            public void emptyQuery() {
            }

            @Override
            public java.io.InputStream copyIn(boolean binary, int columnCount) {
                throw new UnsupportedOperationException("COPY");
            }

            @Override
            public java.io.OutputStream copyOut(boolean binary, int columnCount) {
                throw new UnsupportedOperationException("COPY");
            }
        });
        return rows;
    }

    private static long size(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
