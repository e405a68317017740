package io.pgsight.pgwire.protocol;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.pgsight.pgwire.testing.FrontendMessages;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

class FrameDecoderTest {
    private final EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(1024));

    private void feed(byte[]... chunks) {
        for (byte[] c : chunks) {
            channel.writeInbound(Unpooled.wrappedBuffer(c));
        }
    }

    @Test
    void startupPacketSplitAcrossReads() {
        byte[] startup = FrontendMessages.startup(Map.of("user", "alice", "database", "db1"));
        for (byte b : startup) {
            feed(new byte[] {b});
        }
        ClientMessage.Startup s = assertInstanceOf(ClientMessage.Startup.class, channel.readInbound());
        assertEquals(3, s.major());
        assertEquals(0, s.minor());
        assertEquals("alice", s.parameters().get("user"));
        assertEquals("db1", s.parameters().get("database"));
        // after startup the framing switches to type + length
        feed(FrontendMessages.query("SELECT 1"), FrontendMessages.sync());
        assertEquals(new ClientMessage.Query("SELECT 1"), channel.readInbound());
        assertEquals(new ClientMessage.Sync(), channel.readInbound());
    }

    @Test
    void sslAndGssRequestsThenStartup() {
        feed(FrontendMessages.gssEncRequest());
        assertInstanceOf(ClientMessage.GssEncRequest.class, channel.readInbound());
        feed(FrontendMessages.sslRequest());
        assertInstanceOf(ClientMessage.SslRequest.class, channel.readInbound());
        feed(FrontendMessages.startup(Map.of("user", "u")));
        assertInstanceOf(ClientMessage.Startup.class, channel.readInbound());
    }

    @Test
    void bytesAfterSslRequestAreRejected() {
        feed(FrontendMessages.concat(FrontendMessages.sslRequest(), FrontendMessages.startup(Map.of("user", "u"))));
        ClientMessage.Malformed m = assertInstanceOf(ClientMessage.Malformed.class, channel.readInbound());
        assertEquals("received unencrypted data after SSL request", m.message());
        assertNull(channel.readInbound());
    }

    @Test
    void bytesAfterGssRequestAreRejected() {
        feed(FrontendMessages.concat(FrontendMessages.gssEncRequest(), new byte[] {1}));
        ClientMessage.Malformed m = assertInstanceOf(ClientMessage.Malformed.class, channel.readInbound());
        assertEquals("received unencrypted data after GSSAPI encryption request", m.message());
    }

    @Test
    void cancelRequest() {
        feed(FrontendMessages.cancelRequest(1234, -99));
        assertEquals(new ClientMessage.CancelRequest(1234, -99), channel.readInbound());
    }

    @Test
    void oversizedStartupIsRejectedBeforeBuffering() {
        feed(ByteBuffer.allocate(4).putInt(10_001).array());
        ClientMessage.Malformed m = assertInstanceOf(ClientMessage.Malformed.class, channel.readInbound());
        assertEquals("invalid length of startup packet", m.message());
        // everything after is discarded
        feed(new byte[5000]);
        assertNull(channel.readInbound());
    }

    @Test
    void tooShortStartupLength() {
        feed(ByteBuffer.allocate(8).putInt(3).putInt(0).array());
        assertEquals("invalid length of startup packet",
                assertInstanceOf(ClientMessage.Malformed.class, channel.readInbound()).message());
    }

    @Test
    void startupWithoutTerminator() {
        byte[] body = "\0\3\0\0user\0x\0".getBytes();
        feed(ByteBuffer.allocate(4 + body.length).putInt(4 + body.length).put(body).array());
        assertEquals("invalid startup packet layout: expected terminator as last byte",
                assertInstanceOf(ClientMessage.Malformed.class, channel.readInbound()).message());
    }

    @Test
    void oversizedAndNegativeMessageLengths() {
        feed(FrontendMessages.startup(Map.of("user", "u")));
        channel.readInbound();
        feed(ByteBuffer.allocate(5).put((byte) 'Q').putInt(1025).array());
        assertEquals("invalid message length",
                assertInstanceOf(ClientMessage.Malformed.class, channel.readInbound()).message());

        EmbeddedChannel other = new EmbeddedChannel(new FrameDecoder(1024));
        other.writeInbound(Unpooled.wrappedBuffer(FrontendMessages.startup(Map.of("user", "u"))));
        other.readInbound();
        other.writeInbound(Unpooled.wrappedBuffer(ByteBuffer.allocate(5).put((byte) 'Q').putInt(-7).array()));
        assertInstanceOf(ClientMessage.Malformed.class, other.readInbound());
    }

    @Test
    void malformedBodies() {
        feed(FrontendMessages.startup(Map.of("user", "u")));
        channel.readInbound();
        // Query without NUL terminator
        feed(FrontendMessages.typed('Q', "SELECT 1".getBytes()));
        assertEquals("invalid string in message",
                assertInstanceOf(ClientMessage.Malformed.class, channel.readInbound()).message());
    }

    @Test
    void unknownMessageType() {
        feed(FrontendMessages.startup(Map.of("user", "u")));
        channel.readInbound();
        feed(FrontendMessages.typed('!', new byte[0]));
        assertEquals("invalid frontend message type 33",
                assertInstanceOf(ClientMessage.Malformed.class, channel.readInbound()).message());
    }

    @Test
    void bindWithBinaryAndNullParameters() {
        feed(FrontendMessages.startup(Map.of("user", "u")));
        channel.readInbound();
        ByteBuffer b = ByteBuffer.allocate(64);
        b.put("p1\0s1\0".getBytes());
        b.putShort((short) 1).putShort((short) 1); // one format: binary for all
        b.putShort((short) 2).putInt(3).put(new byte[] {1, 2, 3}).putInt(-1);
        b.putShort((short) 1).putShort((short) 1);
        byte[] body = new byte[b.position()];
        b.flip().get(body);
        feed(FrontendMessages.typed('B', body));
        ClientMessage.Bind bind = assertInstanceOf(ClientMessage.Bind.class, channel.readInbound());
        assertEquals("p1", bind.portalName());
        assertEquals("s1", bind.statementName());
        assertArrayEquals(new byte[] {1, 2, 3}, bind.parameters().get(0));
        assertNull(bind.parameters().get(1));
        assertArrayEquals(new short[] {1}, bind.resultFormats());
    }

    @Test
    void bindWithImpossibleParameterCount() {
        feed(FrontendMessages.startup(Map.of("user", "u")));
        channel.readInbound();
        byte[] body = ByteBuffer.allocate(8).put("\0\0".getBytes()).putShort((short) 0).putShort((short) 30000)
                .array();
        feed(FrontendMessages.typed('B', body));
        assertEquals("insufficient data left in message",
                assertInstanceOf(ClientMessage.Malformed.class, channel.readInbound()).message());
    }
}
