package io.pgsight.sql.plpgsql;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.ast.QualifiedName;
import io.pgsight.sql.ast.TypeName;
import io.pgsight.sql.parser.SqlParser;
import io.pgsight.sql.parser.Token;
import io.pgsight.sql.parser.TokenKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser for PL/pgSQL bodies, following PostgreSQL's pl_gram.y. Embedded SQL is read as text up
 * to the construct's terminator (at parenthesis depth 0) and syntax-checked with {@link SqlParser}.
 */
public final class PlpgsqlParser {
    private static final Set<String> LEVELS = Set.of("debug", "log", "info", "notice", "warning", "exception");
    private static final Set<String> RAISE_OPTIONS = Set.of("errcode", "message", "detail", "hint", "column",
            "constraint", "datatype", "table", "schema");
    private static final Set<String> DIAG_CURRENT = Set.of("row_count", "pg_context");
    private static final Set<String> DIAG_STACKED = Set.of("returned_sqlstate", "column_name", "constraint_name",
            "pg_datatype_name", "message_text", "table_name", "schema_name", "pg_exception_detail",
            "pg_exception_hint", "pg_exception_context");

    private final PlTokens tokens;
    /** The routine being compiled, or null to skip the namespace checks (no declarations known). */
    private final PlRoutine routine;
    private final PlNamespace ns = new PlNamespace();
    /** Names declared as bound cursors ({@code c CURSOR FOR ...}), which FOR can loop over. */
    private final Set<String> boundCursors = new java.util.HashSet<>();

    private PlpgsqlParser(String body, int positionOffset, PlRoutine routine) {
        this.tokens = new PlTokens(body, positionOffset);
        this.routine = routine;
        if (routine != null) {
            ns.push(routine.name(), false);
            for (String n : routine.paramNames()) {
                if (!n.isEmpty()) {
                    ns.declare(n, false);
                }
            }
            for (String n : routine.outNames()) {
                if (n != null && !n.isEmpty()) {
                    ns.declare(n, false);
                }
            }
            ns.declare("found", false);
            if (routine.trigger()) {
                PlRoutine.TRIGGER_VARIABLES.forEach(n -> ns.declare(n, false));
            }
        }
    }

    /**
     * Parses a DO block or function body.
     *
     * @param body           the body text (the string constant's contents)
     * @param positionOffset where the body starts in the original string, as for
     *                       {@link SqlParser#parse(String, int)}: body index 0 is at position
     *                       {@code positionOffset + 1}
     */
    public static PlStatement.Block parse(String body, int positionOffset) {
        return parse(body, positionOffset, null);
    }

    /**
     * Parses and compiles a body of {@code routine} like PostgreSQL's PL/pgSQL compiler: besides syntax, the
     * targets of assignments and INTO must be known variables (not CONSTANT), EXIT/CONTINUE must be inside a loop
     * or name an enclosing label, and RETURN forms must suit the routine's result.
     */
    public static PlStatement.Block parse(String body, int positionOffset, PlRoutine routine) {
        try {
            return new PlpgsqlParser(body, positionOffset, routine).function();
        } catch (StackOverflowError e) {
            throw new SqlException("ERROR", "54001", "stack depth limit exceeded", null, null, 0, null);
        }
    }

    private PlStatement.Block function() {
        String[] options = compilerOptions();
        PlStatement.Block block = block();
        accept(TokenKind.SEMICOLON);
        if (!peek().is(TokenKind.EOF)) {
            throw syntaxError(peek());
        }
        return block.withOptions(options[0], "on".equals(options[1]));
    }

    /**
     * {@code #variable_conflict error|use_variable|use_column}, {@code #print_strict_params on} and similar lines
     * before the block; returns the variable_conflict mode and the print_strict_params value, null when not given.
     */
    private String[] compilerOptions() {
        String conflict = null;
        String printStrict = null;
        while (peek().isOp("#")) {
            Token hash = next();
            int line = tokens.line(hash.start());
            if (atWord("variable_conflict")) {
                next();
                Token mode = next();
                if (!mode.isWord("error") && !mode.isWord("use_variable") && !mode.isWord("use_column")) {
                    throw syntaxError(mode);
                }
                conflict = mode.value();
            } else if (atWord("print_strict_params")) {
                next();
                Token value = next();
                if (!value.isWord("on") && !value.isWord("off")) {
                    throw syntaxError(value);
                }
                printStrict = value.value();
            }
            while (!peek().is(TokenKind.EOF) && tokens.line(peek().start()) == line) {
                next();
            }
        }
        return new String[] {conflict, printStrict};
    }

    // ------------------------------------------------------------------ tokens

    private Token peek() {
        return tokens.peek();
    }

    private Token peek(int k) {
        return tokens.peek(k);
    }

    private Token next() {
        return tokens.next();
    }

    private boolean atWord(String w) {
        return peek().isWord(w);
    }

    private boolean acceptWord(String w) {
        if (atWord(w)) {
            next();
            return true;
        }
        return false;
    }

    private boolean accept(TokenKind k) {
        if (peek().is(k)) {
            next();
            return true;
        }
        return false;
    }

    private Token expectWord(String w) {
        if (!atWord(w)) {
            throw syntaxError(peek());
        }
        return next();
    }

    private Token expect(TokenKind k) {
        if (!peek().is(k)) {
            throw syntaxError(peek());
        }
        return next();
    }

    private SqlException syntaxError(Token t) {
        return tokens.scanner().syntaxError(t);
    }

    private SqlException error(String message, Token t) {
        return tokens.scanner().error(message, t);
    }

    /** An error at a token's position, without "at or near". */
    private SqlException positioned(String sqlState, String message, Token t) {
        return new SqlException("ERROR", sqlState, message, null, null, loc(t), null);
    }

