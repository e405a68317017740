package io.pgsight.pgwire.server;

import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads that run backend calls: reuses an idle thread when there is one, starts a new one
 * otherwise (up to {@code maxThreads}), and only queues when all of them are busy. A plain
 * ThreadPoolExecutor either never grows past its core size (unbounded queue) or starts a thread
 * per task until the core size is reached; this queue refuses a task unless an idle worker is
 * already waiting for it, so the executor grows only when it must.
 */
final class WorkerPool {
    private WorkerPool() {
    }

    static ThreadPoolExecutor create(int maxThreads, ThreadFactory threads) {
        return new ThreadPoolExecutor(0, maxThreads, 30, TimeUnit.SECONDS, new HandOffQueue(), threads,
                (task, executor) -> {
                    if (executor.isShutdown()) {
                        throw new java.util.concurrent.RejectedExecutionException("server is shutting down");
                    }
                    // all threads busy: wait in line for the first one to finish
                    ((HandOffQueue) executor.getQueue()).enqueue(task);
                });
    }

    private static final class HandOffQueue extends LinkedTransferQueue<Runnable> {
        @Override
        public boolean offer(Runnable task) {
            return tryTransfer(task);
        }

        void enqueue(Runnable task) {
            super.put(task);
        }
    }
}
