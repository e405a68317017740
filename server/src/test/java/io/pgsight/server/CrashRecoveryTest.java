package io.pgsight.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
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
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * kill -9 at a random moment under a write load from several connections, restart, and check: every
 * acknowledged write is there, nothing unacknowledged or rolled back is, and a transaction whose
 * COMMIT was in flight is all-or-nothing. Cycles: {@code -Dpgsight.crash.cycles=N} (default 10);
 * {@code -Dpgsight.crash.seed=S} replays a run.
 */
class CrashRecoveryTest {
    private static final int WORKERS = 3;

    /** What the clients know about one row (worker, seq). */
    private static final class Expected {
        boolean mustExist;
        boolean mayExist;
        int group; // > 0: in-doubt together with the other rows of this group
        Set<Integer> values = new HashSet<>();
    }

    @Test
    void acknowledgedWritesSurviveKill9(@TempDir Path tmp) throws Exception {
        RealEngine.assumePresent();
        int cycles = Integer.getInteger("pgsight.crash.cycles", 10);
        long seed = Long.getLong("pgsight.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        Path data = tmp.resolve("data");
        Path log = tmp.resolve("server.log");
        Map<Long, Expected> ledger = new HashMap<>();
        int[] nextSeq = new int[WORKERS];
        int[] nextGroup = {1};
        long rowsChecked = 0;
        ChildServer server = ChildServer.start(data, log);
        try {
            try (Connection c = DriverManager.getConnection(server.url())) {
                c.createStatement().execute("CREATE TABLE crash (worker int, seq int, val int, note text, "
                        + "PRIMARY KEY (worker, seq))");
            }
            for (int cycle = 0; cycle < cycles; cycle++) {
                AtomicBoolean stop = new AtomicBoolean();
                List<Thread> threads = new ArrayList<>();
                List<Map<Long, Expected>> perWorker = new ArrayList<>();
                for (int w = 0; w < WORKERS; w++) {
                    Map<Long, Expected> mine = new HashMap<>();
                    for (Map.Entry<Long, Expected> e : ledger.entrySet()) {
                        if ((int) (e.getKey() >> 32) == w) {
                            mine.put(e.getKey(), e.getValue());
                        }
                    }
                    perWorker.add(mine);
                    int worker = w;
                    String url = server.url();
                    long workerSeed = random.nextLong();
                    int groupBase = nextGroup[0] + w * 1_000_000;
                    Thread t = new Thread(() -> load(url, worker, nextSeq, mine, new Random(workerSeed),
                            groupBase, stop), "crash-load-" + w);
                    threads.add(t);
                    t.start();
                }
                nextGroup[0] += WORKERS * 1_000_000;
                Thread.sleep(200 + random.nextInt(1200));
                server.kill();
                stop.set(true);
                for (Thread t : threads) {
                    t.join(30_000);
                }
                for (Map<Long, Expected> m : perWorker) {
                    ledger.putAll(m);
                }
                server = ChildServer.start(data, log);
                rowsChecked += verify(server.url(), ledger, seed, cycle);
            }
            // a clean stop writes a checkpoint; the next start loads it
            int status = server.stop();
            assertTrue(status == 0 || status == 143, "exit status after SIGTERM: " + status);
            server = ChildServer.start(data, log);
            rowsChecked += verify(server.url(), ledger, seed, cycles);
            assertTrue(server.output().contains("checkpoint written"), server.output());
        } finally {
            server.close();
        }
        long acknowledged = ledger.values().stream().filter(e -> e.mustExist).count();
        System.out.printf("crash test: %d kill -9 cycles, %d row checks, %d acknowledged rows (seed %d)%n", cycles,
                rowsChecked, acknowledged, seed);
        assertTrue(acknowledged > 0, "the load acknowledged no writes");
    }

    private static long key(int worker, int seq) {
        return ((long) worker << 32) | seq;
    }

    /** One client: autocommit inserts, 3-row transactions, rolled-back transactions and updates, until the server dies. */
    private static void load(String url, int worker, int[] nextSeq, Map<Long, Expected> mine, Random random,
                             int groupBase, AtomicBoolean stop) {
        int group = groupBase;
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement insert = c.prepareStatement("INSERT INTO crash VALUES (?, ?, ?, ?)");
             PreparedStatement update = c.prepareStatement("UPDATE crash SET val = ? WHERE worker = ? AND seq = ?")) {
            while (!stop.get()) {
                int op = random.nextInt(10);
                if (op < 4) {
                    int seq = nextSeq(nextSeq, worker);
                    Expected e = inDoubt(mine, worker, seq, ++group, 1);
                    insert(insert, worker, seq, 1);
                    settle(e);
                } else if (op < 7) {
                    c.setAutoCommit(false);
                    List<Expected> rows = new ArrayList<>();
                    group++;
                    for (int i = 0; i < 3; i++) {
                        int seq = nextSeq(nextSeq, worker);
                        rows.add(inDoubt(mine, worker, seq, group, 1));
                        insert(insert, worker, seq, 1);
                    }
                    c.commit();
                    rows.forEach(CrashRecoveryTest::settle);
                    c.setAutoCommit(true);
                } else if (op < 8) {
                    c.setAutoCommit(false);
                    for (int i = 0; i < 2; i++) {
                        int seq = nextSeq(nextSeq, worker);
                        Expected e = new Expected();
                        mine.put(key(worker, seq), e); // never committed: must never appear
                        insert(insert, worker, seq, 1);
                    }
                    c.rollback();
                    c.setAutoCommit(true);
                } else {
                    Long target = null;
                    for (Map.Entry<Long, Expected> en : mine.entrySet()) {
                        if (en.getValue().mustExist && en.getValue().values.size() == 1 && random.nextInt(4) == 0) {
                            target = en.getKey();
                            break;
                        }
                    }
                    if (target == null) {
                        continue;
                    }
                    Expected e = mine.get(target);
                    int next = e.values.iterator().next() + 1;
                    e.values.add(next); // in doubt: old or new value
                    update.setInt(1, next);
                    update.setInt(2, worker);
                    update.setInt(3, (int) (long) target);
                    assertEquals(1, update.executeUpdate());
                    e.values = new HashSet<>(Set.of(next));
                }
            }
        } catch (SQLException e) {
            // the server was killed: whatever was in flight stays in doubt
        }
    }