    private int loc(Token t) {
        return tokens.position(t.start());
    }

    private int line(Token t) {
        return tokens.line(t.start());
    }

    private static boolean isName(Token t) {
        return t.is(TokenKind.IDENT) || t.is(TokenKind.QUOTED_IDENT);
    }

    // ------------------------------------------------------------------ blocks

    private String optLabel() {
        if (peek().isOp("<<")) {
            next();
            Token name = peek();
            if (!isName(name)) {
                throw syntaxError(name);
            }
            next();
            if (!peek().isOp(">>")) {
                throw syntaxError(peek());
            }
            next();
            return name.value();
        }
        return null;
    }

    private PlStatement.Block block() {
        String label = optLabel();
        return blockAfterLabel(label);
    }

    private PlStatement.Block blockAfterLabel(String label) {
        ns.push(label, false);
        try {
            return blockBody(label);
        } finally {
            ns.pop();
        }
    }

    private PlStatement.Block blockBody(String label) {
        List<PlDeclaration> decls = new ArrayList<>();
        if (atWord("declare")) {
            next();
            while (!atWord("begin")) {
                if (acceptWord("declare")) {
                    continue;
                }
                if (peek().is(TokenKind.EOF)) {
                    throw syntaxError(peek());
                }
                PlDeclaration d = declaration();
                ns.declare(d.name(), d.constant());
                decls.add(d);
            }
        }
        Token begin = expectWord("begin");
        List<PlStatement> body = statements(Set.of("end", "exception"));
        List<PlStatement.ExceptionHandler> handlers = new ArrayList<>();
        if (acceptWord("exception")) {
            if (!atWord("when")) {
                throw syntaxError(peek());
            }
            while (atWord("when")) {
                Token when = next();
                List<PlStatement.Condition> conds = new ArrayList<>();
                do {
                    conds.add(condition());
                } while (acceptWord("or"));
                expectWord("then");
                ns.push(null, false);
                ns.declare("sqlstate", false);
                ns.declare("sqlerrm", false);
                List<PlStatement> hbody;
                try {
                    hbody = statements(Set.of("when", "end"));
                } finally {
                    ns.pop();
                }
                handlers.add(new PlStatement.ExceptionHandler(conds, hbody, line(when)));
            }
        }
        expectWord("end");
        endLabel(label);
        return new PlStatement.Block(label, decls, body, handlers, loc(begin), line(begin));
    }

    /** An optional label after END; it must match the block's or loop's label. */
    private static final Set<String> PL_RESERVED = Set.of("all", "begin", "by", "case", "declare", "else", "end",
            "execute", "for", "foreach", "from", "if", "in", "into", "loop", "not", "null", "or", "strict", "then",
            "to", "using", "when", "while");

    private void endLabel(String label) {
        Token t = peek();
        if (t.is(TokenKind.QUOTED_IDENT) || (t.is(TokenKind.IDENT) && !PL_RESERVED.contains(t.value()))) {
            if (label == null) {
                throw error("end label \"" + t.value() + "\" specified for unlabeled block", t);
            }
            if (!label.equals(t.value())) {
                throw error("end label \"" + t.value() + "\" differs from block's label \"" + label + "\"", t);
            }
            next();
        }
    }

    private PlStatement.Condition condition() {
        Token t = peek();
        if (t.isWord("sqlstate")) {
            next();
            Token s = expect(TokenKind.STRING);
            if (!s.value().matches("[0-9A-Z]{5}")) {
                throw new SqlException("ERROR", "42601", "invalid SQLSTATE code", null, null, loc(s), null);
            }
            return new PlStatement.Condition(null, s.value());
        }
        if (!isName(t)) {
            throw syntaxError(t);
        }
        next();
        if (!t.value().equals("others") && !PlConditions.isKnown(t.value())) {
            throw compileError("42704", "unrecognized exception condition \"" + t.value() + "\"", t);
        }
        return new PlStatement.Condition(t.value(), null);
    }

    // ------------------------------------------------------------------ declarations

    private PlDeclaration declaration() {
        Token nameTok = peek();
        if (!isName(nameTok) || (nameTok.is(TokenKind.IDENT) && PL_RESERVED.contains(nameTok.value()))) {
            throw syntaxError(nameTok);
        }
        next();
        int at = loc(nameTok);
        int ln = line(nameTok);
        if (acceptWord("alias")) {
            expectWord("for");
            Token target = next();
            if (!(isName(target) || target.is(TokenKind.PARAM))) {
                throw syntaxError(target);
            }
            expect(TokenKind.SEMICOLON);
            String aliased = target.is(TokenKind.PARAM) ? "$" + target.value() : target.value();
            return new PlDeclaration(nameTok.value(), PlDeclaration.Kind.ALIAS, false, null, null, false, null,
                    aliased, null, List.of(), at, ln);
        }
        int mark = tokens.mark();
        acceptWord("no");
        acceptWord("scroll");
        if (acceptWord("cursor")) {
            List<PlDeclaration> args = new ArrayList<>();
            if (accept(TokenKind.LPAREN)) {
                do {
                    Token an = next();
                    if (!isName(an)) {
                        throw syntaxError(an);
                    }
                    PlDataType t = dataType(Set.of(), true);
                    args.add(new PlDeclaration(an.value(), PlDeclaration.Kind.VARIABLE, false, t, null, false, null,
                            null, null, List.of(), loc(an), line(an)));
                } while (accept(TokenKind.COMMA));
                expect(TokenKind.RPAREN);
            }
            if (!acceptWord("for")) {
                expectWord("is");
            }
            PlExpr query = readUntil(Set.of(), ";", false);
            checkStatement(query);
            expect(TokenKind.SEMICOLON);
            boundCursors.add(nameTok.value());
            return new PlDeclaration(nameTok.value(), PlDeclaration.Kind.CURSOR, false, null, null, false, null,
                    null, query, args, at, ln);
        }
        tokens.reset(mark);
        boolean constant = acceptWord("constant");
        PlDataType type = dataType(Set.of("default", "not", "collate"), false);
        QualifiedName collation = null;
        if (atWord("collate")) {
            Token c = next();
            List<String> parts = new ArrayList<>();
            do {
                Token p = next();
                if (!isName(p)) {
                    throw syntaxError(p);
                }
                parts.add(p.value());
            } while (accept(TokenKind.DOT));
            collation = new QualifiedName(parts, loc(c));
        }
        boolean notNull = false;
        Token notTok = peek();
        if (atWord("not")) {
            next();
            expectWord("null");
            notNull = true;
        }
        PlExpr def = null;
        if (peek().is(TokenKind.COLON_EQUALS) || peek().isOp("=") || atWord("default")) {
            next();
            def = readUntil(Set.of(), ";", true);
            checkExpression(def);
        }
        Token semi = peek();
        if (!semi.is(TokenKind.SEMICOLON)) {
            throw syntaxError(semi);
        }
        next();
        if (notNull && def == null) {
            throw new SqlException("ERROR", "42601", "variable \"" + nameTok.value()
                    + "\" must have a default value, since it's declared NOT NULL", null, null, loc(notTok), null);
        }
        return new PlDeclaration(nameTok.value(), PlDeclaration.Kind.VARIABLE, constant, type, collation, notNull,
                def, null, null, List.of(), at, ln);
    }

