package io.pgsight.pgwire.backend;

import java.util.List;

/** A bound statement (extended protocol Bind), executed possibly in several Execute steps. */
public interface PortalHandle {
    /** The result columns with the format codes requested at Bind, or null (NoData). */
    List<ColumnDescription> describe();

    /**
     * Runs or continues the portal, writing at most {@code maxRows} rows (0 = all) through
     * {@code sink.row}. Returns the CommandComplete tag, or null when the portal is suspended
     * (PortalSuspended) because maxRows was reached and rows remain. Only row/rowDescription of the
     * sink are used here, plus copyIn/copyOut for COPY.
     */
    String execute(int maxRows, ResultSink sink);

    void close();
}
