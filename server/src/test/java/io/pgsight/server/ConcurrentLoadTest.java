package io.pgsight.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many clients insert, update, delete and run KNN queries on one table with a GiST signature index, an hnsw
 * and an ivfflat vector index, while another connection builds and drops indexes. Each client owns its own
 * ids and keeps a ledger of acknowledged (autocommitted) changes; afterwards the table must hold exactly the
 * ledger, and every index must return what a sequential scan returns.
 *
 * <p>Suite size: 16 clients for 20 s. Larger: {@code -Dpgsight.load.clients=32 -Dpgsight.load.seconds=120}
 * (run with {@code mvn -o -q -pl server -am test -Dtest=ConcurrentLoadTest -Dsurefire.failIfNoSpecifiedTests=false}).
 */
class ConcurrentLoadTest {
    private static final int CLIENTS = Integer.getInteger("pgsight.load.clients", 16);
    private static final int SECONDS = Integer.getInteger("pgsight.load.seconds", 20);
    /** Live rows each client keeps at most, so the table stays small enough for exact approximate searches. */
    private static final int ROWS_PER_CLIENT = 20;
    private static final int DIM = 4;
    private static final int LISTS = 4;

    private record Row(float[] sig, float[] e1, float[] e2) {
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void mixedLoadKeepsEveryAcknowledgedChangeAndIndexesAgreeWithSeqScan() throws Exception {
        RealEngine.assumePresent();
        try (PgsightServer server = PgsightServer.startForTests(0)) {
            String url = "jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres?user=postgres&socketTimeout=120";
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("CREATE EXTENSION imgsmlr");
                s.execute("CREATE EXTENSION vector");
                s.execute("CREATE TABLE items (id int PRIMARY KEY, sig signature, e1 vector(" + DIM + "), e2 vector("
                        + DIM + "))");
                // ivfflat picks its centers from the rows present at build time
                Random seed = new Random(1);
                for (int i = 0; i < 40; i++) {
                    s.execute("INSERT INTO items VALUES (" + (-1 - i) + ", '" + sigText(randomFloats(seed, 16))
                            + "', '" + vecText(randomFloats(seed, DIM)) + "', '" + vecText(randomFloats(seed, DIM))
                            + "')");
                }
                s.execute("CREATE INDEX items_sig ON items USING gist (sig)");
                s.execute("CREATE INDEX items_e1 ON items USING hnsw (e1 vector_l2_ops)");
                s.execute("CREATE INDEX items_e2 ON items USING ivfflat (e2 vector_l2_ops) WITH (lists = " + LISTS
                        + ")");
                s.execute("DELETE FROM items WHERE id < 0");
            }

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            AtomicLong operations = new AtomicLong();
            List<Map<Integer, Row>> ledgers = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
            List<Future<?>> futures = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                Map<Integer, Row> ledger = new HashMap<>();
                ledgers.add(ledger);
                int id = client;
                futures.add(pool.submit(() -> runClient(url, id, ledger, deadline, operations, failures)));
            }
            int[] builds = new int[1];
            futures.add(pool.submit(() -> buildIndexes(url, deadline, builds, failures)));
            pool.shutdown();
            for (Future<?> f : futures) {
                f.get(SECONDS + 300L, TimeUnit.SECONDS); // a deadlock ends the test here instead of hanging
            }
            assertTrue(failures.isEmpty(), () -> failures.size() + " failures, first: " + failures.peek());

