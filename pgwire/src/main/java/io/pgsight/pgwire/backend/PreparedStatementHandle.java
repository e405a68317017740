package io.pgsight.pgwire.backend;

import java.util.List;

/** A parsed statement (extended protocol Parse). */
public interface PreparedStatementHandle {
    /** Parameter type OIDs after inference (ParameterDescription). */
    int[] parameterTypes();

    /** The result columns with text format codes, or null when the statement returns no rows (NoData). */
    List<ColumnDescription> describe();

    void close();
}
