package io.pgsight.pgwire.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import io.pgsight.pgwire.protocol.ClientMessage;

import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The event-loop side of a connection: it only moves decoded messages into the connection's
 * {@link ConnectionInbox} and reports writability and closing. All protocol work happens on workers.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {
    private static final System.Logger LOG = System.getLogger(ConnectionHandler.class.getName());

    private final ServerContext server;
    private final Executor workers;
    private ConnectionInbox inbox;
    private OutboundWriter writer;
    private ProtocolSession session;
    private ScheduledFuture<?> authenticationTimeout;

    ConnectionHandler(ServerContext server, Executor workers) {
        this.server = server;
        this.workers = workers;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        writer = new OutboundWriter(ctx.channel());
        inbox = new ConnectionInbox(ctx.channel(), workers);
        session = new ProtocolSession(ctx.channel(), writer, inbox, server);
        inbox.setHandler(session::handle);
        long timeout = server.config().authenticationTimeout().toMillis();
        authenticationTimeout = ctx.executor().schedule(() -> {
            if (session.phase() != ProtocolSession.Phase.READY) {
                ctx.close();
            }
        }, timeout, TimeUnit.MILLISECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ClientMessage message) {
            inbox.offerWhileReading(message);
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (inbox != null) {
            inbox.readComplete();
        }
        ctx.fireChannelReadComplete();
    }

    /**
     * The client finished sending (half-close). Like PostgreSQL, answer what it sent before the end
     * of input, then close; the session closes the channel when it reaches this marker.
     */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof ChannelInputShutdownEvent && inbox != null) {
            inbox.offer(new ClientMessage.ConnectionClosed());
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        writer.wake();
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (authenticationTimeout != null) {
            authenticationTimeout.cancel(false);
        }
        if (inbox != null) {
            inbox.offer(new ClientMessage.ConnectionClosed());
            writer.wake();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof IOException)) {
            LOG.log(System.Logger.Level.WARNING, "closing connection " + ctx.channel().remoteAddress(), cause);
        }
        ctx.close();
    }
}
