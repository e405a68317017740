package io.pgsight.sql.plpgsql.exec;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.spi.PgType;
import io.pgsight.sql.exec.PlanNode;
import io.pgsight.sql.plpgsql.PlDeclaration;
import io.pgsight.sql.plpgsql.PlExpr;
import io.pgsight.sql.plpgsql.PlStatement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cursors of one PL/pgSQL call: OPEN runs the query and keeps its rows under the portal name (a bound
 * cursor's variable name, or the refcursor variable's value), FETCH and MOVE step through them, CLOSE drops them.
 * A cursor variable holds the portal name as text; portals end with the call.
 */
final class PlCursors {
    /** An open portal: its rows and the position (0 before the first row, rows.size() + 1 after the last). */
    private static final class Portal {
        final List<Object[]> rows;
        final List<PlanNode.OutputColumn> columns;
        int position;

        Portal(List<Object[]> rows, List<PlanNode.OutputColumn> columns) {
            this.rows = rows;
            this.columns = columns;
        }
    }

    private final PlExecution exec;
    private final Map<String, Portal> portals = new HashMap<>();
    /** Bound cursor declarations by variable name. */
    private final Map<String, PlDeclaration> bound = new HashMap<>();
    /**
     * The parts of each OPEN/FETCH/MOVE statement's text, parsed once per compiled function (their expressions
     * are keys of the compiled-SQL cache, so they must stay the same objects from call to call).
     */
    private final Map<Object, Object> parsed;
    /** Stable cache keys for cursor arguments and per-depth cursor queries, kept with the compiled function. */
    private final Map<Object, Object> cursorKeys;
    private int unnamed;

    @SuppressWarnings("unchecked")
    PlCursors(PlExecution exec, Map<Object, Object> compiled) {
        this.exec = exec;
        this.parsed = (Map<Object, Object>) compiled.computeIfAbsent(PlCursors.class,
                k -> new java.util.IdentityHashMap<>());
        this.cursorKeys = (Map<Object, Object>) compiled.computeIfAbsent(PlDeclaration.class,
                k -> new java.util.HashMap<>());
    }

    void declare(PlDeclaration d) {
        bound.put(d.name(), d);
    }

    void run(PlStatement.CursorCommand c) {
        switch (c.command()) {
            case "OPEN" -> open(c);
            case "FETCH", "MOVE" -> fetch(c);
            case "CLOSE" -> close(portalName(c.text().text().trim(), false));
            default -> throw new SqlException("0A000", c.command() + " is not supported");
        }
    }

    // ------------------------------------------------------------------ OPEN

    private record OpenParts(String variable, PlExpr args, PlExpr query, PlExpr dynamicQuery, List<PlExpr> using) {
    }

    private void open(PlStatement.CursorCommand c) {
        OpenParts p = (OpenParts) parsed.computeIfAbsent(c, k -> parseOpen(c.text()));
        PlDeclaration decl = bound.get(p.variable());
        PlSql.Rows rows;
        if (p.query() != null) {
            rows = exec.runQuery(p.query());
        } else if (p.dynamicQuery() != null) {
            rows = exec.runDynamic(p.dynamicQuery(), p.dynamicQuery(), p.using());
        } else if (decl != null) {
            rows = runCursorQuery(decl, p.args());
        } else {
            throw new SqlException("42601", "cursor \"" + p.variable() + "\" is not a bound cursor");
        }
        String name = portalName(p.variable(), true);
        if (portals.containsKey(name)) {
            throw new SqlException("42P03", "cursor \"" + name + "\" already in use");
        }
        portals.put(name, new Portal(rows.rows(), rows.columns()));
    }