    private static synchronized int nextSeq(int[] nextSeq, int worker) {
        return nextSeq[worker]++;
    }

    private static Expected inDoubt(Map<Long, Expected> mine, int worker, int seq, int group, int value) {
        Expected e = new Expected();
        e.mayExist = true;
        e.group = group;
        e.values.add(value);
        mine.put(key(worker, seq), e);
        return e;
    }

    private static void settle(Expected e) {
        e.mustExist = true;
        e.group = 0;
    }

    private static void insert(PreparedStatement insert, int worker, int seq, int val) throws SQLException {
        insert.setInt(1, worker);
        insert.setInt(2, seq);
        insert.setInt(3, val);
        insert.setString(4, "w" + worker + " s" + seq);
        insert.executeUpdate();
    }

    /** Compares the table with the ledger, then resolves what was in doubt to what survived. */
    private static long verify(String url, Map<Long, Expected> ledger, long seed, int cycle) throws SQLException {
        Map<Long, Integer> seen = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT worker, seq, val, note FROM crash")) {
            while (rs.next()) {
                long k = key(rs.getInt(1), rs.getInt(2));
                if (seen.put(k, rs.getInt(3)) != null) {
                    fail("duplicate row " + rs.getInt(1) + "/" + rs.getInt(2) + " (seed " + seed + ", cycle " + cycle + ")");
                }
                assertEquals("w" + rs.getInt(1) + " s" + rs.getInt(2), rs.getString(4));
            }
        }
        String where = " (seed " + seed + ", cycle " + cycle + ")";
        Map<Integer, int[]> groups = new HashMap<>(); // group -> {rows, present}
        for (Map.Entry<Long, Integer> en : seen.entrySet()) {
            Expected e = ledger.get(en.getKey());
            String row = (en.getKey() >> 32) + "/" + (int) (long) en.getKey();
            assertTrue(e != null && (e.mustExist || e.mayExist), "row " + row + " was never committed" + where);
            assertTrue(e.values.contains(en.getValue()), "row " + row + " has val " + en.getValue() + ", expected one of "
                    + e.values + where);
        }
        for (Map.Entry<Long, Expected> en : ledger.entrySet()) {
            Expected e = en.getValue();
            boolean present = seen.containsKey(en.getKey());
            if (e.mustExist) {
                assertTrue(present, "acknowledged row " + (en.getKey() >> 32) + "/" + (int) (long) en.getKey()
                        + " is missing" + where);
            }
            if (e.group > 0) {
                int[] g = groups.computeIfAbsent(e.group, x -> new int[2]);
                g[0]++;
                g[1] += present ? 1 : 0;
            }
        }
        for (Map.Entry<Integer, int[]> g : groups.entrySet()) {
            int[] v = g.getValue();
            assertTrue(v[1] == 0 || v[1] == v[0], "transaction partly recovered: " + v[1] + " of " + v[0] + " rows" + where);
        }
        for (Map.Entry<Long, Expected> en : ledger.entrySet()) {
            Expected e = en.getValue();
            Integer val = seen.get(en.getKey());
            e.mustExist = val != null;
            e.mayExist = false;
            e.group = 0;
            e.values = val == null ? new HashSet<>() : new HashSet<>(Set.of(val));
        }
        return ledger.size();
    }
}
