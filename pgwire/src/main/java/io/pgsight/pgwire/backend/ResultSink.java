package io.pgsight.pgwire.backend;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * Where a session writes the results of a simple-query string, statement by statement. Rows are
 * already encoded (text format for simple query). {@code row} may block while the client is slow
 * to read (backpressure).
 */
public interface ResultSink {
    void rowDescription(List<ColumnDescription> columns);

    void row(byte[][] values);

    /** CommandComplete with a tag such as {@code SELECT 3}, {@code INSERT 0 1}. */
    void commandComplete(String tag);

    /** EmptyQueryResponse, for an empty statement string. */
    void emptyQuery();

    /**
     * COPY ... FROM STDIN: sends CopyInResponse and returns a stream of the CopyData bytes, ending at
     * CopyDone. A CopyFail from the client makes reads throw a {@link BackendError} 57014
     * "COPY from stdin failed: ...". The caller then sends commandComplete("COPY n").
     */
    InputStream copyIn(boolean binary, int columnCount);

    /** COPY ... TO STDOUT: sends CopyOutResponse; bytes written become CopyData; close() sends CopyDone. */
    OutputStream copyOut(boolean binary, int columnCount);
}