    /**
     * A data type up to {@code ;}, {@code :=}, {@code =} or one of the stop words (at depth 0); also stops at ','
     * or ')' inside cursor argument lists.
     */
    private PlDataType dataType(Set<String> stopWords, boolean inArgs) {
        Token first = peek();
        Token last = null;
        int depth = 0;
        while (true) {
            Token t = peek();
            if (t.is(TokenKind.EOF)) {
                break;
            }
            if (depth == 0 && (t.is(TokenKind.SEMICOLON) || t.is(TokenKind.COLON_EQUALS) || t.isOp("=")
                    || (t.is(TokenKind.IDENT) && stopWords.contains(t.value()))
                    || (inArgs && (t.is(TokenKind.COMMA) || t.is(TokenKind.RPAREN))))) {
                break;
            }
            if (t.is(TokenKind.LPAREN) || t.is(TokenKind.LBRACKET)) {
                depth++;
            } else if (t.is(TokenKind.RPAREN) || t.is(TokenKind.RBRACKET)) {
                depth--;
            }
            last = next();
        }
        if (peek().is(TokenKind.EOF)) {
            throw error(depth != 0 ? "mismatched parentheses" : "incomplete data type declaration", peek());
        }
        if (last == null) {
            throw error("missing data type declaration", peek());
        }
        String text = tokens.body().substring(first.start(), last.end());
        int at = loc(first);
        String lower = text.toLowerCase();
        if (lower.equals("record")) {
            return new PlDataType(PlDataType.Kind.RECORD, null, null, text, at);
        }
        int pct = text.lastIndexOf('%');
        if (pct > 0) {
            String suffix = text.substring(pct + 1).strip().toLowerCase();
            if (suffix.equals("type") || suffix.equals("rowtype")) {
                TypeName ref = SqlParser.parseTypeName(text.substring(0, pct), at - 1);
                QualifiedName name = new QualifiedName(ref.names(), at);
                return new PlDataType(suffix.equals("type") ? PlDataType.Kind.PERCENT_TYPE : PlDataType.Kind.ROWTYPE,
                        null, name, text, at);
            }
        }
        TypeName type = SqlParser.parseTypeName(text, at - 1);
        return new PlDataType(PlDataType.Kind.TYPE, type, null, text, at);
    }

    // ------------------------------------------------------------------ statements

    /** Statements until one of the words at the start of a statement (not consumed). */
    private List<PlStatement> statements(Set<String> enders) {
        List<PlStatement> out = new ArrayList<>();
        while (true) {
            Token t = peek();
            if (t.is(TokenKind.EOF)) {
                throw syntaxError(t);
            }
            if (t.is(TokenKind.IDENT) && enders.contains(t.value())) {
                return out;
            }
            PlStatement s = statement();
            if (s != null) {
                out.add(s);
            }
        }
    }

