package io.pgsight.server;

import io.pgsight.sql.api.BoundQuery;
import io.pgsight.sql.api.Engine;
import io.pgsight.sql.api.EngineSession;
import io.pgsight.sql.api.NoticeListener;
import io.pgsight.sql.api.PreparedQuery;
import io.pgsight.sql.api.ResultColumn;
import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.api.StatementSink;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Adapter test scaffolding, NOT a SQL engine: an {@link Engine} that answers a handful of fixed
 * strings, so the server's engine-to-wire adapter can be tested before the real engine exists.
 * "fail" throws a fully populated error, "notice" emits a notice, "set" reports a setting change,
 * "begin"/"commit"/"rollback" only answer their tag,
 * "series N" returns N rows, anything else returns one row with the value 42.
 */
final class ScriptedTestEngine implements Engine {
    static final List<ResultColumn> ONE_INT = List.of(new ResultColumn("x", 16384, (short) 2, 23, (short) 4, -1,
            (short) 0));

    @Override
    public EngineSession openSession(String user, String database, Map<String, String> options,
                                     NoticeListener listener) {
        if (database.equals("nosuchdb")) {
            throw new SqlException("FATAL", "3D000", "database \"nosuchdb\" does not exist", null, null, 0, null);
        }
        return new Session(listener);
    }

    @Override
    public void close() {
    }

    private record TextQuery(String text) implements PreparedQuery {
        @Override
        public int[] parameterTypes() {
            return text.contains("$1") ? new int[] {23} : new int[0];
        }

        @Override
        public List<ResultColumn> columns() {
            return NO_ROWS.contains(text.toLowerCase()) ? null : ONE_INT;
        }

        @Override
        public void close() {
        }
    }

    /** Statements answered with just their tag. */
    private static final java.util.Set<String> NO_ROWS = java.util.Set.of("set", "begin", "commit", "rollback");

    private static final class Session implements EngineSession {
        private final NoticeListener listener;
        private char status = 'I';

        Session(NoticeListener listener) {
            this.listener = listener;
        }

        @Override
        public Map<String, String> reportedSettings() {
            return Map.of("server_version", "15.8", "DateStyle", "ISO, MDY", "TimeZone", "UTC");
        }

        @Override
        public void execute(String sql, StatementSink sink) {
            String text = sql.strip();
            failIfAsked(text);
            if (text.equals("notice")) {
                listener.notice(SqlException.notice("just so you know"));
            }
            if (NO_ROWS.contains(text.toLowerCase())) {
                if (text.equals("set")) {
                    listener.reportedSettingChanged("application_name", "changed");
                }
                if (!text.equals("set")) {
                    status = text.equalsIgnoreCase("begin") ? 'T' : 'I';
                }
                sink.complete(text.toUpperCase());
                return;
            }
            sink.columns(ONE_INT);
            sink.row(new byte[][] {"42".getBytes(StandardCharsets.UTF_8)});
            sink.complete("SELECT 1");
        }

        @Override
        public PreparedQuery prepare(String sql, int[] parameterTypes) {
            String text = sql.strip();
            failIfAsked(text);
            return new TextQuery(text);
        }

        @Override
        public BoundQuery bind(PreparedQuery query, List<byte[]> parameters, short[] parameterFormats,
                               short[] resultFormats) {
            boolean series = !parameters.isEmpty();
            int total = !series ? 0 : parameterFormats.length > 0 && parameterFormats[0] == 1
                    ? java.nio.ByteBuffer.wrap(parameters.get(0)).getInt()
                    : Integer.parseInt(new String(parameters.get(0), StandardCharsets.UTF_8));
            return new BoundQuery() {
                private int sent;

                @Override
                public List<ResultColumn> columns() {
                    return query.columns();
                }

                @Override
                public String execute(int maxRows, StatementSink sink) {
                    if (!series) {
                        return executeOnce(((TextQuery) query).text(), sink);
                    }
                    int end = maxRows == 0 ? total : Math.min(total, sent + maxRows);
                    for (; sent < end; sent++) {
                        sink.row(new byte[][] {Integer.toString(sent + 1).getBytes(StandardCharsets.UTF_8)});
                    }
                    return sent < total ? null : "SELECT " + total;
                }

                @Override
                public void close() {
                }
            };
        }

        /** Runs a non-series statement through the simple path and returns its tag. */
        private String executeOnce(String text, StatementSink sink) {
            String[] tag = new String[1];
            execute(text, new StatementSink() {
                @Override
                public void columns(List<ResultColumn> columns) {
                }

                @Override
                public void row(byte[][] values) {
                    sink.row(values);
                }

                @Override
                public void complete(String t) {
                    tag[0] = t;
                }

                @Override
                public void emptyQuery() {
                    sink.emptyQuery();
                }

                @Override
                public java.io.InputStream copyIn(boolean binary, int columnCount) {
                    return sink.copyIn(binary, columnCount);
                }

                @Override
                public java.io.OutputStream copyOut(boolean binary, int columnCount) {
                    return sink.copyOut(binary, columnCount);
                }
            });
            return tag[0];
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
        }

        @Override
        public void close() {
        }

        private void failIfAsked(String text) {
            if (text.equals("fail")) {
                throw new SqlException("ERROR", "42703", "column \"nope\" does not exist", "some detail",
                        "Perhaps you meant to reference the column \"t.note\".", 8, "SQL function \"f\" statement 1");
            }
        }
    }
}
