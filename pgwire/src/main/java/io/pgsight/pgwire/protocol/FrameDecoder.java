package io.pgsight.pgwire.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.util.List;

/**
 * Splits the byte stream into {@link ClientMessage}s. Two framings: during startup a packet is
 * {@code int32 length, int32 code, body}; afterwards {@code byte type, int32 length, body}. Lengths
 * are checked before anything is allocated. A bad frame yields one {@link ClientMessage.Malformed}
 * and everything after it is discarded (the session answers FATAL 08P01 and closes).
 */
public final class FrameDecoder extends ByteToMessageDecoder {
    /** PostgreSQL's MAX_STARTUP_PACKET_LENGTH. */
    public static final int MAX_STARTUP_PACKET_LENGTH = 10_000;

    private enum State { STARTUP, MESSAGES, DISCARD }

    private final int maxMessageLength;
    private State state = State.STARTUP;

    /** @param maxMessageLength largest accepted regular message, length word included */
    public FrameDecoder(int maxMessageLength) {
        if (maxMessageLength < 5) {
            throw new IllegalArgumentException("maxMessageLength too small: " + maxMessageLength);
        }
        this.maxMessageLength = maxMessageLength;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        try {
            switch (state) {
                case STARTUP -> decodeStartup(in, out);
                case MESSAGES -> decodeMessage(in, out);
                case DISCARD -> in.skipBytes(in.readableBytes());
            }
        } catch (ProtocolViolation e) {
            state = State.DISCARD;
            in.skipBytes(in.readableBytes());
            out.add(new ClientMessage.Malformed(e.getMessage(), e.detail()));
        }
    }

    private void decodeStartup(ByteBuf in, List<Object> out) {
        if (in.readableBytes() < 4) {
            return;
        }
        int length = in.getInt(in.readerIndex());
        if (length < 8 || length > MAX_STARTUP_PACKET_LENGTH) {
            throw new ProtocolViolation("invalid length of startup packet");
        }
        if (in.readableBytes() < length) {
            return;
        }
        in.skipBytes(4);
        byte[] body = new byte[length - 4];
        in.readBytes(body);
        ClientMessage message = ClientMessageParser.parseStartupPacket(body);
        if (message instanceof ClientMessage.SslRequest && in.isReadable()) {
            // CVE-2021-23214: anything sent before our answer was not protected by the handshake.
            throw new ProtocolViolation("received unencrypted data after SSL request",
                    "This could be either a client-software bug or evidence of an attempted man-in-the-middle attack.");
        }
        if (message instanceof ClientMessage.GssEncRequest && in.isReadable()) {
            throw new ProtocolViolation("received unencrypted data after GSSAPI encryption request",
                    "This could be either a client-software bug or evidence of an attempted man-in-the-middle attack.");
        }
        if (message instanceof ClientMessage.Startup) {
            state = State.MESSAGES;
        } else if (message instanceof ClientMessage.CancelRequest) {
            state = State.DISCARD;
        }
        out.add(message);
    }

    private void decodeMessage(ByteBuf in, List<Object> out) {
        while (in.readableBytes() >= 5) {
            int start = in.readerIndex();
            byte type = in.getByte(start);
            int length = in.getInt(start + 1);
            if (length < 4 || length > maxMessageLength) {
                throw new ProtocolViolation("invalid message length");
            }
            if (in.readableBytes() < 1 + length) {
                return;
            }
            in.skipBytes(5);
            byte[] body = new byte[length - 4];
            in.readBytes(body);
            ClientMessage message = ClientMessageParser.parse(type, body);
            out.add(message);
            if (message instanceof ClientMessage.Terminate) {
                state = State.DISCARD;
                in.skipBytes(in.readableBytes());
                return;
            }
        }
    }
}
