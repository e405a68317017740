package io.pgsight.pgwire.server;

import io.pgsight.pgwire.backend.BackendError;
import io.pgsight.pgwire.protocol.ClientMessage;
import io.pgsight.pgwire.protocol.ClientMessageParser;

import java.io.InputStream;

/**
 * COPY FROM STDIN data as a stream: CopyData payloads in order, end of stream at CopyDone. Flush and
 * Sync are ignored in copy mode (as PostgreSQL does); CopyFail and other messages end the copy with
 * an error.
 */
final class CopyInStream extends InputStream {
    private final ConnectionInbox inbox;
    private byte[] chunk = new byte[0];
    private int offset;
    private boolean ended;

    CopyInStream(ConnectionInbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        while (offset >= chunk.length) {
            if (ended || !nextChunk()) {
                return -1;
            }
        }
        int n = Math.min(len, chunk.length - offset);
        System.arraycopy(chunk, offset, b, off, n);
        offset += n;
        return n;
    }

    @Override
    public int available() {
        return chunk.length - offset;
    }

    /** Reads and drops everything up to CopyDone/CopyFail. */
    void drainToEnd() {
        try {
            while (!ended) {
                offset = chunk.length;
                nextChunk();
            }
        } catch (BackendError ignored) {
            // CopyFail after the backend finished: nothing left to fail.
        }
    }

    private boolean nextChunk() {
        while (true) {
            ClientMessage message = inbox.take();
            if (message instanceof ClientMessage.CopyData data) {
                chunk = data.data();
                offset = 0;
                return true;
            } else if (message instanceof ClientMessage.CopyDone) {
                ended = true;
                return false;
            } else if (message instanceof ClientMessage.CopyFail fail) {
                ended = true;
                throw new BackendError("ERROR", "57014", "COPY from stdin failed: " + fail.message());
            } else if (message instanceof ClientMessage.Flush || message instanceof ClientMessage.Sync) {
                continue;
            } else if (message instanceof ClientMessage.ConnectionClosed
                    || message instanceof ClientMessage.Terminate || message instanceof ClientMessage.Malformed) {
                ended = true;
                throw new ConnectionLost();
            } else {
                ended = true;
                throw new BackendError("ERROR", "08P01", String.format(
                        "unexpected message type 0x%02X during COPY from stdin", (int) ClientMessageParser.typeOf(message)));
            }
        }
    }
}