            Map<Integer, Row> expected = new HashMap<>();
            ledgers.forEach(expected::putAll);
            try (Connection c = DriverManager.getConnection(url)) {
                verifyContents(c, expected);
                // hnsw counts dead versions against ef_search (as pgvector does): exact only after VACUUM
                verifyIndexesAgreeWithSeqScan(c, expected.size(), false);
                try (Statement s = c.createStatement()) {
                    s.execute("VACUUM items");
                }
                verifyIndexesAgreeWithSeqScan(c, expected.size(), true);
            }
            System.out.printf("ConcurrentLoadTest: %d clients, %d s, %d operations, %d index builds, %d rows%n",
                    CLIENTS, SECONDS, operations.get(), builds[0], expected.size());
        }
    }

    private static void runClient(String url, int client, Map<Integer, Row> ledger, long deadline,
                                  AtomicLong operations, ConcurrentLinkedQueue<String> failures) {
        Random random = new Random(client);
        List<Integer> live = new ArrayList<>();
        int nextId = client * 1_000_000;
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO items VALUES (?, ?::signature, ?::vector, ?::vector)");
             PreparedStatement update = c.prepareStatement(
                     "UPDATE items SET sig = ?::signature, e1 = ?::vector, e2 = ?::vector WHERE id = ?");
             PreparedStatement delete = c.prepareStatement("DELETE FROM items WHERE id = ?");
             Statement s = c.createStatement()) {
            s.execute("SET ivfflat.probes = " + LISTS);
            while (System.nanoTime() < deadline) {
                int op = random.nextInt(10);
                try {
                    if (op < 3 && live.size() < ROWS_PER_CLIENT || live.isEmpty()) {
                        Row row = randomRow(random);
                        int id = nextId++;
                        insert.setInt(1, id);
                        insert.setString(2, sigText(row.sig()));
                        insert.setString(3, vecText(row.e1()));
                        insert.setString(4, vecText(row.e2()));
                        assertEquals(1, insert.executeUpdate());
                        ledger.put(id, row);
                        live.add(id);
                    } else if (op < 5) {
                        int id = live.get(random.nextInt(live.size()));
                        Row row = randomRow(random);
                        update.setString(1, sigText(row.sig()));
                        update.setString(2, vecText(row.e1()));
                        update.setString(3, vecText(row.e2()));
                        update.setInt(4, id);
                        assertEquals(1, update.executeUpdate(), "update of own row " + id);
                        ledger.put(id, row);
                    } else if (op < 6) {
                        Integer id = live.remove(random.nextInt(live.size()));
                        delete.setInt(1, id);
                        assertEquals(1, delete.executeUpdate(), "delete of own row " + id);
                        ledger.remove(id);
                    } else {
                        knnQuery(s, random, op);
                    }
                    operations.incrementAndGet();
                } catch (SQLException e) {
                    failures.add("client " + client + ": " + e.getSQLState() + " " + e.getMessage());
                    if (c.isClosed()) {
                        return;
                    }
                }
            }
        } catch (SQLException | RuntimeException | AssertionError e) {
            failures.add("client " + client + ": " + e);
        }
    }

    private static void knnQuery(Statement s, Random random, int op) throws SQLException {
        String order = switch (op) {
            case 6, 7 -> "sig <-> '" + sigText(randomFloats(random, 16)) + "'";
            case 8 -> "e1 <-> '" + vecText(randomFloats(random, DIM)) + "'";
            default -> "e2 <-> '" + vecText(randomFloats(random, DIM)) + "'";
        };
        Set<Integer> seen = new HashSet<>();
        try (ResultSet rs = s.executeQuery("SELECT id FROM items ORDER BY " + order + " LIMIT 10")) {
            while (rs.next()) {
                if (!seen.add(rs.getInt(1))) {
                    throw new SQLException("KNN query returned id " + rs.getInt(1) + " twice: " + order);
                }
            }
        }
        if (seen.size() > 10) {
            throw new SQLException("KNN query returned more rows than its LIMIT");
        }
    }

    /** Another connection creates and drops indexes while the load runs; the last build stays. */
    private static void buildIndexes(String url, long deadline, int[] builds,
                                     ConcurrentLinkedQueue<String> failures) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            do {
                s.execute("DROP INDEX IF EXISTS items_e1_cos");
                s.execute("DROP INDEX IF EXISTS items_sig2");
                s.execute("CREATE INDEX items_e1_cos ON items USING hnsw (e1 vector_cosine_ops)");
                s.execute("CREATE INDEX items_sig2 ON items USING gist (sig)");
                builds[0] += 2;
                Thread.sleep(500);
            } while (System.nanoTime() < deadline);
        } catch (SQLException | RuntimeException e) {
            failures.add("index builder: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void verifyContents(Connection c, Map<Integer, Row> expected) throws SQLException {
        Map<Integer, Row> actual = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, sig::text, e1::text, e2::text FROM items")) {
            while (rs.next()) {
                Row previous = actual.put(rs.getInt(1),
                        new Row(parse(rs.getString(2)), parse(rs.getString(3)), parse(rs.getString(4))));
                assertEquals(null, previous, "row " + rs.getInt(1) + " appears twice");
            }
        }
        assertEquals(new java.util.TreeSet<>(expected.keySet()), new java.util.TreeSet<>(actual.keySet()),
                "ids in the table vs acknowledged");
        for (Map.Entry<Integer, Row> e : expected.entrySet()) {
            Row got = actual.get(e.getKey());
            assertClose(e.getValue().sig(), got.sig(), "sig of " + e.getKey());
            assertClose(e.getValue().e1(), got.e1(), "e1 of " + e.getKey());
            assertClose(e.getValue().e2(), got.e2(), "e2 of " + e.getKey());
        }
    }

    private static void verifyIndexesAgreeWithSeqScan(Connection c, int rows, boolean withHnsw)
            throws SQLException {
        Random random = new Random(99);
        try (Statement s = c.createStatement()) {
            s.execute("SET ivfflat.probes = " + LISTS);
            s.execute("SET hnsw.ef_search = " + Math.max(rows + 10, 40));
            for (int i = 0; i < 5; i++) {
                List<String> orders = List.of(
                        "sig <-> '" + sigText(randomFloats(random, 16)) + "'",
                        "e1 <-> '" + vecText(randomFloats(random, DIM)) + "'",
                        "e2 <-> '" + vecText(randomFloats(random, DIM)) + "'",
                        "e1 <=> '" + vecText(randomFloats(random, DIM)) + "'");
                for (String order : orders) {
                    if (!withHnsw && order.startsWith("e1")) {
                        continue;
                    }
                    for (int limit : new int[] {10, rows + 5}) {
                        String query = "SELECT id, " + order + " FROM items ORDER BY " + order + " LIMIT " + limit;
                        s.execute("SET enable_indexscan = on");
                        String plan = explain(s, query);
                        assertTrue(plan.contains("Index Scan"), () -> "expected an index scan: " + plan);
                        Map<Integer, Double> viaIndex = neighbors(s, query);
                        s.execute("SET enable_indexscan = off");
                        Map<Integer, Double> viaSeqScan = neighbors(s, query);
                        assertEquals(Math.min(limit, rows), viaIndex.size(), query);
                        assertSameNeighbors(viaSeqScan, viaIndex, query + "\n" + plan);
                    }
                }
            }
        }
    }

    /**
     * Same distances in the same order, and the same ids except among those tied (within float rounding)
     * with the last one, where either choice is a correct answer.
     */
    private static void assertSameNeighbors(Map<Integer, Double> expected, Map<Integer, Double> actual, String what) {
        List<Double> e = new ArrayList<>(expected.values());
        List<Double> a = new ArrayList<>(actual.values());
        assertEquals(e.size(), a.size(), what);
        for (int i = 0; i < e.size(); i++) {
            assertEquals(e.get(i), a.get(i), 1e-5, what + " distance #" + i);
        }
        double cut = e.isEmpty() ? 0 : e.get(e.size() - 1) - 1e-5;
        Set<Integer> ne = new java.util.TreeSet<>();
        Set<Integer> na = new java.util.TreeSet<>();
        expected.forEach((id, d) -> { if (d < cut) { ne.add(id); } });
        actual.forEach((id, d) -> { if (d < cut) { na.add(id); } });
        assertEquals(ne, na, what);
    }

    private static Map<Integer, Double> neighbors(Statement s, String query) throws SQLException {
        Map<Integer, Double> result = new java.util.LinkedHashMap<>();
        try (ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                assertEquals(null, result.put(rs.getInt(1), rs.getDouble(2)), "duplicate id in " + query);
            }
        }
        return result;
    }

    private static String explain(Statement s, String query) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rs = s.executeQuery("EXPLAIN (COSTS OFF) " + query)) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    private static Row randomRow(Random random) {
        return new Row(randomFloats(random, 16), randomFloats(random, DIM), randomFloats(random, DIM));
    }

    /** Multiples of 1/1024 in (0, 1]: exact in float4, so text round trips compare exactly. */
    private static float[] randomFloats(Random random, int n) {
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = (1 + random.nextInt(1024)) / 1024f;
        }
        return f;
    }

    private static String sigText(float[] f) {
        return "(" + join(f, ", ") + ")";
    }

    private static String vecText(float[] f) {
        return "[" + join(f, ",") + "]";
    }

    private static String join(float[] f, String separator) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < f.length; i++) {
            b.append(i == 0 ? "" : separator).append(f[i]);
        }
        return b.toString();
    }

    private static float[] parse(String text) {
        String[] parts = text.substring(1, text.length() - 1).split(",");
        float[] f = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            f[i] = Float.parseFloat(parts[i].trim());
        }
        return f;
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5, what);
        }
    }
}