    private PlStatement statement() {
        Token t = peek();
        if (t.isOp("<<")) {
            String label = optLabel();
            Token k = peek();
            if (k.isWord("declare") || k.isWord("begin")) {
                PlStatement.Block b = blockAfterLabel(label);
                expect(TokenKind.SEMICOLON);
                return b;
            }
            if (k.isWord("loop") || k.isWord("while") || k.isWord("for") || k.isWord("foreach")) {
                return loopStatement(label);
            }
            throw syntaxError(k);
        }
        if (t.is(TokenKind.SEMICOLON)) {
            throw syntaxError(t);
        }
        if (t.is(TokenKind.IDENT)) {
            switch (t.value()) {
                case "declare", "begin": {
                    PlStatement.Block b = blockAfterLabel(null);
                    expect(TokenKind.SEMICOLON);
                    return b;
                }
                case "if":
                    return ifStatement();
                case "case":
                    return caseStatement();
                case "loop", "while", "for", "foreach":
                    return loopStatement(null);
                case "exit", "continue":
                    return exit();
                case "return":
                    return returnStatement();
                case "raise":
                    return raise();
                case "assert":
                    return assertStatement();
                case "execute":
                    return dynExecute();
                case "perform": {
                    next();
                    PlExpr e = readUntil(Set.of(), ";", true, true);
                    checkExpression(e);
                    expect(TokenKind.SEMICOLON);
                    return new PlStatement.Perform(e, loc(t), line(t));
                }
                case "get":
                    if (!isAssignmentAhead()) {
                        return getDiagnostics();
                    }
                    break;
                case "null":
                    next();
                    expect(TokenKind.SEMICOLON);
                    return null;
                case "commit", "rollback": {
                    if (isAssignmentAhead()) {
                        break;
                    }
                    next();
                    boolean chain = false;
                    if (acceptWord("and")) {
                        chain = !acceptWord("no");
                        expectWord("chain");
                    }
                    expect(TokenKind.SEMICOLON);
                    return new PlStatement.TransactionControl(t.isWord("commit"), chain, loc(t), line(t));
                }
                case "call", "do": {
                    PlExpr sql = readUntil(Set.of(), ";", false);
                    checkStatement(sql);
                    expect(TokenKind.SEMICOLON);
                    return new PlStatement.Call(sql, t.isWord("do"), loc(t), line(t));
                }
                case "open", "fetch", "move", "close": {
                    if (isAssignmentAhead()) {
                        break;
                    }
                    next();
                    PlExpr rest = readUntil(Set.of(), ";", false);
                    expect(TokenKind.SEMICOLON);
                    return new PlStatement.CursorCommand(t.value().toUpperCase(), rest, loc(t), line(t));
                }
                default:
                    break;
            }
        }
        if (isName(t) && isAssignmentAhead()) {
            return assignment();
        }
        if (t.is(TokenKind.IDENT) || t.is(TokenKind.QUOTED_IDENT) || t.is(TokenKind.LPAREN)) {
            return execSql();
        }
        throw syntaxError(t);
    }

    /** name [.name]* [[..]]* followed by := or =. */
    private boolean isAssignmentAhead() {
        int k = 0;
        if (!isName(peek(k))) {
            return false;
        }
        k++;
        while (true) {
            Token t = peek(k);
            if (t.is(TokenKind.DOT) && isName(peek(k + 1))) {
                k += 2;
            } else if (t.is(TokenKind.LBRACKET)) {
                int depth = 0;
                while (true) {
                    Token u = peek(k);
                    if (u.is(TokenKind.EOF) || u.is(TokenKind.SEMICOLON)) {
                        return false;
                    }
                    if (u.is(TokenKind.LBRACKET)) {
                        depth++;
                    } else if (u.is(TokenKind.RBRACKET)) {
                        depth--;
                        if (depth == 0) {
                            k++;
                            break;
                        }
                    }
                    k++;
                }
            } else {
                return t.is(TokenKind.COLON_EQUALS) || t.isOp("=");
            }
        }
    }

    private PlStatement assignment() {
        Token first = peek();
        List<String> names = new ArrayList<>();
        List<PlExpr> subscripts = new ArrayList<>();
        Token last = null;
        int depth = 0;
        Token open = null;
        Token inside = null;
        Token prev = null;
        while (!(peek().is(TokenKind.COLON_EQUALS) || peek().isOp("=")) || depth > 0) {
            Token t = next();
            if (prev != null && prev == open) {
                inside = t;
            }
            if (t.is(TokenKind.LBRACKET) && depth++ == 0) {
                open = t;
            } else if (t.is(TokenKind.RBRACKET) && --depth == 0 && prev != open) {
                subscripts.add(fragment(inside, prev));
            } else if (isName(t) && depth == 0 && subscripts.isEmpty()) {
                names.add(t.value());
            }
            prev = t;
            last = t;
        }
        String target = tokens.body().substring(first.start(), last.end());
        checkAssignable(names, target, first);
        next();
        PlExpr value = readUntil(Set.of(), ";", true);
        checkExpression(value);
        Token semi = expect(TokenKind.SEMICOLON);
        PlExpr statement = new PlExpr(tokens.body().substring(first.start(), semi.start()).stripTrailing(),
                loc(first), line(first));
        return new PlStatement.Assign(target, names, subscripts, statement, value, loc(first), line(first));
    }

    /** An assignment target must be a known variable ({@code x}, {@code r.f}, {@code label.x}), not CONSTANT. */
    private void checkAssignable(List<String> names, String target, Token at) {
        if (routine == null) {
            return;
        }
        Boolean constant = ns.lookup(names.get(0), null);
        String var = names.get(0);
        if (constant == null && names.size() > 1) {
            constant = ns.lookup(names.get(1), names.get(0));
            var = names.get(1);
        }
        if (constant == null) {
            throw positioned("42601", "\"" + target + "\" is not a known variable", at);
        }
        if (constant) {
            throw positioned("22005", "variable \"" + var + "\" is declared CONSTANT", at);
        }
    }

    private PlStatement ifStatement() {
        Token kw = next();
        List<PlStatement.IfBranch> branches = new ArrayList<>();
        PlExpr cond = readUntil(Set.of("then"), "THEN", true);
        checkExpression(cond);
        expectWord("then");
        branches.add(new PlStatement.IfBranch(cond, statements(Set.of("elsif", "elseif", "else", "end"))));
        List<PlStatement> elseBody = null;
        while (true) {
            if (acceptWord("elsif") || acceptWord("elseif")) {
                PlExpr c = readUntil(Set.of("then"), "THEN", true);
                checkExpression(c);
                expectWord("then");
                branches.add(new PlStatement.IfBranch(c, statements(Set.of("elsif", "elseif", "else", "end"))));
            } else if (acceptWord("else")) {
                elseBody = statements(Set.of("end"));
                break;
            } else {
                break;
            }
        }
        expectWord("end");
        expectWord("if");
        expect(TokenKind.SEMICOLON);
        return new PlStatement.If(branches, elseBody, loc(kw), line(kw));
    }

