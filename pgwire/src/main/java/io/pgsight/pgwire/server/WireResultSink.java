package io.pgsight.pgwire.server;

import io.pgsight.pgwire.backend.ColumnDescription;
import io.pgsight.pgwire.backend.ResultSink;
import io.pgsight.pgwire.protocol.BackendMessages;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes a statement's results as protocol messages. In simple-query mode everything the backend
 * reports goes out; in Execute mode RowDescription is not part of the answer (Describe gives it) and
 * the command tag is the return value of {@code PortalHandle.execute}, so those calls are dropped.
 */
final class WireResultSink implements ResultSink {
    private final OutboundWriter out;
    private final ConnectionInbox inbox;
    private final boolean simpleQuery;
    private boolean emptyQuery;
    private CopyInStream openCopyIn;

    WireResultSink(OutboundWriter out, ConnectionInbox inbox, boolean simpleQuery) {
        this.out = out;
        this.inbox = inbox;
        this.simpleQuery = simpleQuery;
    }

    @Override
    public void rowDescription(List<ColumnDescription> columns) {
        if (simpleQuery) {
            out.write(buf -> BackendMessages.rowDescription(buf, columns));
        }
    }

    @Override
    public void row(byte[][] values) {
        out.write(buf -> BackendMessages.dataRow(buf, values));
    }

    @Override
    public void commandComplete(String tag) {
        finishCopyIn();
        if (simpleQuery) {
            out.write(buf -> BackendMessages.commandComplete(buf, tag));
        }
    }

    @Override
    public void emptyQuery() {
        emptyQuery = true;
        out.write(BackendMessages::emptyQueryResponse);
    }

    boolean sawEmptyQuery() {
        return emptyQuery;
    }

    @Override
    public InputStream copyIn(boolean binary, int columnCount) {
        finishCopyIn();
        out.write(buf -> BackendMessages.copyResponse(buf, true, binary, columnCount));
        out.flush();
        openCopyIn = new CopyInStream(inbox);
        return openCopyIn;
    }

    @Override
    public OutputStream copyOut(boolean binary, int columnCount) {
        out.write(buf -> BackendMessages.copyResponse(buf, false, binary, columnCount));
        return new CopyOutStream(out);
    }

    /**
     * A backend that stopped reading before CopyDone leaves copy messages in flight; consume them so
     * the next statement starts in step with the client.
     */
    void finishCopyIn() {
        if (openCopyIn != null) {
            CopyInStream copy = openCopyIn;
            openCopyIn = null;
            copy.drainToEnd();
        }
    }

    /** After a failed statement: stop treating the client's data as ours (the session ignores it). */
    void abandonCopyIn() {
        openCopyIn = null;
    }
}
