package io.pgsight.sql.api;

import java.util.List;

/** A prepared query with parameter values: a portal. */
public interface BoundQuery {
    /** Result columns with the formats requested at bind, or null when the statement returns no rows. */
    List<ResultColumn> columns();

    /**
     * Runs or continues; at most {@code maxRows} rows (0 = all) go to {@code sink.row}. Returns the
     * command tag when done, or null when suspended with rows remaining.
     */
    String execute(int maxRows, StatementSink sink);

    void close();
}
