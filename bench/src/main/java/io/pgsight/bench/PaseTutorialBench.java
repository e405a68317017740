package io.pgsight.bench;

import io.pgsight.server.PgsightServer;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The Alibaba PASE tutorial, verbatim, through pgjdbc: the two SQL-function generators, the DO block
 * that fills {@code t_pase_80} (loops × 10,000 rows of 80 float4), both CREATE INDEX statements and
 * the tutorial's two KNN queries ({@code <#> '…:0:0'::pase} on pase_ivfflat, {@code <?> '…:40:0'::pase}
 * on pase_hnsw) for query vectors taken from the table. Reports each phase's time, query median/p99
 * latency with recall@10 against exact squared L2 (computed here from the table's rows; ties at the
 * tenth distance count as hits), and for the embedded server its peak heap and RSS.
 *
 * <pre>
 * java -Xmx8g --add-modules jdk.incubator.vector -cp bench/target/pgsight-bench.jar \
 *   io.pgsight.bench.PaseTutorialBench [--rows 1000000] [--queries 200] [--host H --port P]
 * </pre>
 */
public final class PaseTutorialBench {
    private static final int K = 10;
    private static final int DIM = 80;

    private PaseTutorialBench() {
    }

    record Options(int rows, int queries, int warmup, String host, int port, String user, String password, String seed) {
        static final String USAGE = """
                Usage: java -Xmx8g --add-modules jdk.incubator.vector -cp bench/target/pgsight-bench.jar \\
                         io.pgsight.bench.PaseTutorialBench [options]

                Runs the PASE tutorial (DO block, pase_ivfflat and pase_hnsw indexes, both KNN queries)
                and prints phase times, query latency and recall@10.

                  --rows N           rows the DO block inserts, a multiple of 10000 (default 1000000)
                  --queries N        query vectors taken from the table (default 200)
                  --warmup N         warm-up queries per index (default 20)
                  --seed S           SELECT setseed(S) before the DO block (-1..1), so runs draw the same data
                                     (the tutorial itself does not seed: its data differ per run)
                  --host H --port P  an external server (default: an embedded pgsight)
                  --user U --password W
                """;

        static Options parse(String[] args) {
            Map<String, String> o = BenchCommand.options(args, Set.of("--rows", "--queries", "--warmup", "--host",
                    "--port", "--user", "--password", "--seed"));
            if (o == null) {
                return null;
            }
            int rows = BenchCommand.intOption(o, "--rows", 1_000_000);
            if (rows < 10_000 || rows % 10_000 != 0) {
                throw new IllegalArgumentException("--rows must be a positive multiple of 10000");
            }
            return new Options(rows, BenchCommand.intOption(o, "--queries", 200), BenchCommand.intOption(o, "--warmup", 20),
                    o.get("--host"), BenchCommand.intOption(o, "--port", 5432), o.getOrDefault("--user", "postgres"),
                    o.get("--password"), o.get("--seed"));
        }
    }

    public static void main(String[] args) throws Exception {
        BenchCommand.main(args, Options::parse, Options.USAGE, Options::host, PaseTutorialBench::run);
    }

