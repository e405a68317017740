package io.pgsight.pgwire.server;

import io.netty.channel.Channel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

import java.nio.channels.SocketChannel;
import java.util.List;

/**
 * NIO channels whose accepted connections expose their socket, so that {@link OutboundWriter} can
 * send a reply from the worker thread itself when Netty has nothing queued for the connection. A
 * reply sent through Netty from a worker costs a task on the event loop and a selector wake-up
 * (a pipe write and read, another epoll round and thread switch) per round trip.
 */
final class DirectWriteChannels {
    private DirectWriteChannels() {
    }

    /** The listening channel: accepts like NioServerSocketChannel, yielding {@link Connection}s. */
    static final class Listener extends NioServerSocketChannel {
        @Override
        protected int doReadMessages(List<Object> buf) throws Exception {
            SocketChannel accepted = javaChannel().accept();
            if (accepted == null) {
                return 0;
            }
            try {
                buf.add(new Connection(this, accepted));
                return 1;
            } catch (RuntimeException e) {
                accepted.close();
                throw e;
            }
        }
    }

    /** An accepted connection whose java.nio socket the writer may use directly. */
    static final class Connection extends NioSocketChannel {
        Connection(Channel parent, SocketChannel socket) {
            super(parent, socket);
        }

        SocketChannel socket() {
            return javaChannel();
        }
    }
}