    private PlStatement caseStatement() {
        Token kw = next();
        PlExpr test = null;
        if (!atWord("when")) {
            test = readUntil(Set.of("when"), "WHEN", true);
            checkExpression(test);
        }
        List<PlStatement.CaseWhen> whens = new ArrayList<>();
        if (!atWord("when")) {
            throw syntaxError(peek());
        }
        while (acceptWord("when")) {
            PlExpr e = readUntil(Set.of("then"), "THEN", true);
            checkExpression(e);
            expectWord("then");
            whens.add(new PlStatement.CaseWhen(e, statements(Set.of("when", "else", "end"))));
        }
        List<PlStatement> elseBody = null;
        if (acceptWord("else")) {
            elseBody = statements(Set.of("end"));
        }
        expectWord("end");
        expectWord("case");
        expect(TokenKind.SEMICOLON);
        return new PlStatement.Case(test, whens, elseBody, loc(kw), line(kw));
    }

    private PlStatement loopStatement(String label) {
        Token kw = next();
        switch (kw.value()) {
            case "loop": {
                List<PlStatement> body = loopBody(label);
                return new PlStatement.Loop(label, body, loc(kw), line(kw));
            }
            case "while": {
                PlExpr cond = readUntil(Set.of("loop"), "LOOP", true);
                checkExpression(cond);
                expectWord("loop");
                List<PlStatement> body = loopBody(label);
                return new PlStatement.While(label, cond, body, loc(kw), line(kw));
            }
            case "foreach": {
                List<String> targets = targetList();
                int slice = 0;
                if (acceptWord("slice")) {
                    Token n = expect(TokenKind.INTEGER);
                    slice = Integer.parseInt(n.value());
                }
                expectWord("in");
                expectWord("array");
                PlExpr array = readUntil(Set.of("loop"), "LOOP", true);
                checkExpression(array);
                expectWord("loop");
                List<PlStatement> body = loopBody(label);
                return new PlStatement.Foreach(label, targets, slice, array, body, loc(kw), line(kw));
            }
            default:
                return forStatement(label, kw);
        }
    }

    private PlStatement forStatement(String label, Token kw) {
        List<String> targets = targetList();
        expectWord("in");
        if (targets.size() == 1 && isName(peek()) && boundCursors.contains(peek().value())
                && (peek(1).isWord("loop") || peek(1).is(TokenKind.LPAREN))) {
            String cursor = next().value();
            PlExpr args = null;
            if (accept(TokenKind.LPAREN)) {
                args = readUntil(Set.of(), ")", true, TokenKind.RPAREN);
                expect(TokenKind.RPAREN);
            }
            expectWord("loop");
            List<PlStatement> body = loopBody(label, targets.get(0));
            return new PlStatement.ForCursor(label, targets.get(0), cursor, args, body, loc(kw), line(kw));
        }
        if (acceptWord("execute")) {
            PlExpr query = readUntil(Set.of("loop", "using"), "LOOP", true);
            checkExpression(query);
            List<PlExpr> using = List.of();
            if (acceptWord("using")) {
                using = expressionList(Set.of("loop"), "LOOP");
            }
            expectWord("loop");
            List<PlStatement> body = loopBody(label);
            return new PlStatement.ForQuery(label, targets, null, query, using, body, loc(kw), line(kw));
        }
        boolean reverse = acceptWord("reverse");
        PlExpr first = readUntil(Set.of("loop"), "LOOP", true, TokenKind.DOT_DOT);
        if (accept(TokenKind.DOT_DOT)) {
            if (targets.size() != 1) {
                throw syntaxError(peek());
            }
            checkExpression(first);
            PlExpr upper = readUntil(Set.of("loop", "by"), "LOOP", true);
            checkExpression(upper);
            PlExpr step = null;
            if (acceptWord("by")) {
                step = readUntil(Set.of("loop"), "LOOP", true);
                checkExpression(step);
            }
            expectWord("loop");
            List<PlStatement> body = loopBody(label, targets.get(0));
            return new PlStatement.ForInteger(label, targets.get(0), reverse, first, upper, step, body, loc(kw),
                    line(kw));
        }
        if (reverse) {
            throw syntaxError(peek());
        }
        checkStatement(first);
        expectWord("loop");
        List<PlStatement> body = loopBody(label);
        return new PlStatement.ForQuery(label, targets, first, null, List.of(), body, loc(kw), line(kw));
    }

    /** Statements, then END LOOP [label] ;. */
    private List<PlStatement> loopBody(String label) {
        return loopBody(label, null);
    }

    /** A loop body in its own namespace level; {@code variable} is the integer FOR loop's own variable. */
    private List<PlStatement> loopBody(String label, String variable) {
        ns.push(label, true);
        List<PlStatement> body;
        try {
            if (variable != null) {
                ns.declare(variable, false);
            }
            body = statements(Set.of("end"));
        } finally {
            ns.pop();
        }
        expectWord("end");
        expectWord("loop");
        endLabel(label);
        expect(TokenKind.SEMICOLON);
        return body;
    }

    /** name [.name]* [, ...]. */
    private List<String> targetList() {
        List<String> targets = new ArrayList<>();
        do {
            Token t = next();
            if ((!isName(t) && !t.is(TokenKind.PARAM)) || (t.is(TokenKind.IDENT) && PL_RESERVED.contains(t.value()))) {
                throw syntaxError(t);
            }
            StringBuilder sb = new StringBuilder(t.is(TokenKind.PARAM) ? "$" + t.value() : t.value());
            while (peek().is(TokenKind.DOT) && isName(peek(1))) {
                next();
                sb.append('.').append(next().value());
            }
            targets.add(sb.toString());
        } while (accept(TokenKind.COMMA));
        return targets;
    }

