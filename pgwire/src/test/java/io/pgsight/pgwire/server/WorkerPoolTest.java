package io.pgsight.pgwire.server;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkerPoolTest {
    @Test
    void reusesIdleThreadsGrowsWhenBusyAndQueuesAtTheBound() throws Exception {
        AtomicInteger created = new AtomicInteger();
        ThreadPoolExecutor pool = WorkerPool.create(2, r -> {
            created.incrementAndGet();
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        });
        try {
            // sequential short tasks: one thread is enough, once it waits for work again (a loaded
            // machine may not have it back in the queue right after its task counted down)
            var queue = (java.util.concurrent.LinkedTransferQueue<Runnable>) pool.getQueue();
            for (int i = 0; i < 50; i++) {
                CountDownLatch done = new CountDownLatch(1);
                pool.execute(done::countDown);
                assertTrue(done.await(5, TimeUnit.SECONDS));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (!queue.hasWaitingConsumer() && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
            }
            assertEquals(1, created.get(), "idle thread reused");

            // five blocking tasks on a pool of two: two run, three wait in line, none is lost
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch finished = new CountDownLatch(5);
            for (int i = 0; i < 5; i++) {
                pool.execute(() -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    finished.countDown();
                });
            }
            Thread.sleep(100);
            assertEquals(2, pool.getPoolSize());
            release.countDown();
            assertTrue(finished.await(5, TimeUnit.SECONDS), "queued tasks ran once threads were free");
        } finally {
            pool.shutdownNow();
        }
    }
}
