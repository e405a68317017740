package io.pgsight.sql.engine;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.api.StatementSink;
import io.pgsight.sql.ast.Command;
import io.pgsight.sql.ast.Identifier;
import io.pgsight.sql.ast.Option;
import io.pgsight.sql.catalog.Column;
import io.pgsight.sql.catalog.Table;
import io.pgsight.sql.exec.EvalContext;
import io.pgsight.sql.exec.ExecContext;
import io.pgsight.sql.exec.PlanNode;
import io.pgsight.sql.exec.TableWriter;
import io.pgsight.sql.plan.QueryPlanner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** COPY t FROM STDIN and COPY t|(query) TO STDOUT in text and CSV formats. */
final class CopyCommand {
    private final CommandRunner runner;

    CopyCommand(CommandRunner runner) {
        this.runner = runner;
    }

    private record Format(boolean csv, String delimiter, String nullString, boolean header, char quote) {
    }

    private static Format format(List<Option> options) {
        boolean csv = false;
        String delim = null;
        String nul = null;
        boolean header = false;
        char quote = '"';
        for (Option o : options) {
            switch (o.name()) {
                case "format" -> {
                    String f = o.valueText().toLowerCase(java.util.Locale.ROOT);
                    if (f.equals("binary")) {
                        throw new SqlException("0A000", "COPY BINARY is not supported yet");
                    }
                    if (!f.equals("csv") && !f.equals("text")) {
                        throw new SqlException("22023", "COPY format \"" + f + "\" not recognized").withPosition(o.location());
                    }
                    csv = f.equals("csv");
                }
                case "delimiter" -> delim = o.valueText();
                case "null" -> nul = o.valueText();
                case "header" -> header = o.value() == null || Boolean.TRUE.equals(
                        io.pgsight.sql.settings.SettingValues.parseBool(o.valueText()));
                case "quote" -> quote = o.valueText().charAt(0);
                default -> {
                }
            }
        }
        if (delim == null) {
            delim = csv ? "," : "\t";
        }
        if (nul == null) {
            nul = csv ? "" : "\\N";
        }
        return new Format(csv, delim, nul, header, quote);
    }

    void run(Command.Copy c, StatementSink sink) {
        if (c.file() != null) {
            throw new SqlException("42501", "must be superuser or have privileges of the pg_read_server_files role to COPY from a file")
                    .withHint("Anyone can COPY to stdout or from stdin. psql's \\copy command also works for anyone.");
        }
        Format f = format(c.options());
        if (c.from()) {
            copyIn(c, f, sink);
        } else {
            copyOut(c, f, sink);
        }
    }

    private Table table(Command.Copy c) {
        Table t = runner.session().catalog().relation(c.table().schema(), c.table().name(),
                io.pgsight.sql.catalog.SearchPath.of(runner.session().settings()));
        if (t == null) {
            throw new SqlException("42P01", "relation \"" + c.table().dotted() + "\" does not exist");
        }
        return t;
    }

    private List<Column> columns(Table t, List<Identifier> ids) {
        if (ids.isEmpty()) {
            return t.liveColumns();
        }
        List<Column> out = new ArrayList<>();
        for (Identifier id : ids) {
            Column c = t.column(id.name());
            if (c == null) {
                throw new SqlException("42703", "column \"" + id.name() + "\" of relation \"" + t.name() + "\" does not exist");
            }
            out.add(c);
        }
        return out;
    }

    private void copyIn(Command.Copy c, Format f, StatementSink sink) {
        Table t = table(c);
        List<Column> cols = columns(t, c.columns());
        ExecContext ctx = runner.context(null);
        TableWriter w = new TableWriter(t, ctx);
        EvalContext ec = new EvalContext(ctx, new Object[0], null);
        long n = 0;
        int lineNo = 0;
        try (InputStream in = sink.copyIn(false, cols.size())) {
            CopyLineReader lines = new CopyLineReader(in, f.csv(), f.quote());
            for (String line = lines.next(); line != null; line = lines.next()) {
                lineNo++;
                if (lineNo == 1 && f.header()) {
                    continue;
                }
                if (!f.csv() && line.equals("\\.")) {
                    break;
                }
                insertLine(t, cols, f, line, lineNo, ctx, ec, w);
                n++;
            }
        } catch (IOException e) {
            throw new SqlException("08P01", "could not read COPY data: " + e.getMessage());
        }
        sink.complete("COPY " + n);
    }

    private static void insertLine(Table t, List<Column> cols, Format f, String line, int lineNo, ExecContext ctx,
                                   EvalContext ec, TableWriter w) {
        List<String> fields = f.csv() ? csvFields(line, f) : textFields(line, f);
        if (fields.size() > cols.size()) {
            throw new SqlException("22P04", "extra data after last expected column")
                    .withContext("COPY " + t.name() + ", line " + lineNo + ": \"" + line + "\"");
        }
        if (fields.size() < cols.size()) {
            throw new SqlException("22P04", "missing data for column \"" + cols.get(fields.size()).name() + "\"")
                    .withContext("COPY " + t.name() + ", line " + lineNo + ": \"" + line + "\"");
        }
        Object[] row = new Object[t.columns().size()];
        boolean[] set = new boolean[row.length];
        for (int i = 0; i < cols.size(); i++) {
            Column col = cols.get(i);
            String v = fields.get(i);
            try {
                row[col.attnum() - 1] = v == null ? null : col.type().applyTypmod(col.type().input(v, col.typmod(), ctx),
                        col.typmod(), false);
            } catch (SqlException e) {
                throw e.withContext("COPY " + t.name() + ", line " + lineNo + ", column " + col.name() + ": \"" + v + "\"");
            }
            set[col.attnum() - 1] = true;
        }
        for (Column col : t.columns()) {
            if (!set[col.attnum() - 1] && !col.dropped() && col.defaultExpr() != null) {
                row[col.attnum() - 1] = col.defaultExpr().eval(ec);
            }
        }
        w.insert(row);
    }