    /** INTO targets: each must be a variable that can be assigned. */
    private List<String> assignableTargets() {
        int mark = tokens.mark();
        List<String> targets = targetList();
        int end = tokens.mark();
        tokens.reset(mark);
        for (String t : targets) {
            Token at = peek();
            List<String> parts = List.of(t.split("\\."));
            if (!t.startsWith("$")) {
                checkAssignable(parts, t, at);
            }
            for (int i = 0; i < parts.size() * 2; i++) {
                next();
            }
        }
        tokens.reset(end);
        return targets;
    }

    private PlStatement exit() {
        Token kw = next();
        String label = null;
        if (isName(peek()) && !atWord("when")) {
            Token lt = next();
            label = lt.value();
            Boolean loop = routine == null ? Boolean.TRUE : ns.labelIsLoop(label);
            if (loop == null) {
                throw positioned("42601", "there is no label \"" + label
                        + "\" attached to any block or loop enclosing this statement", lt);
            }
            if (!loop && kw.isWord("continue")) {
                throw positioned("42601", "block label \"" + label + "\" cannot be used in CONTINUE", lt);
            }
        } else if (routine != null && !ns.inLoop()) {
            throw positioned("42601", kw.isWord("continue") ? "CONTINUE cannot be used outside a loop"
                    : "EXIT cannot be used outside a loop, unless it has a label", kw);
        }
        PlExpr when = null;
        if (acceptWord("when")) {
            when = readUntil(Set.of(), ";", true);
            checkExpression(when);
        }
        expect(TokenKind.SEMICOLON);
        return new PlStatement.Exit(kw.isWord("continue"), label, when, loc(kw), line(kw));
    }

    private PlStatement returnStatement() {
        Token kw = next();
        if (peek().is(TokenKind.EOF)) {
            throw error("unexpected end of function definition", peek());
        }
        if (atWord("next")) {
            next();
            if (routine != null && !routine.returnsSet()) {
                throw positioned("42804", "cannot use RETURN NEXT in a non-SETOF function", kw);
            }
            PlExpr value = null;
            if (!peek().is(TokenKind.SEMICOLON)) {
                if (routine != null && !routine.outNames().isEmpty()) {
                    throw positioned("42804", "RETURN NEXT cannot have a parameter in function with OUT parameters", peek());
                }
                value = readUntil(Set.of(), ";", true);
                checkExpression(value);
            }
            expect(TokenKind.SEMICOLON);
            return new PlStatement.ReturnNext(value, loc(kw), line(kw));
        }
        if (atWord("query")) {
            next();
            if (routine != null && !routine.returnsSet()) {
                throw positioned("42804", "cannot use RETURN QUERY in a non-SETOF function", kw);
            }
            if (acceptWord("execute")) {
                PlExpr q = readUntil(Set.of("using"), ";", true);
                checkExpression(q);
                List<PlExpr> using = List.of();
                if (acceptWord("using")) {
                    using = expressionList(Set.of(), ";");
                }
                expect(TokenKind.SEMICOLON);
                return new PlStatement.ReturnQuery(null, q, using, loc(kw), line(kw));
            }
            PlExpr q = readUntil(Set.of(), ";", false);
            checkStatement(q);
            expect(TokenKind.SEMICOLON);
            return new PlStatement.ReturnQuery(q, null, List.of(), loc(kw), line(kw));
        }
        PlExpr value = null;
        if (!peek().is(TokenKind.SEMICOLON)) {
            checkReturnValueAllowed(peek());
            value = readUntil(Set.of(), ";", true);
            checkExpression(value);
        } else if (routine != null && !routine.returnsSet() && !routine.returnsVoid()
                && routine.outNames().isEmpty()) {
            throw error("missing expression", peek());
        }
        expect(TokenKind.SEMICOLON);
        return new PlStatement.Return(value, loc(kw), line(kw));
    }

    /** RETURN with a value: not in set-returning functions, functions with OUT parameters, or void ones. */
    private void checkReturnValueAllowed(Token at) {
        if (routine == null) {
            return;
        }
        if (routine.procedure()) {
            throw positioned("42804", "RETURN cannot have a parameter in a procedure", at);
        }
        if (routine.returnsSet()) {
            throw new SqlException("ERROR", "42804", "RETURN cannot have a parameter in function returning set", null,
                    "Use RETURN NEXT or RETURN QUERY.", loc(at), null);
        }
        if (!routine.outNames().isEmpty()) {
            throw positioned("42804", "RETURN cannot have a parameter in function with OUT parameters", at);
        }
        if (routine.returnsVoid()) {
            throw positioned("42804", "RETURN cannot have a parameter in function returning void", at);
        }
    }

    /**
     * An error PostgreSQL's compiler raises without a position: CONTEXT names the routine and the body line
     * ({@code compilation of PL/pgSQL function "f" near line 3}).
     */
    private SqlException compileError(String sqlState, String message, Token at) {
        return new SqlException("ERROR", sqlState, message, null, null, 0, "compilation of PL/pgSQL function \""
                + (routine == null ? "inline_code_block" : routine.name()) + "\" near line " + line(at));
    }

