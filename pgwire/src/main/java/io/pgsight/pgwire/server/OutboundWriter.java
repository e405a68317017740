package io.pgsight.pgwire.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;

import java.util.function.Consumer;

/**
 * Collects a connection's backend messages into one buffer and hands it to Netty in chunks, so a
 * result of many rows costs a few channel writes, not one per row. Every write goes through here
 * in program order, which keeps the protocol ordered. When the channel stops being writable, the
 * calling worker thread waits (never the event loop), which is the row-streaming backpressure.
 */
final class OutboundWriter {
    private static final int CHUNK = 32 * 1024;

    private final Channel channel;
    private ByteBuf pending;

    OutboundWriter(Channel channel) {
        this.channel = channel;
    }

    /** Appends one message (or several) produced by {@code encoder}; may block for backpressure. */
    void write(Consumer<ByteBuf> encoder) {
        boolean full;
        synchronized (this) {
            if (pending == null) {
                pending = channel.alloc().buffer(256);
            }
            encoder.accept(pending);
            full = pending.readableBytes() >= CHUNK;
            if (full) {
                push();
            }
        }
        if (full && !channel.isWritable()) {
            awaitWritable();
        }
    }

    /** Sends everything written so far. */
    void flush() {
        ByteBuf out;
        synchronized (this) {
            out = pending != null && pending.isReadable() ? pending : null;
            if (out != null) {
                pending = null;
            }
        }
        // one event-loop task (and at most one selector wake-up) for the write and the flush
        if (out != null) {
            channel.writeAndFlush(out, channel.voidPromise());
        } else {
            channel.flush();
        }
    }

    /** Writes one raw byte immediately (the SSLRequest/GSSENCRequest answer). */
    void writeByteNow(char b) {
        flush();
        channel.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {(byte) b}));
    }

    /** Event loop: the channel's writability or liveness changed. */
    synchronized void wake() {
        notifyAll();
    }

    /** Drops anything not yet handed to Netty (the connection is gone). */
    synchronized void discard() {
        if (pending != null) {
            pending.release();
            pending = null;
        }
    }

    private void push() {
        if (pending != null && pending.isReadable()) {
            ByteBuf out = pending;
            pending = null;
            channel.write(out, channel.voidPromise());
        }
    }

    private void awaitWritable() {
        channel.flush();
        synchronized (this) {
            while (channel.isActive() && !channel.isWritable()) {
                try {
                    wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ConnectionLost();
                }
            }
        }
        if (!channel.isActive()) {
            throw new ConnectionLost();
        }
    }
}
