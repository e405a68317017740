package io.pgsight.pgwire.protocol;

import java.nio.charset.StandardCharsets;

/** A bounds-checked reader over one message body; every overrun is a {@link ProtocolViolation}. */
final class MessageBody {
    private final byte[] bytes;
    private int position;

    MessageBody(byte[] bytes) {
        this.bytes = bytes;
    }

    int remaining() {
        return bytes.length - position;
    }

    byte readByte() {
        require(1);
        return bytes[position++];
    }

    short readShort() {
        require(2);
        short v = (short) (((bytes[position] & 0xFF) << 8) | (bytes[position + 1] & 0xFF));
        position += 2;
        return v;
    }

    int readInt() {
        require(4);
        int v = ((bytes[position] & 0xFF) << 24) | ((bytes[position + 1] & 0xFF) << 16)
                | ((bytes[position + 2] & 0xFF) << 8) | (bytes[position + 3] & 0xFF);
        position += 4;
        return v;
    }

    byte[] readBytes(int n) {
        if (n < 0) {
            throw new ProtocolViolation("invalid message format");
        }
        require(n);
        byte[] out = new byte[n];
        System.arraycopy(bytes, position, out, 0, n);
        position += n;
        return out;
    }

    /** A NUL-terminated UTF-8 string. */
    String readCString() {
        for (int i = position; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                String s = new String(bytes, position, i - position, StandardCharsets.UTF_8);
                position = i + 1;
                return s;
            }
        }
        throw new ProtocolViolation("invalid string in message");
    }

    /** Count fields must not be negative and must fit in what is left (each item needs at least minBytes). */
    int readCount(int minBytesPerItem) {
        int n = readShort() & 0xFFFF;
        if ((long) n * minBytesPerItem > remaining()) {
            throw new ProtocolViolation("insufficient data left in message");
        }
        return n;
    }

    void expectEnd() {
        if (position != bytes.length) {
            throw new ProtocolViolation("invalid message format");
        }
    }

    private void require(int n) {
        if (n > bytes.length - position) {
            throw new ProtocolViolation("insufficient data left in message");
        }
    }
}