    private static void run(Options options, PgsightServer embedded) throws Exception {
        List<String[]> table = new ArrayList<>();
        int loops = options.rows() / 10_000;
        try (Connection c = BenchCommand.connect(embedded, options.host(), options.port(), options.user(),
                options.password())) {
            exec(c, "CREATE EXTENSION IF NOT EXISTS pase");
            exec(c, "DROP TABLE IF EXISTS t_pase_80");
            exec(c, "create table if not exists t_pase_80(id serial PRIMARY KEY, vec float4[]);");
            exec(c, "create or replace function gen_float4_arr1(int,int) returns float4[] as $$\n"
                    + "  select array_agg(trunc(random()*$1)::float4) from generate_series(1,$2);\n"
                    + "$$ language sql strict volatile;");
            exec(c, "create or replace function gen_float4_arr(float4[], int) returns float4[] as $$\n"
                    + "  select array_agg( (u + (u*$2/2.0/100) - u*$2/100*random())::float4 ) from unnest($1) u;\n"
                    + "$$ language sql strict volatile;");
            if (options.seed() != null) {
                exec(c, "SELECT setseed(" + Double.parseDouble(options.seed()) + ")");
            }
            long t0 = System.nanoTime();
            exec(c, "do language plpgsql $$\ndeclare\n  v_cent float4[];\nbegin\n  for i in 1.." + loops + " loop\n"
                    + "    v_cent := gen_float4_arr1(10000,80);\n"
                    + "    insert into t_pase_80 (vec) select gen_float4_arr(v_cent, 20) from generate_series(1,10000);\n"
                    + "  end loop;\nend;\n$$;");
            table.add(row("DO block (" + loops + " x 10000 rows)", "", "", "", seconds(t0)));
            t0 = System.nanoTime();
            float[][] vectors = readTable(c, options.rows());
            System.err.printf(Locale.ROOT, "read %d rows back for exact answers in %.1f s%n", vectors.length,
                    (System.nanoTime() - t0) / 1e9);
            int[] queryIds = queryIds(vectors, options.queries());
            String[] literals = literals(c, queryIds);
            float[][] table80 = vectors;
            float[] kth = new float[queryIds.length];
            java.util.stream.IntStream.range(0, queryIds.length).parallel()
                    .forEach(q -> kth[q] = kthDistance(table80, table80[queryIds[q]]));
            t0 = System.nanoTime();
            exec(c, "CREATE INDEX idx_t_pase_80_2 ON t_pase_80 USING pase_ivfflat(vec)\n"
                    + "  WITH (clustering_type = 1, distance_type = 0, dimension = 80, clustering_params = \"100,1001\");");
            table.add(row("CREATE INDEX pase_ivfflat (clustering_params \"100,1001\")", "", "", "", seconds(t0)));
            t0 = System.nanoTime();
            exec(c, "CREATE INDEX idx_t_pase_80_1 ON t_pase_80 USING pase_hnsw(vec)\n"
                    + "  WITH (dim = 80, base_nb_num = 16, ef_build = 40, ef_search = 200, base64_encoded = 0);");
            table.add(row("CREATE INDEX pase_hnsw (base_nb_num 16, ef_build 40)", "", "", "", seconds(t0)));
            table.add(measure("pase_ivfflat `<#> '...:0:0'::pase`", "<#>", ":0:0", c, literals, queryIds, vectors,
                    kth, options.warmup()));
            table.add(measure("pase_hnsw `<?> '...:40:0'::pase`", "<?>", ":40:0", c, literals, queryIds, vectors,
                    kth, options.warmup()));
            if (embedded != null) {
                table.add(row("peak heap (JVM, client included)", "", "", "", peakHeap()));
                table.add(row("peak RSS (process, client included)", "", "", "", peakRss()));
            }
        }
        System.out.printf(Locale.ROOT, "%n## PASE tutorial, %d rows x %d, %s server, %d cores, %d queries%n%n",
                options.rows(), DIM, embedded != null ? "embedded" : "external",
                Runtime.getRuntime().availableProcessors(), options.queries());
        System.out.println("| phase / query | recall@10 | median ms | p99 ms | time / memory |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (String[] r : table) {
            System.out.println("| " + String.join(" | ", r) + " |");
        }
    }

