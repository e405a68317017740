package io.pgsight.sql.engine;

import io.pgsight.sql.api.EngineSession;
import io.pgsight.sql.api.ResultColumn;
import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.api.StatementSink;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a psql script the way {@code psql -a -q -f} does for the simple scripts of the compat corpus:
 * echoes each input line, sends a statement when a line ends it with a semicolon, prints results,
 * notices and errors in psql's format.
 */
final class PsqlScriptRunner {
    private final EngineSession session;
    private final String file;
    private final StringBuilder out = new StringBuilder();
    private final List<SqlException> notices;

    PsqlScriptRunner(EngineSession session, String file, List<SqlException> notices) {
        this.session = session;
        this.file = file;
        this.notices = notices;
    }

    String run(String script) {
        String[] lines = script.split("\n", -1);
        StringBuilder stmt = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i == lines.length - 1 && line.isEmpty()) {
                break;
            }
            out.append(line).append('\n');
            if (stmt.length() == 0 && (line.trim().startsWith("--") || line.isBlank())) {
                continue;
            }
            stmt.append(stmt.length() == 0 ? "" : "\n").append(line);
            if (endsStatement(stmt.toString())) {
                String sql = stmt.toString();
                stmt.setLength(0);
                execute(sql, i + 1);
            }
        }
        return out.toString();
    }

    private static final java.util.regex.Pattern DOLLAR_TAG = java.util.regex.Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)?\\$");

    /** Whether the text ends a statement: a ';' outside quotes and dollar-quoted strings ($$ or $tag$). */
    private static boolean endsStatement(String s) {
        boolean inQuote = false;
        String dollarTag = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (dollarTag == null && c == '\'') {
                inQuote = !inQuote;
            } else if (!inQuote && c == '$') {
                if (dollarTag != null) {
                    if (s.startsWith(dollarTag, i)) {
                        i += dollarTag.length() - 1;
                        dollarTag = null;
                    }
                } else {
                    java.util.regex.Matcher m = DOLLAR_TAG.matcher(s).region(i, s.length());
                    if (m.lookingAt() && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)))) {
                        dollarTag = m.group();
                        i += dollarTag.length() - 1;
                    }
                }
            }
        }
        return !inQuote && dollarTag == null && s.trim().endsWith(";");
    }

    private void execute(String sql, int lineNo) {
        String body = sql.trim();
        body = body.substring(0, body.length() - 1);
        List<ResultColumn>[] cols = new List[1];
        List<byte[][]> rows = new ArrayList<>();
        try {
            session.execute(sql, new StatementSink() {
                @Override
                public void columns(List<ResultColumn> c) {
                    cols[0] = c;
                    rows.clear();
                }

                @Override
                public void row(byte[][] values) {
                    rows.add(values);
                }

                @Override
                public void complete(String tag) {
                    flushNotices(lineNo);
                    if (cols[0] != null) {
                        out.append(PsqlPrinter.table(cols[0], rows));
                    }
                    cols[0] = null;
                }

                @Override
                public void emptyQuery() {
                }

                @Override
                public InputStream copyIn(boolean binary, int columnCount) {
                    return InputStream.nullInputStream();
                }

                @Override
                public OutputStream copyOut(boolean binary, int columnCount) {
                    return OutputStream.nullOutputStream();
                }
            });
        } catch (SqlException e) {
            flushNotices(lineNo);
            out.append(PsqlPrinter.error(file, lineNo, sql, e));
        }
        flushNotices(lineNo);
    }

    private void flushNotices(int lineNo) {
        for (SqlException n : notices) {
            out.append(PsqlPrinter.notice(file, lineNo, n));
        }
        notices.clear();
    }
}