    /** {@code c}, {@code c(args)}, {@code c [[NO] SCROLL] FOR query}, {@code c FOR EXECUTE expr [USING ...]}. */
    private static OpenParts parseOpen(PlExpr text) {
        String t = text.text().trim();
        int i = 0;
        while (i < t.length() && (Character.isLetterOrDigit(t.charAt(i)) || t.charAt(i) == '_')) {
            i++;
        }
        String var = t.substring(0, i).toLowerCase(Locale.ROOT);
        String rest = t.substring(i).trim();
        int restAt = text.location() + text.text().indexOf(rest, i);
        if (rest.isEmpty()) {
            return new OpenParts(var, null, null, null, List.of());
        }
        if (rest.startsWith("(")) {
            String inner = rest.substring(1, rest.lastIndexOf(')'));
            return new OpenParts(var, new PlExpr(inner, restAt + 1, text.line()), null, null, List.of());
        }
        String lower = rest.toLowerCase(Locale.ROOT);
        for (String skip : new String[] {"no scroll", "scroll"}) {
            if (lower.startsWith(skip + " ")) {
                rest = rest.substring(skip.length()).trim();
                lower = rest.toLowerCase(Locale.ROOT);
            }
        }
        if (!lower.startsWith("for ")) {
            throw new SqlException("42601", "syntax error at or near \"" + rest.split("\\s+")[0] + "\"");
        }
        rest = rest.substring(4).trim();
        lower = rest.toLowerCase(Locale.ROOT);
        int at = text.location() + text.text().indexOf(rest);
        if (!lower.startsWith("execute ")) {
            return new OpenParts(var, null, new PlExpr(rest, at, text.line()), null, List.of());
        }
        String dyn = rest.substring(8).trim();
        int usingAt = indexOfWord(dyn, "using");
        List<PlExpr> using = new ArrayList<>();
        String query = dyn;
        if (usingAt >= 0) {
            query = dyn.substring(0, usingAt).trim();
            for (String u : splitTopLevel(dyn.substring(usingAt + 5))) {
                using.add(new PlExpr(u.trim(), 0, text.line()));
            }
        }
        return new OpenParts(var, null, null, new PlExpr(query, 0, text.line()), using);
    }

