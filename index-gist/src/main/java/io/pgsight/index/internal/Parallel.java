package io.pgsight.index.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/** Runs {@code workers} numbered tasks on fresh threads (the caller runs task 0) and waits. */
public final class Parallel {
    private Parallel() {
    }

    public static void run(int workers, IntConsumer task) {
        if (workers <= 1) {
            task.accept(0);
            return;
        }
        List<Thread> threads = new ArrayList<>();
        Throwable[] failure = new Throwable[1];
        for (int w = 1; w < workers; w++) {
            int id = w;
            Thread t = new Thread(() -> task.accept(id), "index-build-" + w);
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((th, e) -> {
                synchronized (failure) {
                    failure[0] = e;
                }
            });
            t.start();
            threads.add(t);
        }
        task.accept(0);
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while building", e);
            }
        }
        synchronized (failure) {
            if (failure[0] instanceof RuntimeException r) {
                throw r;
            }
            if (failure[0] instanceof Error e) {
                throw e;
            }
        }
    }
}
