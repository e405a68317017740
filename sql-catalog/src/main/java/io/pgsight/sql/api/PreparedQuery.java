package io.pgsight.sql.api;

import java.util.List;

/** A parsed, analysed statement with parameters $1..$n. */
public interface PreparedQuery {
    int[] parameterTypes();

    /** Result columns (text format), or null when the statement returns no rows. */
    List<ResultColumn> columns();

    void close();
}
