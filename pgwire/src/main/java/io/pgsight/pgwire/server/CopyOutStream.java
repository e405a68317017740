package io.pgsight.pgwire.server;

import io.pgsight.pgwire.protocol.BackendMessages;

import java.io.OutputStream;

/** COPY TO STDOUT: each write becomes one CopyData message; close() sends CopyDone. */
final class CopyOutStream extends OutputStream {
    private final OutboundWriter out;
    private boolean closed;

    CopyOutStream(OutboundWriter out) {
        this.out = out;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        if (closed) {
            throw new IllegalStateException("COPY TO STDOUT stream already closed");
        }
        if (len > 0) {
            out.write(buf -> BackendMessages.copyData(buf, b, off, len));
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            out.write(BackendMessages::copyDone);
        }
    }
}
