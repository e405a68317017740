package io.pgsight.pgwire.testing;

import io.pgsight.pgwire.backend.BackendError;
import io.pgsight.pgwire.backend.ColumnDescription;
import io.pgsight.pgwire.backend.ResultSink;
import io.pgsight.pgwire.backend.SessionListener;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Protocol test scaffolding: the fixed statements {@link ScriptedTestBackend} understands, matched by
 * regular expressions. Anything else is a syntax error at its first word, which exercises the error
 * position field.
 */
record TestStatement(Kind kind, Matcher match, int offset) {
    enum Kind {
        EMPTY, SELECT_ONE, SERIES, SLEEP, ECHO, DIVIDE_BY_ZERO, BEGIN, COMMIT, ROLLBACK, INSERT, SELECT_ITEMS,
        COPY_IN, COPY_OUT, SET, NOTICE, ENDLESS
    }

    static final TestStatement EMPTY = new TestStatement(Kind.EMPTY, null, 0);

    private static final Map<Kind, Pattern> PATTERNS = new LinkedHashMap<>();

    static {
        p(Kind.SELECT_ONE, "select\\s+1");
        p(Kind.SERIES, "select\\s+generate_series\\(\\s*1\\s*,\\s*(\\d+)\\s*\\)");
        p(Kind.SLEEP, "select\\s+pg_sleep\\(\\s*([\\d.]+)\\s*\\)");
        p(Kind.ECHO, "select\\s+\\$1::(bytea|text|int4)");
        p(Kind.DIVIDE_BY_ZERO, "select\\s+1\\s*/\\s*0");
        p(Kind.BEGIN, "begin|start\\s+transaction");
        p(Kind.COMMIT, "commit|end");
        p(Kind.ROLLBACK, "rollback|abort");
        p(Kind.INSERT, "insert\\s+into\\s+items\\s*\\(\\s*name\\s*\\)\\s*values\\s*\\(\\s*(\\$1|'[^']*')\\s*\\)"
                + "(\\s+returning\\s+(\\*|id))?");
        p(Kind.SELECT_ITEMS, "select\\s+id\\s*,\\s*name\\s+from\\s+items(\\s+order\\s+by\\s+id)?");
        p(Kind.COPY_IN, "copy\\s+items\\s*(\\(\\s*name\\s*\\))?\\s+from\\s+stdin(.*)");
        p(Kind.COPY_OUT, "copy\\s+items\\s*(\\(\\s*name\\s*\\))?\\s+to\\s+stdout");
        p(Kind.SET, "set\\s+(\\w+)\\s*(?:=|to)\\s*(.+)");
        p(Kind.NOTICE, "select\\s+notice\\('([^']*)'\\)");
        p(Kind.ENDLESS, "select\\s+endless\\(\\)");
    }

