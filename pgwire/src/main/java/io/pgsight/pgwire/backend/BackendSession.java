package io.pgsight.pgwire.backend;

import java.util.List;
import java.util.Map;

/** One client's session with the SQL engine. See the package doc for threading rules. */
public interface BackendSession extends AutoCloseable {
    /** ParameterStatus values to send after authentication (server_version, DateStyle, ...). */
    Map<String, String> parameterStatus();

    /**
     * Runs a simple-query string (possibly several statements). Errors are thrown as
     * {@link BackendError}; statements before the failing one have already reported through the sink.
     */
    void simpleQuery(String sql, ResultSink sink);

    /** Parse: {@code paramTypeOids} may be shorter than the number of parameters; 0 means unspecified. */
    PreparedStatementHandle prepare(String sql, int[] paramTypeOids);

    /**
     * Bind: {@code params} holds raw values (null for SQL NULL); {@code paramFormats} and
     * {@code resultFormats} follow the protocol's rules (empty = all text, one = applies to all).
     */
    PortalHandle bind(PreparedStatementHandle statement, List<byte[]> params, short[] paramFormats,
                      short[] resultFormats);

    /** 'I' idle, 'T' in a transaction block, 'E' in a failed transaction block. */
    char transactionStatus();

    /** idle_in_transaction_session_timeout in milliseconds; 0 disables it. */
    default long idleInTransactionTimeoutMillis() {
        return 0;
    }

    /** Called at Sync in the extended protocol: ends an implicit transaction. */
    void sync();

    /** Cancels the statement running now, if any (it fails with 57014). Thread-safe. */
    void cancel();

    /** The connection is gone: roll back and release everything. */
    @Override
    void close();
}