    private PlStatement raise() {
        Token kw = next();
        if (peek().is(TokenKind.EOF)) {
            throw error("unexpected end of function definition", peek());
        }
        if (accept(TokenKind.SEMICOLON)) {
            return new PlStatement.Raise("exception", null, null, null, List.of(), List.of(), true, loc(kw),
                    line(kw));
        }
        String level = "exception";
        if (peek().is(TokenKind.IDENT) && LEVELS.contains(peek().value())) {
            level = next().value();
        }
        String condition = null;
        String sqlState = null;
        String format = null;
        List<PlExpr> params = new ArrayList<>();
        Token t = peek();
        if (t.is(TokenKind.STRING)) {
            next();
            format = t.value();
            while (accept(TokenKind.COMMA)) {
                PlExpr p = readUntil(Set.of("using"), ";", true, TokenKind.COMMA);
                checkExpression(p);
                params.add(p);
            }
            int placeholders = countPlaceholders(format);
            if (placeholders > params.size()) {
                throw compileError("42601", "too few parameters specified for RAISE", peek());
            }
            if (placeholders < params.size()) {
                throw compileError("42601", "too many parameters specified for RAISE", peek());
            }
        } else if (t.isWord("sqlstate")) {
            next();
            Token s = expect(TokenKind.STRING);
            if (!s.value().matches("[0-9A-Z]{5}")) {
                throw new SqlException("ERROR", "42601", "invalid SQLSTATE code", null, null, loc(s), null);
            }
            sqlState = s.value();
        } else if (isName(t) && !t.isWord("using")) {
            next();
            condition = t.value();
            if (!PlConditions.isKnown(condition)) {
                throw compileError("42704", "unrecognized exception condition \"" + condition + "\"", t);
            }
        } else if (!t.isWord("using") && !t.is(TokenKind.SEMICOLON)) {
            throw syntaxError(t);
        }
        List<PlStatement.RaiseOption> options = new ArrayList<>();
        if (acceptWord("using")) {
            do {
                Token name = next();
                if (!name.is(TokenKind.IDENT) || !RAISE_OPTIONS.contains(name.value())) {
                    throw error("unrecognized RAISE statement option", name);
                }
                if (!peek().isOp("=") && !peek().is(TokenKind.COLON_EQUALS)) {
                    throw error("syntax error, expected \"=\"", peek());
                }
                next();
                PlExpr value = readUntil(Set.of(), ";", true, TokenKind.COMMA);
                checkExpression(value);
                if (peek().is(TokenKind.EOF)) {
                    throw error("unexpected end of function definition", peek());
                }
                options.add(new PlStatement.RaiseOption(name.value(), value));
            } while (accept(TokenKind.COMMA));
        }
        expect(TokenKind.SEMICOLON);
        return new PlStatement.Raise(level, condition, sqlState, format, params, options, false, loc(kw), line(kw));
    }

    /** '%' placeholders of a RAISE format; '%%' is a literal percent sign. */
    static int countPlaceholders(String format) {
        int n = 0;
        for (int i = 0; i < format.length(); i++) {
            if (format.charAt(i) == '%') {
                if (i + 1 < format.length() && format.charAt(i + 1) == '%') {
                    i++;
                } else {
                    n++;
                }
            }
        }
        return n;
    }

    private PlStatement assertStatement() {
        Token kw = next();
        PlExpr cond = readUntil(Set.of(), ";", true, TokenKind.COMMA);
        checkExpression(cond);
        PlExpr message = null;
        if (accept(TokenKind.COMMA)) {
            message = readUntil(Set.of(), ";", true);
            checkExpression(message);
        }
        expect(TokenKind.SEMICOLON);
        return new PlStatement.Assert(cond, message, loc(kw), line(kw));
    }

    private PlStatement dynExecute() {
        Token kw = next();
        PlExpr query = readUntil(Set.of("into", "using"), ";", true);
        checkExpression(query);
        List<String> into = List.of();
        boolean strict = false;
        List<PlExpr> using = List.of();
        boolean sawInto = false;
        boolean sawUsing = false;
        while (true) {
            if (!sawInto && acceptWord("into")) {
                sawInto = true;
                strict = acceptWord("strict");
                into = targetList();
            } else if (!sawUsing && acceptWord("using")) {
                sawUsing = true;
                using = expressionList(Set.of("into"), ";");
            } else {
                break;
            }
        }
        expect(TokenKind.SEMICOLON);
        return new PlStatement.DynExecute(query, into, strict, using, loc(kw), line(kw));
    }

    private List<PlExpr> expressionList(Set<String> stopWords, String expected) {
        List<PlExpr> list = new ArrayList<>();
        do {
            PlExpr e = readUntil(stopWords, expected, true, TokenKind.COMMA);
            checkExpression(e);
            list.add(e);
        } while (accept(TokenKind.COMMA));
        return list;
    }

    private PlStatement getDiagnostics() {
        Token kw = next();
        boolean stacked = false;
        if (acceptWord("stacked")) {
            stacked = true;
        } else {
            acceptWord("current");
        }
        expectWord("diagnostics");
        List<PlStatement.DiagnosticsItem> items = new ArrayList<>();
        do {
            List<String> target = targetList();
            if (!peek().isOp("=") && !peek().is(TokenKind.COLON_EQUALS)) {
                throw syntaxError(peek());
            }
            next();
            Token item = next();
            if (!item.is(TokenKind.IDENT)) {
                throw syntaxError(item);
            }
            String name = item.value();
            if (!DIAG_CURRENT.contains(name) && !DIAG_STACKED.contains(name)) {
                throw error("unrecognized GET DIAGNOSTICS item", item);
            }
            if (stacked && DIAG_CURRENT.contains(name)) {
                throw new SqlException("ERROR", "42601", "diagnostics item " + name.toUpperCase()
                        + " is not allowed in GET STACKED DIAGNOSTICS", null, null, loc(kw), null);
            }
            if (!stacked && DIAG_STACKED.contains(name)) {
                throw new SqlException("ERROR", "42601", "diagnostics item " + name.toUpperCase()
                        + " is not allowed in GET CURRENT DIAGNOSTICS", null, null, loc(kw), null);
            }
            items.add(new PlStatement.DiagnosticsItem(target.get(0), name));
        } while (accept(TokenKind.COMMA));
        expect(TokenKind.SEMICOLON);
        return new PlStatement.GetDiagnostics(stacked, items, loc(kw), line(kw));
    }

