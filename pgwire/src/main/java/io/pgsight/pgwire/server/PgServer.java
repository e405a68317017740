package io.pgsight.pgwire.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.pgsight.pgwire.backend.Backend;
import io.pgsight.pgwire.protocol.FrameDecoder;

import java.net.InetSocketAddress;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL protocol listener. Netty event loops frame and decode bytes; each connection's
 * messages run in order on a bounded worker pool (threads are created on demand and retire when idle).
 */
public final class PgServer implements AutoCloseable, ServerContext {
    private final PgServerConfig config;
    private final Backend backend;
    private final CancelRegistry cancelRegistry = new CancelRegistry();
    private final AtomicInteger openSessions = new AtomicInteger();
    private final EventLoopGroup acceptors;
    private final EventLoopGroup eventLoops;
    private final ThreadPoolExecutor workers;
    private final Channel listener;

    private PgServer(PgServerConfig config, Backend backend) throws InterruptedException {
        this.config = config;
        this.backend = backend;
        this.acceptors = new NioEventLoopGroup(1, daemonThreads("pgsight-accept"));
        this.eventLoops = new NioEventLoopGroup(0, daemonThreads("pgsight-io"));
        this.workers = WorkerPool.create(config.workerThreads(), daemonThreads("pgsight-worker"));
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptors, eventLoops)
                .channelFactory(DirectWriteChannels.Listener::new)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(128 * 1024, 512 * 1024))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast("frames", new FrameDecoder(config.maxMessageLength()));
                        ch.pipeline().addLast("connection", new ConnectionHandler(PgServer.this, workers));
                    }
                });
        io.netty.channel.ChannelFuture bound = bootstrap.bind(config.listenAddress(), config.port()).await();
        if (!bound.isSuccess()) {
            shutdownThreads();
            throw new IllegalStateException("could not listen on " + config.listenAddress() + ":" + config.port()
                    + ": " + bound.cause().getMessage(), bound.cause());
        }
        this.listener = bound.channel();
    }

    /** Binds and starts accepting; throws IllegalStateException when the address cannot be bound. */
    public static PgServer start(PgServerConfig config, Backend backend) throws InterruptedException {
        return new PgServer(config, backend);
    }

    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) listener.localAddress();
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
        return cancelRegistry;
    }

    @Override
    public boolean tryReserveSession() {
        int max = config.maxConnections();
        return openSessions.getAndUpdate(n -> n < max ? n + 1 : n) < max;
    }

    @Override
    public void releaseSession() {
        openSessions.decrementAndGet();
    }

    @Override
    public void startTls(Channel channel) {
        channel.eventLoop().execute(() -> channel.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {'S'}))
                .addListener((ChannelFutureListener) f -> {
                    if (f.isSuccess()) {
                        channel.pipeline().addFirst("tls", config.sslContext().newHandler(channel.alloc()));
                    } else {
                        channel.close();
                    }
                }));
    }

    /** Stops accepting, closes connections and stops the threads. */
    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        shutdownThreads();
    }

    private void shutdownThreads() {
        acceptors.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        eventLoops.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        workers.shutdown();
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