    /** Every row's vector by id (ids are the serial 1..rows the DO block produced). */
    private static float[][] readTable(Connection c, int rows) throws SQLException {
        float[][] vectors = new float[rows + 1][];
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false); // a cursor, so the rows stream
        try (Statement s = c.createStatement()) {
            s.setFetchSize(10_000);
            try (ResultSet rs = s.executeQuery("SELECT id, vec FROM t_pase_80")) {
                while (rs.next()) {
                    int id = rs.getInt(1);
                    if (id >= vectors.length) {
                        vectors = Arrays.copyOf(vectors, id + 1);
                    }
                    vectors[id] = parseArray(rs.getString(2));
                }
            }
        } finally {
            c.commit();
            c.setAutoCommit(auto);
        }
        return vectors;
    }

    private static float[] parseArray(String text) {
        float[] v = new float[DIM];
        int n = 0;
        int start = 1;
        for (int i = 1; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == ',' || ch == '}') {
                if (n == v.length) {
                    v = Arrays.copyOf(v, n * 2);
                }
                v[n++] = Float.parseFloat(text.substring(start, i));
                start = i + 1;
            }
        }
        return n == v.length ? v : Arrays.copyOf(v, n);
    }

    private static int[] queryIds(float[][] vectors, int count) {
        SplittableRandom random = new SplittableRandom(80);
        int[] ids = new int[count];
        for (int q = 0; q < count; q++) {
            int id;
            do {
                id = 1 + random.nextInt(vectors.length - 1);
            } while (vectors[id] == null || vectors[id].length != DIM);
            ids[q] = id;
        }
        return ids;
    }

    /** Each query row's vector as a tutorial user pastes it: the float4[] text without its braces. */
    private static String[] literals(Connection c, int[] ids) throws SQLException {
        String[] out = new String[ids.length];
        try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT vec::text FROM t_pase_80 WHERE id = ?")) {
            for (int q = 0; q < ids.length; q++) {
                ps.setInt(1, ids[q]);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    String text = rs.getString(1);
                    out[q] = text.substring(1, text.length() - 1);
                }
            }
        }
        return out;
    }

    private static float l2Squared(float[] a, float[] b) {
        float s = 0;
        for (int j = 0; j < a.length; j++) {
            float d = a[j] - b[j];
            s += d * d;
        }
        return s;
    }

    /** The tenth smallest squared L2 from {@code q} over the table (exact, brute force). */
    private static float kthDistance(float[][] vectors, float[] q) {
        float[] best = new float[K];
        Arrays.fill(best, Float.POSITIVE_INFINITY);
        for (float[] v : vectors) {
            if (v == null || v.length != DIM) {
                continue;
            }
            float d = l2Squared(v, q);
            if (d < best[K - 1]) {
                int i = K - 1;
                while (i > 0 && best[i - 1] > d) {
                    best[i] = best[i - 1];
                    i--;
                }
                best[i] = d;
            }
        }
        return best[K - 1];
    }

    private static String[] measure(String label, String operator, String suffix, Connection c, String[] literals,
                                    int[] queryIds, float[][] vectors, float[] kth, int warmup) throws SQLException {
        long[] latencies = new long[literals.length];
        double hits = 0;
        try (Statement s = c.createStatement()) {
            for (int w = 0; w < warmup; w++) {
                query(s, operator, literals[w % literals.length] + suffix);
            }
            for (int q = 0; q < literals.length; q++) {
                long t = System.nanoTime();
                long[] ids = query(s, operator, literals[q] + suffix);
                latencies[q] = System.nanoTime() - t;
                float[] qv = vectors[queryIds[q]];
                for (long id : ids) {
                    // a tie with the tenth exact distance is as good an answer as the row it ties with
                    if (l2Squared(vectors[(int) id], qv) <= kth[q]) {
                        hits++;
                    }
                }
            }
        }
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return row(label, String.format(Locale.ROOT, "%.4f", hits / (literals.length * (double) K)),
                String.format(Locale.ROOT, "%.2f", sorted[sorted.length / 2] / 1e6),
                String.format(Locale.ROOT, "%.2f", sorted[Math.max(0, (int) Math.ceil(sorted.length * 0.99) - 1)] / 1e6),
                "");
    }

    /** The tutorial's query text for one vector: distance in the select list, ORDER BY the same, LIMIT 10. */
    private static long[] query(Statement s, String operator, String pase) throws SQLException {
        String sql = "SELECT id, vec " + operator + " '" + pase + "'::pase as distance FROM t_pase_80 ORDER BY vec "
                + operator + " '" + pase + "'::pase LIMIT " + K;
        long[] ids = new long[K];
        int n = 0;
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next() && n < K) {
                ids[n++] = rs.getLong(1);
            }
        }
        return n == K ? ids : Arrays.copyOf(ids, n);
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String seconds(long startNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }

    /** Peak use of the heap pools since start (the JVM's own high-water marks). */
    private static String peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return String.format(Locale.ROOT, "%d MiB", peak >> 20);
    }

    /** VmHWM from /proc (Linux), else n/a. */
    private static String peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
                    return String.format(Locale.ROOT, "%d MiB", kb >> 10);
                }
            }
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
        return "n/a";
    }

    private static String[] row(String... cells) {
        return cells;
    }
}