    private static List<String> textFields(String line, Format f) {
        char d = f.delimiter().charAt(0);
        if (line.indexOf('\\') < 0) {
            // nothing to unescape: the fields are plain slices of the line
            List<String> out = new ArrayList<>(4);
            int start = 0;
            while (true) {
                int end = line.indexOf(d, start);
                String field = line.substring(start, end < 0 ? line.length() : end);
                out.add(field.equals(f.nullString()) ? null : field);
                if (end < 0) {
                    return out;
                }
                start = end + 1;
            }
        }
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        StringBuilder raw = new StringBuilder();
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || line.charAt(i) == d) {
                out.add(raw.toString().equals(f.nullString()) ? null : sb.toString());
                sb.setLength(0);
                raw.setLength(0);
                continue;
            }
            char ch = line.charAt(i);
            raw.append(ch);
            if (ch == '\\' && i + 1 < line.length()) {
                char n = line.charAt(++i);
                raw.append(n);
                switch (n) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'v' -> sb.append('\u000b');
                    case 'N' -> sb.append("\\N");
                    default -> sb.append(n);
                }
            } else {
                sb.append(ch);
            }
        }
        return out;
    }

    private static List<String> csvFields(String line, Format f) {
        List<String> out = new ArrayList<>();
        char d = f.delimiter().charAt(0);
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        boolean inQuote = false;
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || (line.charAt(i) == d && !inQuote)) {
                String v = sb.toString();
                out.add(!quoted && v.equals(f.nullString()) ? null : v);
                sb.setLength(0);
                quoted = false;
                continue;
            }
            char ch = line.charAt(i);
            if (ch == f.quote()) {
                if (inQuote && i + 1 < line.length() && line.charAt(i + 1) == f.quote()) {
                    sb.append(ch);
                    i++;
                } else {
                    inQuote = !inQuote;
                    quoted = true;
                }
            } else {
                sb.append(ch);
            }
        }
        return out;
    }

    private void copyOut(Command.Copy c, Format f, StatementSink sink) {
        PlanNode plan;
        QueryPlanner qp = runner.planner(List.of());
        if (c.query() != null) {
            plan = qp.planQuery(c.query(), null);
        } else {
            Table t = table(c);
            StringBuilder sb = new StringBuilder("SELECT ");
            List<Column> cols = columns(t, c.columns());
            for (int i = 0; i < cols.size(); i++) {
                sb.append(i > 0 ? ", " : "").append('"').append(cols.get(i).name().replace("\"", "\"\"")).append('"');
            }
            sb.append(" FROM \"").append(t.schema()).append("\".\"").append(t.name().replace("\"", "\"\"")).append('"');
            plan = qp.planQuery((io.pgsight.sql.ast.Query) io.pgsight.sql.plan.ExpressionText.statements(sb.toString())
                    .get(0).command(), null);
        }
        ExecContext ctx = runner.context(null);
        long n = 0;
        try (OutputStream out = sink.copyOut(false, plan.columns().size());
             PlanNode.RowSource rs = plan.open(new EvalContext(ctx, null, null))) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            if (f.header() && f.csv()) {
                List<String> names = plan.columns().stream().map(PlanNode.OutputColumn::name).toList();
                buf.writeBytes((String.join(f.delimiter(), names) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            for (Object[] r = rs.next(); r != null; r = rs.next()) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < r.length; i++) {
                    if (i > 0) {
                        line.append(f.delimiter());
                    }
                    if (r[i] == null) {
                        line.append(f.nullString());
                        continue;
                    }
                    String v = plan.columns().get(i).type().output(r[i], ctx);
                    line.append(f.csv() ? csvQuote(v, f) : textEscape(v, f));
                }
                line.append('\n');
                buf.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
                n++;
                if (buf.size() > 65536) {
                    out.write(buf.toByteArray());
                    buf.reset();
                }
            }
            out.write(buf.toByteArray());
        } catch (IOException e) {
            throw new SqlException("08006", "could not send COPY data: " + e.getMessage());
        }
        sink.complete("COPY " + n);
    }

    private static String textEscape(String v, Format f) {
        StringBuilder sb = new StringBuilder();
        for (char ch : v.toCharArray()) {
            switch (ch) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (f.delimiter().charAt(0) == ch) {
                        sb.append('\\');
                    }
                    sb.append(ch);
                }
            }
        }
        return sb.toString();
    }

    private static String csvQuote(String v, Format f) {
        boolean need = v.isEmpty() || v.contains(f.delimiter()) || v.indexOf(f.quote()) >= 0 || v.contains("\n")
                || v.contains("\r");
        if (!need) {
            return v;
        }
        String q = String.valueOf(f.quote());
        return q + v.replace(q, q + q) + q;
    }
}
