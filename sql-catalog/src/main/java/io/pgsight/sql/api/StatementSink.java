package io.pgsight.sql.api;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/** Receives one statement's results, already encoded in the requested formats. */
public interface StatementSink {
    void columns(List<ResultColumn> columns);

    /** One row; null entries are SQL NULL. May block (backpressure). */
    void row(byte[][] values);

    /** The command tag: {@code SELECT 2}, {@code INSERT 0 1}, {@code CREATE TABLE} ... */
    void complete(String tag);

    void emptyQuery();

    /** Starts COPY FROM STDIN and returns the client's data; ends at CopyDone. */
    InputStream copyIn(boolean binary, int columnCount);

    /** Starts COPY TO STDOUT; close the stream to finish. */
    OutputStream copyOut(boolean binary, int columnCount);
}
