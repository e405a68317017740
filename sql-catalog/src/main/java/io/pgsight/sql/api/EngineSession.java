package io.pgsight.sql.api;

import java.util.List;
import java.util.Map;

/** One client's session: settings, transaction state, prepared statements. */
public interface EngineSession extends AutoCloseable {
    /** Settings reported to the client at start-up (server_version, server_encoding, DateStyle ...). */
    Map<String, String> reportedSettings();

    /** Runs a query string of one or more statements; stops at the first error and throws it. */
    void execute(String sql, StatementSink sink);

    /** Parses and analyses one statement; {@code parameterTypes} may be shorter than needed, 0 = infer. */
    PreparedQuery prepare(String sql, int[] parameterTypes);

    /** Binds raw parameter bytes (text or binary per format codes, protocol rules for short arrays). */
    BoundQuery bind(PreparedQuery query, List<byte[]> parameters, short[] parameterFormats, short[] resultFormats);

    /** 'I' idle, 'T' in transaction block, 'E' failed transaction block. */
    char transactionStatus();

    /** The session's idle_in_transaction_session_timeout in milliseconds (0 = none), for the wire layer. */
    default long idleInTransactionTimeoutMillis() {
        return 0;
    }

    /** End of an extended-protocol batch (Sync): commits an implicit transaction. */
    void sync();

    /** Cancels the running statement (it fails with 57014). Any thread. */
    void cancel();

    @Override
    void close();
}
