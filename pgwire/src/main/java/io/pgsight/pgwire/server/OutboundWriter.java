package io.pgsight.pgwire.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelPromise;
import io.netty.handler.ssl.SslHandler;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicInteger;

import java.util.function.Consumer;

/**
 * Collects a connection's backend messages into one buffer and hands it to Netty in chunks, so a
 * result of many rows costs a few channel writes, not one per row. Every write goes through here
 * in program order, which keeps the protocol ordered. When the channel stops being writable, the
 * calling worker thread waits (never the event loop), which is the row-streaming backpressure.
 */
final class OutboundWriter {
    private static final int CHUNK = 32 * 1024;
    /** {@code -Dpgsight.directWrites=false} sends every reply through the event loop (for comparisons). */
    private static final boolean DIRECT_WRITES = !"false".equals(System.getProperty("pgsight.directWrites"));

    private final Channel channel;
    private ByteBuf pending;
    /** Writes handed to Netty and not yet on the socket; a direct write must not overtake them. */
    private final AtomicInteger nettyWrites = new AtomicInteger();
    private final ChannelFutureListener nettyWriteDone;
    private volatile boolean directWrites;

    OutboundWriter(Channel channel) {
        this.channel = channel;
        this.nettyWriteDone = f -> {
            nettyWrites.decrementAndGet();
            if (!f.isSuccess()) {
                channel.close(); // what a void promise did through exceptionCaught
            }
        };
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
        synchronized (this) {
            ByteBuf out = pending != null && pending.isReadable() ? pending : null;
            if (out == null) {
                channel.flush();
                return;
            }
            pending = null;
            if (directWrites && nettyWrites.get() == 0 && writeDirect(out)) {
                return;
            }
            // one event-loop task (and at most one selector wake-up) for the write and the flush
            sendThroughNetty(out, true);
        }
    }

    /**
     * From now on a flush may write to the socket from the calling thread while Netty has nothing
     * queued (see {@link DirectWriteChannels}). Only for plain connections (TLS bytes must pass the
     * SslHandler), and only once the connection is past its start-up exchange.
     */
    void enableDirectWrites() {
        directWrites = DIRECT_WRITES && channel instanceof DirectWriteChannels.Connection && channel.pipeline().get(SslHandler.class) == null;
    }

    /** True when {@code out} was consumed (sent, or dropped with the connection); false: send the rest via Netty. */
    private boolean writeDirect(ByteBuf out) {
        SocketChannel socket = ((DirectWriteChannels.Connection) channel).socket();
        try {
            ByteBuffer bytes = out.nioBuffer();
            int before = bytes.remaining();
            while (bytes.hasRemaining() && socket.write(bytes) > 0) {
                // keep writing while the socket takes bytes
            }
            out.skipBytes(before - bytes.remaining());
        } catch (IOException e) {
            out.release();
            channel.close(); // as Netty does when its own write fails
            return true;
        }
        if (out.isReadable()) {
            return false; // the socket buffer is full: Netty waits for OP_WRITE and sends the rest
        }
        out.release();
        return true;
    }

    private void sendThroughNetty(ByteBuf out, boolean flush) {
        nettyWrites.incrementAndGet();
        ChannelPromise promise = channel.newPromise().addListener(nettyWriteDone);
        if (flush) {
            channel.writeAndFlush(out, promise);
        } else {
            channel.write(out, promise);
        }
    }

    /** Writes one raw byte immediately (the SSLRequest/GSSENCRequest answer). */
    void writeByteNow(char b) {
        flush();
        synchronized (this) {
            sendThroughNetty(Unpooled.wrappedBuffer(new byte[] {(byte) b}), true);
        }
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
            sendThroughNetty(out, false);
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