    /** A SQL statement up to ';', with a PL/pgSQL INTO clause taken out. */
    private PlStatement execSql() {
        Token first = peek();
        String command = first.is(TokenKind.IDENT) ? first.value().toUpperCase() : "SELECT";
        StringBuilder text = new StringBuilder();
        List<String> into = new ArrayList<>();
        boolean strict = false;
        boolean sawInto = false;
        int depth = 0;
        Token prev = null;
        Token last = null;
        int textStart = first.start();
        int copiedTo = textStart;
        while (true) {
            Token t = peek();
            if (t.is(TokenKind.EOF)) {
                throw error("unexpected end of function definition", t);
            }
            if (depth == 0 && t.is(TokenKind.SEMICOLON)) {
                break;
            }
            if (t.is(TokenKind.LPAREN)) {
                depth++;
            } else if (t.is(TokenKind.RPAREN) && depth > 0) {
                // like make_execsql_stmt: an unbalanced ')' is left to the SQL syntax check
                depth--;
            }
            if (depth == 0 && t.isWord("into") && !(prev != null && (prev.isWord("insert") || prev.isWord("merge")))
                    && !command.equals("IMPORT")) {
                if (sawInto) {
                    throw error("INTO specified more than once", t);
                }
                sawInto = true;
                text.append(tokens.body(), copiedTo, t.start());
                next();
                strict = acceptWord("strict");
                into.addAll(assignableTargets());
                Token end = tokens.previous();
                text.append(" ".repeat(end.end() - t.start()));
                copiedTo = end.end();
                prev = end;
                last = end;
                continue;
            }
            prev = next();
            last = prev;
        }
        if (last == null) {
            throw syntaxError(peek());
        }
        text.append(tokens.body(), copiedTo, last.end());
        // an INTO clause at the end leaves only blanks, which PostgreSQL does not show
        PlExpr sql = new PlExpr(text.toString().stripTrailing(), loc(first), line(first));
        checkStatement(sql);
        expect(TokenKind.SEMICOLON);
        return new PlStatement.ExecSql(sql, command, into, strict, loc(first), line(first));
    }

    // ------------------------------------------------------------------ SQL fragments

    private PlExpr readUntil(Set<String> stopWords, String expected, boolean isExpression, TokenKind... stopKinds) {
        return readUntil(stopWords, expected, isExpression, false, stopKinds);
    }

    /**
     * Reads SQL text up to a terminator at parenthesis depth 0, with PostgreSQL's read_sql_construct errors:
     * unbalanced parentheses, a ';' where another terminator was expected ("missing "THEN" at end of SQL
     * expression"), an empty fragment ("missing expression"); at the end of the body the fragment's own syntax is
     * checked first, then the end of input is the error.
     */
    private PlExpr readUntil(Set<String> stopWords, String expected, boolean isExpression, boolean allowEmpty,
                             TokenKind... stopKinds) {
        Token first = peek();
        Token last = null;
        int depth = 0;
        while (true) {
            Token t = peek();
            boolean stop = false;
            if (depth == 0) {
                if (t.is(TokenKind.IDENT) && stopWords.contains(t.value())) {
                    stop = true;
                }
                for (TokenKind k : stopKinds) {
                    if (t.is(k)) {
                        stop = true;
                    }
                }
                if (expected.equals(";") && t.is(TokenKind.SEMICOLON)) {
                    stop = true;
                }
            }
            if (stop) {
                break;
            }
            if (t.is(TokenKind.EOF)) {
                if (depth != 0) {
                    throw error("mismatched parentheses", t);
                }
                int terminators = stopWords.size() + stopKinds.length + (expected.equals(";") ? 1 : 0);
                if (terminators >= 3) {
                    // read_sql_construct with all three "until" slots in use does not stop at the end of input
                    throw new SqlException("ERROR", "42601", "missing \"" + missingText(stopWords, stopKinds, expected)
                            + "\" at end of SQL " + (isExpression ? "expression" : "statement"), null, null, loc(t),
                            null);
                }
                if (last != null) {
                    PlExpr partial = fragment(first, last);
                    if (isExpression) {
                        checkExpression(partial);
                    } else {
                        checkStatement(partial);
                    }
                }
                throw syntaxError(t);
            }
            if (t.is(TokenKind.SEMICOLON)) {
                if (depth != 0) {
                    throw error("mismatched parentheses", t);
                }
                throw new SqlException("ERROR", "42601", "missing \"" + expected + "\" at end of SQL "
                        + (isExpression ? "expression" : "statement"), null, null, loc(t), null);
            }
            if (t.is(TokenKind.LPAREN) || t.is(TokenKind.LBRACKET)) {
                depth++;
            } else if (t.is(TokenKind.RPAREN) || t.is(TokenKind.RBRACKET)) {
                depth--;
                if (depth < 0) {
                    throw error("mismatched parentheses", t);
                }
            }
            last = next();
        }
        if (last == null) {
            if (allowEmpty) {
                return new PlExpr("", loc(peek()), line(peek()));
            }
            throw error(isExpression ? "missing expression" : "missing SQL statement", peek());
        }
        return fragment(first, last);
    }

    /** The terminator list as PostgreSQL names it in "missing ..." messages. */
    private static String missingText(Set<String> stopWords, TokenKind[] stopKinds, String expected) {
        if (stopWords.contains("into")) {
            return "INTO or USING or ;";
        }
        if (stopWords.contains("using") && stopKinds.length > 0) {
            return ", or ; or USING";
        }
        return expected;
    }

    private PlExpr fragment(Token first, Token last) {
        return new PlExpr(tokens.body().substring(first.start(), last.end()), loc(first), line(first));
    }

    /** Syntax check of an expression, evaluated by PostgreSQL as {@code SELECT <expr>}. */
    private static void checkExpression(PlExpr e) {
        SqlParser.parse(e.asSelect(), e.selectPositionOffset());
    }

    /** Syntax check of a SQL statement: exactly one statement. */
    private void checkStatement(PlExpr e) {
        SqlParser.parse(e.text(), e.positionOffset());
    }
}
