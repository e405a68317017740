package io.pgsight.server;

import io.pgsight.pgwire.backend.BackendSession;
import io.pgsight.pgwire.backend.ColumnDescription;
import io.pgsight.pgwire.backend.PortalHandle;
import io.pgsight.pgwire.backend.PreparedStatementHandle;
import io.pgsight.pgwire.backend.ResultSink;
import io.pgsight.sql.api.BoundQuery;
import io.pgsight.sql.api.EngineSession;
import io.pgsight.sql.api.PreparedQuery;
import io.pgsight.sql.api.SqlException;

import java.util.List;
import java.util.Map;

/** One engine session behind the wire contract; every engine error becomes a BackendError. */
final class EngineBackendSession implements BackendSession {
    private final EngineSession session;

    EngineBackendSession(EngineSession session) {
        this.session = session;
    }

    @Override
    public Map<String, String> parameterStatus() {
        return session.reportedSettings();
    }

    @Override
    public void simpleQuery(String sql, ResultSink sink) {
        try {
            session.execute(sql, new ResultSinkAdapter(sink));
        } catch (SqlException e) {
            throw SqlErrors.toBackendError(e);
        }
    }

    @Override
    public PreparedStatementHandle prepare(String sql, int[] paramTypeOids) {
        try {
            return new Prepared(session.prepare(sql, paramTypeOids));
        } catch (SqlException e) {
            throw SqlErrors.toBackendError(e);
        }
    }

    @Override
    public PortalHandle bind(PreparedStatementHandle statement, List<byte[]> params, short[] paramFormats,
                             short[] resultFormats) {
        try {
            return new Portal(session.bind(((Prepared) statement).query, params, paramFormats, resultFormats));
        } catch (SqlException e) {
            throw SqlErrors.toBackendError(e);
        }
    }

    @Override
    public long idleInTransactionTimeoutMillis() {
        return session.idleInTransactionTimeoutMillis();
    }

    @Override
    public char transactionStatus() {
        return session.transactionStatus();
    }

    @Override
    public void sync() {
        try {
            session.sync();
        } catch (SqlException e) {
            throw SqlErrors.toBackendError(e);
        }
    }

    @Override
    public void cancel() {
        session.cancel();
    }

    @Override
    public void close() {
        session.close();
    }

    private static final class Prepared implements PreparedStatementHandle {
        private final PreparedQuery query;

        Prepared(PreparedQuery query) {
            this.query = query;
        }

        @Override
        public int[] parameterTypes() {
            return query.parameterTypes();
        }

        @Override
        public List<ColumnDescription> describe() {
            try {
                return Columns.toWire(query.columns());
            } catch (SqlException e) {
                throw SqlErrors.toBackendError(e);
            }
        }

        @Override
        public void close() {
            query.close();
        }
    }

    private static final class Portal implements PortalHandle {
        private final BoundQuery query;

        Portal(BoundQuery query) {
            this.query = query;
        }

        @Override
        public List<ColumnDescription> describe() {
            try {
                return Columns.toWire(query.columns());
            } catch (SqlException e) {
                throw SqlErrors.toBackendError(e);
            }
        }

        @Override
        public String execute(int maxRows, ResultSink sink) {
            try {
                return query.execute(maxRows, new ResultSinkAdapter(sink));
            } catch (SqlException e) {
                throw SqlErrors.toBackendError(e);
            }
        }

        @Override
        public void close() {
            query.close();
        }
    }
}
