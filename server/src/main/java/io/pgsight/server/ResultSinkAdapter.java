package io.pgsight.server;

import io.pgsight.pgwire.backend.ResultSink;
import io.pgsight.sql.api.ResultColumn;
import io.pgsight.sql.api.StatementSink;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/** Lets the engine write into the wire's result sink. */
final class ResultSinkAdapter implements StatementSink {
    private final ResultSink sink;

    ResultSinkAdapter(ResultSink sink) {
        this.sink = sink;
    }

    @Override
    public void columns(List<ResultColumn> columns) {
        sink.rowDescription(Columns.toWire(columns));
    }

    @Override
    public void row(byte[][] values) {
        sink.row(values);
    }

    @Override
    public void complete(String tag) {
        sink.commandComplete(tag);
    }

    @Override
    public void emptyQuery() {
        sink.emptyQuery();
    }

    @Override
    public InputStream copyIn(boolean binary, int columnCount) {
        return sink.copyIn(binary, columnCount);
    }

    @Override
    public OutputStream copyOut(boolean binary, int columnCount) {
        return sink.copyOut(binary, columnCount);
    }
}
