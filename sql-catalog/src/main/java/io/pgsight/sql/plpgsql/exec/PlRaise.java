package io.pgsight.sql.plpgsql.exec;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.plpgsql.PlConditions;
import io.pgsight.sql.plpgsql.PlExpr;
import io.pgsight.sql.plpgsql.PlStatement;
import io.pgsight.sql.spi.PgType;

import java.util.List;
import java.util.Locale;

/** RAISE: builds the message (format with % placeholders, USING options) and reports or throws it. */
final class PlRaise {
    private static final List<String> CLIENT_LEVELS = List.of("debug5", "debug4", "debug3", "debug2", "debug1",
            "log", "notice", "warning", "error");

    private final PlHost host;
    private final PlSql sql;

    PlRaise(PlHost host, PlSql sql, PlVariables vars) {
        this.host = host;
        this.sql = sql;
    }

    void raise(PlStatement.Raise r, SqlException current, String signature) {
        if (r.reraise()) {
            if (current == null) {
                throw new SqlException("0Z002", "RAISE without parameters cannot be used outside an exception handler");
            }
            throw current;
        }
        String level = r.level() == null ? "exception" : r.level();
        String sqlState = null;
        String message = null;
        if (r.conditionName() != null) {
            sqlState = conditionState(r.conditionName());
            message = r.conditionName();
        } else if (r.sqlState() != null) {
            sqlState = r.sqlState();
            message = r.sqlState();
        }
        if (r.format() != null) {
            message = format(r);
        }
        String detail = null;
        String hint = null;
        String[] objects = new String[5]; // schema, table, column, datatype, constraint
        boolean messageSet = r.format() != null;
        boolean codeSet = r.conditionName() != null || r.sqlState() != null;
        for (PlStatement.RaiseOption o : r.options()) {
            Object v = text(o, o.value());
            String s = v == null ? null : v.toString();
            switch (o.name()) {
                case "errcode" -> {
                    if (codeSet) {
                        throw duplicate("ERRCODE");
                    }
                    codeSet = true;
                    if (s == null) {
                        throw new SqlException("22004", "RAISE statement option cannot be null");
                    }
                    sqlState = s.length() == 5 && !PlConditions.isKnown(s) ? checkSqlState(s) : conditionState(s);
                }
                case "message" -> {
                    if (messageSet) {
                        throw duplicate("MESSAGE");
                    }
                    messageSet = true;
                    message = nonNull(s);
                }
                case "detail" -> detail = nonNull(s);
                case "hint" -> hint = nonNull(s);
                case "schema" -> objects[0] = nonNull(s);
                case "table" -> objects[1] = nonNull(s);
                case "column" -> objects[2] = nonNull(s);
                case "datatype" -> objects[3] = nonNull(s);
                case "constraint" -> objects[4] = nonNull(s);
                default -> nonNull(s);
            }
        }
        if (message == null) {
            message = sqlState != null ? sqlState : level.equals("exception") ? "P0001" : "";
            if (r.conditionName() == null && r.sqlState() == null && sqlState == null) {
                message = "";
            }
        }
        if (level.equals("exception")) {
            throw new SqlException("ERROR", sqlState == null ? "P0001" : sqlState, message, detail, hint, 0, null)
                    .withObjectNames(new SqlException.ObjectNames(objects[0], objects[1], objects[2], objects[3],
                            objects[4]));
        }
        String severity = level.equals("debug") ? "DEBUG" : level.toUpperCase(Locale.ROOT);
        if (!sentToClient(level)) {
            return;
        }
        String code = sqlState != null ? sqlState : level.equals("warning") ? "01000" : "00000";
        host.notice(new SqlException(severity, code, message, detail, hint, 0, null));
    }

    private boolean sentToClient(String level) {
        if (level.equals("info")) {
            return true;
        }
        String min = host.setting("client_min_messages");
        int minRank = CLIENT_LEVELS.indexOf(min == null ? "notice" : min.toLowerCase(Locale.ROOT));
        int rank = CLIENT_LEVELS.indexOf(level.equals("debug") ? "debug1" : level);
        return rank >= (minRank < 0 ? 6 : minRank);
    }

    /** The SQLSTATE of a condition name (the first, for names with several like string_data_right_truncation). */
    private static String conditionState(String name) {
        List<String> codes = PlConditions.sqlStates(name);
        if (codes.isEmpty()) {
            throw new SqlException("42704", "unrecognized exception condition \"" + name + "\"");
        }
        return codes.get(0);
    }

    private static String checkSqlState(String s) {
        for (char c : s.toCharArray()) {
            if (!(Character.isDigit(c) || (c >= 'A' && c <= 'Z'))) {
                throw new SqlException("42704", "unrecognized exception condition \"" + s + "\"");
            }
        }
        return s;
    }

    private static String nonNull(String s) {
        if (s == null) {
            throw new SqlException("22004", "RAISE statement option cannot be null");
        }
        return s;
    }

    private static SqlException duplicate(String option) {
        return new SqlException("42601", "RAISE option already specified: " + option);
    }

    private String format(PlStatement.Raise r) {
        StringBuilder sb = new StringBuilder();
        String f = r.format();
        int p = 0;
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c == '%') {
                if (i + 1 < f.length() && f.charAt(i + 1) == '%') {
                    sb.append('%');
                    i++;
                    continue;
                }
                if (p >= r.params().size()) {
                    throw new SqlException("42601", "too few parameters specified for RAISE");
                }
                PlExpr e = r.params().get(p++);
                Object v = text(e, e);
                sb.append(v == null ? "<NULL>" : v);
            } else {
                sb.append(c);
            }
        }
        if (p < r.params().size()) {
            throw new SqlException("42601", "too many parameters specified for RAISE");
        }
        return sb.toString();
    }

    /** A value as its type's output function prints it (what RAISE shows). */
    private Object text(Object key, PlExpr e) {
        PlSql.Source src = PlExecution.expr(e);
        PgType t = sql.typeOf(key, src);
        Object v = sql.eval(key, src, null, -1);
        return v == null ? null : t.output(v, host.context(null));
    }
}
