package io.pgsight.pgwire.testing;

import io.pgsight.pgwire.backend.Backend;
import io.pgsight.pgwire.backend.BackendError;
import io.pgsight.pgwire.backend.BackendSession;
import io.pgsight.pgwire.backend.ColumnDescription;
import io.pgsight.pgwire.backend.PortalHandle;
import io.pgsight.pgwire.backend.PreparedStatementHandle;
import io.pgsight.pgwire.backend.ResultSink;
import io.pgsight.pgwire.backend.SessionListener;
import io.pgsight.pgwire.backend.StartupParams;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Protocol test scaffolding, NOT a SQL engine: a backend that understands the fixed statements listed
 * in {@link TestStatement} so the wire layer can be driven by real clients (pgjdbc, psql). All sessions
 * share one list of "items" rows (id, name).
 */
public final class ScriptedTestBackend implements Backend {
    final java.util.Queue<String[]> items = new java.util.concurrent.ConcurrentLinkedQueue<>();
    final AtomicInteger nextId = new AtomicInteger(1);
    public final AtomicInteger openSessions = new AtomicInteger();
    public volatile StartupParams lastStartup;
    /** Backend calls made on a Netty event-loop thread; must stay 0. */
    public final AtomicInteger callsOnEventLoop = new AtomicInteger();
    /** Rows that "SELECT endless()" handed to the sink so far. */
    public final AtomicInteger endlessRowsProduced = new AtomicInteger();

    void checkThread() {
        if (Thread.currentThread().getName().startsWith("pgsight-io")
                || Thread.currentThread().getName().startsWith("pgsight-accept")) {
            callsOnEventLoop.incrementAndGet();
        }
    }

    @Override
    public BackendSession open(StartupParams startup, SessionListener listener) {
        checkThread();
        if (startup.database().equals("nosuchdb")) {
            throw new BackendError("FATAL", "3D000", "database \"nosuchdb\" does not exist");
        }
        lastStartup = startup;
        openSessions.incrementAndGet();
        return new Session(listener);
    }

    public List<String> itemNames() {
        List<String> names = new ArrayList<>();
        for (String[] row : items) {
            names.add(row[1]);
        }
        return names;
    }

    final class Session implements BackendSession {
        private final SessionListener listener;
        private volatile boolean cancelRequested;
        private char status = 'I';

        Session(SessionListener listener) {
            this.listener = listener;
        }

        @Override
        public Map<String, String> parameterStatus() {
            return Map.of("server_version", "15.8", "DateStyle", "ISO, MDY", "client_encoding", "UTF8",
                    "standard_conforming_strings", "on");
        }

        @Override
        public void simpleQuery(String sql, ResultSink sink) {
            checkThread();
            cancelRequested = false;
            List<TestStatement.Segment> statements = TestStatement.split(sql);
            if (statements.isEmpty()) {
                sink.emptyQuery();
                return;
            }
            for (TestStatement.Segment text : statements) {
                TestStatement statement = parse(text);
                List<ColumnDescription> columns = statement.columns(new short[0]);
                if (columns != null) {
                    sink.rowDescription(columns);
                }
                Run run = run(statement, List.of(), new short[0], new short[0], sink);
                for (byte[][] row : run.rows()) {
                    sink.row(row);
                }
                sink.commandComplete(run.tag());
            }
        }

        @Override
        public PreparedStatementHandle prepare(String sql, int[] paramTypeOids) {
            checkThread();
            List<TestStatement.Segment> statements = TestStatement.split(sql);
            if (statements.size() > 1) {
                throw new BackendError("ERROR", "42601", "cannot insert multiple commands into a prepared statement");
            }
            TestStatement statement = statements.isEmpty() ? TestStatement.EMPTY : parse(statements.get(0));
            return new Prepared(statement, statement.parameterTypes(paramTypeOids));
        }

        @Override
        public PortalHandle bind(PreparedStatementHandle prepared, List<byte[]> params, short[] paramFormats,
                                 short[] resultFormats) {
            return new Portal(((Prepared) prepared).statement, java.util.Collections.unmodifiableList(new ArrayList<>(params)), paramFormats,
                    resultFormats);
        }

        @Override
        public char transactionStatus() {
            return status;
        }

        @Override
        public void sync() {
        }

        @Override
        public void cancel() {
            cancelRequested = true;
        }

        @Override
        public void close() {
            openSessions.decrementAndGet();
        }

        private TestStatement parse(TestStatement.Segment text) {
            TestStatement statement = TestStatement.parse(text);
            if (status == 'E' && !statement.endsTransaction()) {
                throw new BackendError("ERROR", "25P02",
                        "current transaction is aborted, commands ignored until end of transaction block");
            }
            return statement;
        }

        private Run run(TestStatement statement, List<byte[]> params, short[] paramFormats, short[] resultFormats,
                        ResultSink sink) {
            try {
                return statement.run(new TestStatement.Context(ScriptedTestBackend.this, listener, sink,
                        () -> cancelRequested, params, paramFormats, resultFormats, this::setStatus, status));
            } catch (BackendError e) {
                if (status == 'T') {
                    status = 'E';
                }
                throw e;
            }
        }

        private void setStatus(char s) {
            status = s;
        }

        private final class Portal implements PortalHandle {
            private final TestStatement statement;
            private final List<byte[]> params;
            private final short[] paramFormats;
            private final short[] resultFormats;
            private Run run;
            private int next;

            Portal(TestStatement statement, List<byte[]> params, short[] paramFormats, short[] resultFormats) {
                this.statement = statement;
                this.params = params;
                this.paramFormats = paramFormats;
                this.resultFormats = resultFormats;
            }

            @Override
            public List<ColumnDescription> describe() {
                return statement.columns(resultFormats);
            }

            @Override
            public String execute(int maxRows, ResultSink sink) {
                checkThread();
                if (run == null) {
                    cancelRequested = false;
                    if (status == 'E' && !statement.endsTransaction()) {
                        throw new BackendError("ERROR", "25P02",
                                "current transaction is aborted, commands ignored until end of transaction block");
                    }
                    run = Session.this.run(statement, params, paramFormats, resultFormats, sink);
                }
                int end = maxRows == 0 ? run.rows().size() : Math.min(run.rows().size(), next + maxRows);
                for (; next < end; next++) {
                    sink.row(run.rows().get(next));
                }
                return next < run.rows().size() ? null : run.tag();
            }

            @Override
            public void close() {
            }
        }
    }

    private record Prepared(TestStatement statement, int[] types) implements PreparedStatementHandle {
        @Override
        public int[] parameterTypes() {
            return types;
        }

        @Override
        public List<ColumnDescription> describe() {
            return statement.columns(new short[0]);
        }

        @Override
        public void close() {
        }
    }


    /** What one execution produced. */
    record Run(List<byte[][]> rows, String tag) {
    }

    static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
