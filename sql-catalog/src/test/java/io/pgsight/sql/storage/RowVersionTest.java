package io.pgsight.sql.storage;

import io.pgsight.sql.txn.TransactionManager;
import io.pgsight.sql.txn.Xid;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** xmax is claimed by compare-and-set on the version itself: one winner, identity comparison. */
class RowVersionTest {
    private final TransactionManager txns = new TransactionManager();

    private Xid xid() {
        return txns.topXid(txns.begin());
    }

    @Test
    void claimSucceedsOnlyFromTheExpectedXmax() {
        RowVersion v = new RowVersion(1, new Object[] {1}, xid(), 0);
        Xid first = xid();
        Xid second = xid();
        assertNull(v.xmax());
        assertFalse(v.claim(second, first, 3), "xmax is not yet second");
        assertTrue(v.claim(null, first, 3));
        assertSame(first, v.xmax());
        assertEquals(3, v.cmax());
        assertFalse(v.claim(null, second, 4), "already claimed");
        assertTrue(v.claim(first, second, 5), "a later claimant replaces an xmax it expects");
        assertSame(second, v.xmax());
        assertEquals(5, v.cmax());
    }

    @Test
    void concurrentClaimsHaveOneWinner() throws InterruptedException {
        for (int round = 0; round < 50; round++) {
            RowVersion v = new RowVersion(round, new Object[0], xid(), 0);
            AtomicInteger winners = new AtomicInteger();
            Thread[] threads = new Thread[4];
            Xid[] claimants = new Xid[threads.length];
            for (int t = 0; t < threads.length; t++) {
                Xid mine = xid();
                claimants[t] = mine;
                threads[t] = new Thread(() -> {
                    if (v.claim(null, mine, 1)) {
                        winners.incrementAndGet();
                    }
                });
            }
            for (Thread t : threads) {
                t.start();
            }
            for (Thread t : threads) {
                t.join();
            }
            assertEquals(1, winners.get());
            boolean oneOfThem = false;
            for (Xid c : claimants) {
                oneOfThem |= c == v.xmax();
            }
            assertTrue(oneOfThem);
        }
    }
}
