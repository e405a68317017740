package io.pgsight.pgwire.server;

import io.netty.channel.Channel;
import io.pgsight.pgwire.protocol.ClientMessage;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The per-connection serial executor: the event loop {@link #offer}s decoded messages, and at most one
 * worker task at a time drains them in order into the session. A handler that needs the client's next
 * message mid-statement (COPY FROM STDIN) {@link #take}s it from the same queue, so nothing races.
 * Reading from the socket pauses while too many messages wait.
 */
final class ConnectionInbox {
    private static final int PAUSE_READING_AT = 512;
    private static final int RESUME_READING_AT = 64;

    private final LinkedBlockingQueue<ClientMessage> queue = new LinkedBlockingQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final Channel channel;
    private final Executor executor;
    private volatile Consumer<ClientMessage> handler;
    private final java.util.concurrent.atomic.AtomicLong received = new java.util.concurrent.atomic.AtomicLong();

    ConnectionInbox(Channel channel, Executor executor) {
        this.channel = channel;
        this.executor = executor;
    }

    void setHandler(Consumer<ClientMessage> handler) {
        this.handler = handler;
    }

    /** Event loop: enqueue and make sure a drain task runs. */
    void offer(ClientMessage message) {
        enqueue(message);
        scheduleDrain();
    }

    /**
     * Event loop, while reading: enqueue without starting a worker yet; {@link #readComplete} does that
     * once for everything one socket read decoded (Bind, Execute and Sync arrive together, and waking
     * a worker per message costs a thread hand-off each). A worker blocked in {@link #take} still
     * sees the message at once.
     */
    void offerWhileReading(ClientMessage message) {
        enqueue(message);
        if (queue.size() >= PAUSE_READING_AT) {
            scheduleDrain(); // don't let a long read batch wait for the end of the read
        }
    }

    /** Event loop: the socket read that delivered {@link #offerWhileReading} messages is over. */
    void readComplete() {
        if (!queue.isEmpty()) {
            scheduleDrain();
        }
    }

    private void enqueue(ClientMessage message) {
        received.incrementAndGet();
        queue.add(message);
        if (queue.size() >= PAUSE_READING_AT && channel.config().isAutoRead()) {
            channel.config().setAutoRead(false);
        }
    }

    /** Messages offered so far (the idle timer's clock). */
    long received() {
        return received.get();
    }

    /** Queues an {@link ClientMessage.IdleInTransactionTimeout} unless a message arrives within {@code millis}. */
    void armIdleTimeout(long millis) {
        long mark = received.get();
        channel.eventLoop().schedule(() -> {
            if (received.get() == mark && channel.isActive()) {
                offer(new ClientMessage.IdleInTransactionTimeout(mark));
            }
        }, millis, TimeUnit.MILLISECONDS);
    }

    private void scheduleDrain() {
        if (draining.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                draining.set(false);
                channel.close();
            }
        }
    }

    private void drain() {
        while (true) {
            ClientMessage message = queue.poll();
            if (message == null) {
                draining.set(false);
                // A message may have arrived between poll() and set(false); claim it if nobody else did.
                if (queue.isEmpty() || !draining.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            resumeReadingIfDrained();
            try {
                handler.accept(message);
            } catch (Throwable t) {
                // the session could not handle it (e.g. out of memory): give up on this connection only
                draining.set(false);
                channel.close();
                throw t;
            }
        }
    }

    /** Worker, inside a drain: blocks for the client's next message. */
    ClientMessage take() {
        try {
            while (true) {
                ClientMessage message = queue.poll(1, TimeUnit.SECONDS);
                if (message != null) {
                    resumeReadingIfDrained();
                    return message;
                }
                if (!channel.isActive() && queue.isEmpty()) {
                    return new ClientMessage.ConnectionClosed();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionLost();
        }
    }

    private void resumeReadingIfDrained() {
        if (queue.size() <= RESUME_READING_AT && !channel.config().isAutoRead() && channel.isActive()) {
            channel.config().setAutoRead(true);
        }
    }
}