    /** The position of a keyword outside quotes and parentheses, or -1. */
    private static int indexOfWord(String s, String word) {
        List<Integer> at = topLevel(s, i -> s.regionMatches(true, i, word, 0, word.length())
                && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)))
                && (i + word.length() == s.length() || !Character.isLetterOrDigit(s.charAt(i + word.length()))));
        return at.isEmpty() ? -1 : at.get(0);
    }

    /** The comma-separated parts of {@code s}, commas inside quotes or parentheses kept. */
    private static List<String> splitTopLevel(String s) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int comma : topLevel(s, i -> s.charAt(i) == ',')) {
            parts.add(s.substring(start, comma));
            start = comma + 1;
        }
        parts.add(s.substring(start));
        return parts;
    }

    /** Positions outside single quotes and parentheses where {@code mark} holds, in order. */
    private static List<Integer> topLevel(String s, java.util.function.IntPredicate mark) {
        List<Integer> found = new ArrayList<>();
        int depth = 0;
        boolean quote = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\'') {
                quote = !quote;
            } else if (!quote && ch == '(') {
                depth++;
            } else if (!quote && ch == ')') {
                depth--;
            } else if (!quote && depth == 0 && mark.test(i)) {
                found.add(i);
            }
        }
        return found;
    }

    // ------------------------------------------------------------------ FETCH / MOVE / CLOSE

    private record FetchParts(String direction, int count, String variable, List<String> into) {
    }

    private void fetch(PlStatement.CursorCommand c) {
        FetchParts f = (FetchParts) parsed.computeIfAbsent(c, k -> parseFetch(c.text().text()));
        Portal p = portals.get(portalName(f.variable(), false));
        if (p == null) {
            throw new SqlException("34000", "cursor \"" + portalName(f.variable(), false) + "\" does not exist");
        }
        int n = p.rows.size();
        int pos = switch (f.direction()) {
            case "prior", "backward" -> p.position - 1;
            case "first" -> 1;
            case "last" -> n;
            case "absolute" -> f.count() >= 0 ? f.count() : n + 1 + f.count();
            case "relative" -> p.position + f.count();
            default -> p.position + 1;
        };
        p.position = Math.max(0, Math.min(n + 1, pos));
        boolean found = p.position >= 1 && p.position <= n;
        if (c.command().equals("FETCH")) {
            exec.assignInto(f.into(), found ? p.rows.get(p.position - 1) : null, p.columns);
        }
        exec.setFoundFlag(found);
    }

    /** {@code [direction [count]] [FROM|IN] cursor [INTO targets]}. */
    private static FetchParts parseFetch(String text) {
        List<String> words = new ArrayList<>(List.of(text.trim().split("\\s+")));
        String direction = "next";
        int count = 0;
        String first = words.get(0).toLowerCase(Locale.ROOT);
        if (List.of("next", "prior", "first", "last", "absolute", "relative", "forward", "backward").contains(first)) {
            direction = first;
            words.remove(0);
            if ((direction.equals("absolute") || direction.equals("relative")) && !words.isEmpty()) {
                count = Integer.parseInt(words.remove(0));
            }
        }
        if (!words.isEmpty() && (words.get(0).equalsIgnoreCase("from") || words.get(0).equalsIgnoreCase("in"))) {
            words.remove(0);
        }
        String var = words.remove(0).toLowerCase(Locale.ROOT);
        List<String> into = new ArrayList<>();
        if (!words.isEmpty() && words.get(0).equalsIgnoreCase("into")) {
            for (String t : String.join(" ", words.subList(1, words.size())).split(",")) {
                into.add(t.trim().toLowerCase(Locale.ROOT));
            }
        }
        return new FetchParts(direction, count, var, into);
    }

    private void close(String name) {
        if (portals.remove(name) == null) {
            throw new SqlException("34000", "cursor \"" + name + "\" does not exist");
        }
    }

    /**
     * The portal a cursor variable names: its value; a bound cursor's variable starts as its own name; OPEN of a
     * NULL refcursor variable gives it a new name.
     */
    private String portalName(String variable, boolean opening) {
        Object v = exec.variableValue(variable);
        if (v != null) {
            return v.toString();
        }
        if (bound.containsKey(variable)) {
            return variable;
        }
        if (!opening) {
            throw new SqlException("22004", "cursor variable \"" + variable + "\" is null");
        }
        String name = "<unnamed portal " + (++unnamed) + ">";
        exec.setVariableValue(variable, name);
        return name;
    }


    /**
     * Runs a bound cursor's query with its arguments ({@code 1990} or {@code y := 1990}, null when none written)
     * as variables of a scope of their own.
     */
    PlSql.Rows runCursorQuery(PlDeclaration decl, PlExpr args) {
        PlSql sql = exec.sql();
        PlVariables vars = exec.vars();
        List<PlDeclaration> params = decl.cursorArgs();
        if (args == null && !params.isEmpty()) {
            throw new SqlException("42601", "cursor \"" + decl.name() + "\" has arguments");
        }
        if (args != null && params.isEmpty()) {
            throw new SqlException("42601", "cursor \"" + decl.name() + "\" has no arguments");
        }
        @SuppressWarnings("unchecked")
        List<PlExpr> values = args == null ? List.of() : (List<PlExpr>) cursorKeys.computeIfAbsent(args,
                k -> splitArguments(args));
        if (values.size() != params.size()) {
            throw new SqlException("42601", (values.size() < params.size() ? "not enough" : "too many")
                    + " arguments for cursor \"" + decl.name() + "\"");
        }
        Object[] evaluated = new Object[params.size()];
        PgType[] types = new PgType[params.size()];
        var an = exec.host().planner(List.of(), java.util.Map.of()).analyzer();
        for (int i = 0; i < params.size(); i++) {
            PlExpr v = values.get(i);
            int at = i;
            String text = v.text().trim();
            int assign = text.indexOf(":=");
            if (assign > 0) {
                String name = text.substring(0, assign).trim();
                at = -1;
                for (int k = 0; k < params.size(); k++) {
                    if (params.get(k).name().equals(name)) {
                        at = k;
                    }
                }
                if (at < 0) {
                    throw new SqlException("42601", "cursor \"" + decl.name() + "\" has no argument named \"" + name
                            + "\"");
                }
                v = (PlExpr) cursorKeys.computeIfAbsent(List.of(v), k -> new PlExpr(text.substring(assign + 2), 0,
                        values.get(0).line()));
            }
            types[at] = an.resolveType(params.get(at).type().type());
            evaluated[at] = sql.eval(v, PlExecution.expr(v), types[at], -1);
        }
        int before = vars.size;
        vars.pushScope();
        try {
            for (int i = 0; i < params.size(); i++) {
                vars.values[vars.declare(params.get(i).name(), types[i], -1)] = evaluated[i];
            }
            // compiled per scope depth: the arguments' parameter numbers depend on it
            Object key = cursorKeys.computeIfAbsent(List.of(decl.cursorQuery(), vars.size), k -> new Object());
            return sql.run(key, PlExecution.statementSource(decl.cursorQuery()));
        } finally {
            vars.popScope(before);
        }
    }

    static List<PlExpr> splitArguments(PlExpr args) {
        List<PlExpr> out = new ArrayList<>();
        String t = args.text();
        int depth = 0;
        boolean quote = false;
        int start = 0;
        for (int i = 0; i <= t.length(); i++) {
            char ch = i < t.length() ? t.charAt(i) : ',';
            if (ch == '\'') {
                quote = !quote;
            } else if (!quote && ch == '(') {
                depth++;
            } else if (!quote && ch == ')') {
                depth--;
            } else if (!quote && depth == 0 && ch == ',') {
                out.add(new PlExpr(t.substring(start, i), args.location() + start, args.line()));
                start = i + 1;
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ FOR over a cursor

    /** Opens a bound cursor for a FOR loop; the rows and columns the loop runs over (it closes it itself). */
    PlSql.Rows openForLoop(PlStatement.ForCursor f) {
        PlDeclaration decl = bound.get(f.cursor());
        String name = portalName(f.cursor(), true);
        if (portals.containsKey(name)) {
            throw new SqlException("42P03", "cursor \"" + name + "\" already in use");
        }
        return runCursorQuery(decl, f.args());
    }
}