    private static void p(Kind kind, String regex) {
        PATTERNS.put(kind, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.DOTALL));
    }

    /** One statement of a query string and where it starts (0-based). */
    record Segment(String text, int offset) {
    }

    /** Splits at semicolons outside single quotes; blank pieces are dropped. */
    static List<Segment> split(String sql) {
        List<Segment> out = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i <= sql.length(); i++) {
            if (i == sql.length() || (!quoted && sql.charAt(i) == ';')) {
                String piece = sql.substring(start, i);
                if (!piece.isBlank()) {
                    out.add(new Segment(piece, start));
                }
                start = i + 1;
            } else if (sql.charAt(i) == '\'') {
                quoted = !quoted;
            }
        }
        return out;
    }

    static TestStatement parse(Segment segment) {
        String text = segment.text().strip();
        int lead = segment.text().indexOf(text);
        for (Map.Entry<Kind, Pattern> e : PATTERNS.entrySet()) {
            Matcher m = e.getValue().matcher(text);
            if (m.matches()) {
                return new TestStatement(e.getKey(), m, segment.offset() + lead);
            }
        }
        String word = text.split("\\s+", 2)[0];
        Map<Character, String> f = new LinkedHashMap<>();
        f.put('S', "ERROR");
        f.put('V', "ERROR");
        f.put('C', "42601");
        f.put('M', "syntax error at or near \"" + word + "\"");
        f.put('P', Integer.toString(segment.offset() + lead + 1));
        throw new BackendError(f);
    }

    boolean endsTransaction() {
        return kind == Kind.COMMIT || kind == Kind.ROLLBACK;
    }

    int[] parameterTypes(int[] given) {
        int count = (kind == Kind.ECHO || (kind == Kind.INSERT && match.group(1).equals("$1"))) ? 1 : 0;
        int[] types = new int[count];
        for (int i = 0; i < count; i++) {
            types[i] = i < given.length && given[i] != 0 ? given[i] : kind == Kind.ECHO ? oidOf(match.group(1)) : 25;
        }
        return types;
    }

    private static int oidOf(String typeName) {
        return switch (typeName.toLowerCase()) {
            case "bytea" -> 17;
            case "int4" -> 23;
            default -> 25;
        };
    }

    /** Result columns with the given result format codes applied, or null for no rows. */
    List<ColumnDescription> columns(short[] formats) {
        List<ColumnDescription> cols = switch (kind) {
            case SELECT_ONE, DIVIDE_BY_ZERO -> List.of(col("?column?", 23, 4));
            case SERIES, ENDLESS -> List.of(col("generate_series", 23, 4));
            case SLEEP -> List.of(col("pg_sleep", 2278, 4));
            case ECHO -> List.of(col(match.group(1).toLowerCase(), oidOf(match.group(1)),
                    oidOf(match.group(1)) == 23 ? 4 : -1));
            case INSERT -> match.group(2) == null ? null : List.of(col("id", 23, 4), col("name", 25, -1));
            case SELECT_ITEMS -> List.of(col("id", 23, 4), col("name", 25, -1));
            case NOTICE -> List.of(col("notice", 25, -1));
            default -> null;
        };
        if (cols == null) {
            return null;
        }
        List<ColumnDescription> out = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            ColumnDescription c = cols.get(i);
            out.add(new ColumnDescription(c.name(), c.tableOid(), c.columnAttribute(), c.typeOid(), c.typeSize(),
                    c.typeModifier(), format(formats, i)));
        }
        return out;
    }

    private static ColumnDescription col(String name, int oid, int size) {
        return new ColumnDescription(name, 0, (short) 0, oid, (short) size, -1, (short) 0);
    }

    static short format(short[] formats, int i) {
        if (formats.length == 0) {
            return 0;
        }
        return formats.length == 1 ? formats[0] : formats[i];
    }

    /** What a statement needs while it runs. */
    record Context(ScriptedTestBackend backend, SessionListener listener, ResultSink sink,
                   BooleanSupplier cancelRequested, List<byte[]> params, short[] paramFormats, short[] resultFormats,
                   Consumer<Character> setStatus, char status) {
    }

    ScriptedTestBackend.Run run(Context ctx) {
        if (parameterTypes(new int[0]).length > ctx.params().size()) {
            Map<Character, String> f = new LinkedHashMap<>();
            f.put('S', "ERROR");
            f.put('V', "ERROR");
            f.put('C', "42P02");
            f.put('M', "there is no parameter $1");
            f.put('P', Integer.toString(offset + match.group(0).indexOf("$1") + 1));
            throw new BackendError(f);
        }
        List<byte[][]> rows = new ArrayList<>();
        String tag;
        switch (kind) {
            case EMPTY -> {
                ctx.sink().emptyQuery();
                tag = "";
            }
            case SELECT_ONE -> {
                rows.add(new byte[][] {int4(1, format(ctx.resultFormats(), 0))});
                tag = "SELECT 1";
            }
            case SERIES -> {
                int n = Integer.parseInt(match.group(1));
                for (int i = 1; i <= n; i++) {
                    rows.add(new byte[][] {int4(i, format(ctx.resultFormats(), 0))});
                }
                tag = "SELECT " + n;
            }
            case SLEEP -> {
                long until = System.nanoTime() + (long) (Double.parseDouble(match.group(1)) * 1e9);
                while (System.nanoTime() < until) {
                    if (ctx.cancelRequested().getAsBoolean()) {
                        throw new BackendError("ERROR", "57014", "canceling statement due to user request");
                    }
                    sleep(5);
                }
                rows.add(new byte[][] {new byte[0]});
                tag = "SELECT 1";
            }
            case ECHO -> {
                rows.add(new byte[][] {echo(ctx)});
                tag = "SELECT 1";
            }
            case DIVIDE_BY_ZERO -> throw new BackendError("ERROR", "22012", "division by zero");
            case BEGIN -> {
                if (ctx.status() != 'I') {
                    ctx.listener().notice(new BackendError("WARNING", "25001",
                            "there is already a transaction in progress"));
                }
                ctx.setStatus().accept('T');
                tag = "BEGIN";
            }
            case COMMIT -> {
                tag = ctx.status() == 'E' ? "ROLLBACK" : "COMMIT";
                ctx.setStatus().accept('I');
            }
            case ROLLBACK -> {
                ctx.setStatus().accept('I');
                tag = "ROLLBACK";
            }
            case INSERT -> {
                String literal = match.group(1);
                String name = literal.equals("$1") ? new String(ctx.params().get(0), StandardCharsets.UTF_8)
                        : literal.substring(1, literal.length() - 1);
                int id = ctx.backend().nextId.getAndIncrement();
                ctx.backend().items.add(new String[] {Integer.toString(id), name});
                if (match.group(2) != null) {
                    rows.add(new byte[][] {int4(id, format(ctx.resultFormats(), 0)), utf8(name)});
                }
                tag = "INSERT 0 1";
            }
            case SELECT_ITEMS -> {
                for (String[] item : ctx.backend().items) {
                    rows.add(new byte[][] {int4(Integer.parseInt(item[0]), format(ctx.resultFormats(), 0)),
                            utf8(item[1])});
                }
                tag = "SELECT " + rows.size();
            }
            case COPY_IN -> tag = "COPY " + copyIn(ctx, match.group(2).toLowerCase().contains("csv"));
            case COPY_OUT -> {
                int n = 0;
                try (OutputStream out = ctx.sink().copyOut(false, 1)) {
                    for (String[] item : ctx.backend().items) {
                        out.write(utf8(item[1] + "\n"));
                        n++;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                tag = "COPY " + n;
            }
            case SET -> {
                String value = match.group(2).strip();
                if (value.startsWith("'") && value.endsWith("'") && value.length() >= 2) {
                    value = value.substring(1, value.length() - 1);
                }
                if (match.group(1).equalsIgnoreCase("application_name")) {
                    ctx.listener().parameterStatus("application_name", value);
                }
                tag = "SET";
            }
            case ENDLESS -> {
                // streams straight into the sink until the client goes away (backpressure tests)
                byte[] value = new byte[1000];
                java.util.Arrays.fill(value, (byte) 'x');
                while (true) {
                    ctx.sink().row(new byte[][] {value});
                    ctx.backend().endlessRowsProduced.incrementAndGet();
                }
            }
            case NOTICE -> {
                ctx.listener().notice(new BackendError("NOTICE", "00000", match.group(1)));
                rows.add(new byte[][] {utf8(match.group(1))});
                tag = "SELECT 1";
            }
            default -> throw new IllegalStateException(kind.name());
        }
        return new ScriptedTestBackend.Run(rows, tag);
    }

    private byte[] echo(Context ctx) {
        byte[] raw = ctx.params().get(0);
        if (raw == null) {
            return null;
        }
        boolean binaryIn = format(ctx.paramFormats(), 0) == 1;
        boolean binaryOut = format(ctx.resultFormats(), 0) == 1;
        String type = match.group(1).toLowerCase();
        if (type.equals("bytea")) {
            byte[] value = binaryIn ? raw : parseByteaText(new String(raw, StandardCharsets.UTF_8));
            return binaryOut ? value : utf8("\\x" + HexFormat.of().formatHex(value));
        }
        if (type.equals("int4")) {
            int v = binaryIn ? ByteBuffer.wrap(raw).getInt() : Integer.parseInt(new String(raw, StandardCharsets.UTF_8));
            return int4(v, binaryOut ? (short) 1 : 0);
        }
        return raw;
    }

    private static byte[] parseByteaText(String s) {
        if (!s.startsWith("\\x")) {
            throw new BackendError("ERROR", "22P02", "invalid input syntax for type bytea");
        }
        return HexFormat.of().parseHex(s.substring(2));
    }

    private static int copyIn(Context ctx, boolean csv) {
        InputStream in = ctx.sink().copyIn(false, 1);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try {
            in.transferTo(all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int n = 0;
        for (String line : all.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.isEmpty() || line.equals("\\.")) {
                continue;
            }
            String name = csv && line.startsWith("\"") && line.endsWith("\"") && line.length() >= 2
                    ? line.substring(1, line.length() - 1).replace("\"\"", "\"") : line;
            ctx.backend().items.add(new String[] {Integer.toString(ctx.backend().nextId.getAndIncrement()), name});
            n++;
        }
        return n;
    }

    private static byte[] int4(int v, short format) {
        return format == 1 ? ByteBuffer.allocate(4).putInt(v).array() : utf8(Integer.toString(v));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendError("ERROR", "57014", "canceling statement due to user request");
        }
    }
}
