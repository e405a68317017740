package io.pgsight.pgwire.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import io.pgsight.pgwire.backend.Backend;
import io.pgsight.pgwire.protocol.FrameDecoder;
import io.pgsight.pgwire.testing.BackendMessage;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A connection driven through Netty's EmbeddedChannel: the decoder and handler as in production, the
 * worker replaced by the calling thread, so each {@link #send} returns after the session processed it.
 */
final class EmbeddedConnection implements ServerContext {
    final EmbeddedChannel channel;
    private final PgServerConfig config;
    private final Backend backend;
    private final CancelRegistry registry = new CancelRegistry();
    private final AtomicInteger sessions = new AtomicInteger();

    EmbeddedConnection(PgServerConfig config, Backend backend) {
        this.config = config;
        this.backend = backend;
        this.channel = new EmbeddedChannel(new FrameDecoder(config.maxMessageLength()),
                new ConnectionHandler(this, Runnable::run));
    }

    void send(byte[] bytes) {
        channel.writeInbound(Unpooled.wrappedBuffer(bytes));
        channel.runPendingTasks();
    }

    /** Everything written since the last call, as raw bytes. */
    byte[] outputBytes() {
        channel.runPendingTasks();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuf buf;
        while ((buf = channel.readOutbound()) != null) {
            byte[] b = new byte[buf.readableBytes()];
            buf.readBytes(b);
            buf.release();
            out.writeBytes(b);
        }
        return out.toByteArray();
    }

    List<BackendMessage> output() {
        return BackendMessage.split(outputBytes());
    }

    @Override
    public PgServerConfig config() {
        return config;
    }

    @Override
    public Backend backend() {
        return backend;
    }

    @Override
    public CancelRegistry cancelRegistry() {
        return registry;
    }

    @Override
    public boolean tryReserveSession() {
        int max = config.maxConnections();
        return sessions.getAndUpdate(n -> n < max ? n + 1 : n) < max;
    }

    @Override
    public void releaseSession() {
        sessions.decrementAndGet();
    }

    @Override
    public void startTls(Channel channel) {
        throw new UnsupportedOperationException("no TLS in embedded tests");
    }
}
