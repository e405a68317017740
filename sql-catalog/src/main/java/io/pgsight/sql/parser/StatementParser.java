package io.pgsight.sql.parser;

import io.pgsight.sql.ast.Command;
import io.pgsight.sql.ast.Expr;
import io.pgsight.sql.ast.Identifier;
import io.pgsight.sql.ast.Option;
import io.pgsight.sql.ast.QualifiedName;
import io.pgsight.sql.ast.Query;
import io.pgsight.sql.ast.TypeName;
import io.pgsight.sql.ast.Value;
import io.pgsight.sql.ast.WithClause;

import java.util.ArrayList;
import java.util.List;

/** Statement dispatch and the utility statements (SET, SHOW, transactions, COPY, EXPLAIN, VACUUM, ...). */
final class StatementParser extends DdlParser {
    StatementParser(SourceText source, TokenStream tokens) {
        super(source, tokens);
    }

    @Override
    Command statement() {
        Token t = peek();
        if (t.is(TokenKind.LPAREN)) {
            return query();
        }
        if (t.kind() != TokenKind.IDENT) {
            throw syntaxError();
        }
        switch (t.value()) {
            case "select", "values", "table":
                return query();
            case "with": {
                WithClause with = withClause();
                if (atWord("insert")) {
                    return insert(with, t);
                }
                if (atWord("update")) {
                    return update(with, t);
                }
                if (atWord("delete")) {
                    return delete(with, t);
                }
                return queryAfterWith(with, t);
            }
            case "insert":
                return insert(null, t);
            case "update":
                return update(null, t);
            case "delete":
                return delete(null, t);
            case "create":
                return create();
            case "alter":
                return alter();
            case "drop":
                return drop();
            case "truncate":
                return truncate();
            case "comment":
                return commentOn();
            case "explain":
                return explain();
            case "set":
                return set();
            case "show":
                return show();
            case "reset":
                return reset();
            case "begin":
                return begin();
            case "start":
                return startTransaction();
            case "commit", "end":
                return commit();
            case "rollback", "abort":
                return rollback();
            case "savepoint": {
                next();
                return new Command.Transaction(Command.TransactionKind.SAVEPOINT, colId().name(), List.of(), false,
                        loc(t));
            }
            case "release": {
                next();
                if (atWord("savepoint") && Keywords.isColId(peek(1))) {
                    next();
                }
                return new Command.Transaction(Command.TransactionKind.RELEASE, colId().name(), List.of(), false,
                        loc(t));
            }
            case "prepare":
                return prepare();
            case "execute":
                return execute();
            case "deallocate":
                return deallocate();
            case "vacuum":
                return vacuum();
            case "analyze", "analyse":
                return analyze();
            case "copy":
                return copy();
            case "listen": {
                next();
                return new Command.Listen(colId().name(), loc(t));
            }
            case "unlisten": {
                next();
                if (acceptOp("*")) {
                    return new Command.Unlisten(null, loc(t));
                }
                return new Command.Unlisten(colId().name(), loc(t));
            }
            case "notify": {
                next();
                String channel = colId().name();
                String payload = null;
                if (accept(TokenKind.COMMA)) {
                    payload = stringConstant();
                }
                return new Command.Notify(channel, payload, loc(t));
            }
            case "discard": {
                next();
                String what;
                if (acceptWord("all")) {
                    what = "all";
                } else if (acceptWord("plans")) {
                    what = "plans";
                } else if (acceptWord("sequences")) {
                    what = "sequences";
                } else if (acceptWord("temp") || acceptWord("temporary")) {
                    what = "temp";
                } else {
                    throw syntaxError();
                }
                return new Command.Discard(what, loc(t));
            }
            case "do":
                return doBlock();
            case "call": {
                next();
                Token n = peek();
                Expr e = aExpr(Precedence.TYPECAST + 1, false);
                if (!(e instanceof Expr.FuncCall f)) {
                    throw syntaxError(n);
                }
                return new Command.Call(f, loc(t));
            }
            case "security":
                next();
                if (!atWord("label")) {
                    throw syntaxError();
                }
                return otherStatement("SECURITY LABEL", t);
            case "declare":
                return declareCursor();
            case "fetch", "move":
                return fetch();
            case "close": {
                next();
                if (!acceptWord("all")) {
                    colId();
                }
                return new Command.AlterOther("CLOSE", source.text().substring(t.start(), tokens.previous().end()),
                        loc(t));
            }
            case "grant", "revoke", "lock", "checkpoint", "reindex", "cluster", "refresh", "load", "reassign",
                    "import":
                return otherStatement(t.value().toUpperCase(), t);
            default:
                throw syntaxError();
        }
    }

    /** {@code DECLARE name [BINARY] [[ASENSITIVE|INSENSITIVE]] [[NO] SCROLL] CURSOR [WITH[OUT] HOLD] FOR query}. */
    private Command declareCursor() {
        Token first = next();
        colId();
        while (acceptWord("binary") || acceptWord("insensitive") || acceptWord("asensitive") || acceptWord("scroll")
                || acceptWord("no")) {
            // cursor options
        }
        expectWord("cursor");
        if (acceptWord("with") || acceptWord("without")) {
            expectWord("hold");
        }
        expectWord("for");
        query();
        return new Command.AlterOther("DECLARE", source.text().substring(first.start(), tokens.previous().end()),
                loc(first));
    }

    /** {@code FETCH|MOVE [direction] [FROM|IN] cursor}. */
    private Command fetch() {
        Token first = next();
        if (acceptWord("next") || acceptWord("prior") || acceptWord("first") || acceptWord("last")) {
            fromOrIn(false);
        } else if (acceptWord("absolute") || acceptWord("relative")) {
            signedNumber();
            fromOrIn(false);
        } else if (acceptWord("all")) {
            fromOrIn(false);
        } else if (acceptWord("forward") || acceptWord("backward")) {
            if (!acceptWord("all") && (at(TokenKind.INTEGER) || atOp("-") || atOp("+"))) {
                signedNumber();
            }
            fromOrIn(false);
        } else if (at(TokenKind.INTEGER) || atOp("-") || atOp("+")) {
            signedNumber();
            fromOrIn(false);
        } else {
            fromOrIn(true);
        }
        colId();
        String what = first.value().toUpperCase();
        return new Command.AlterOther(what, source.text().substring(first.start(), tokens.previous().end()),
                loc(first));
    }

    private void fromOrIn(boolean optional) {
        if (!acceptWord("from") && !acceptWord("in") && !optional) {
            if (!Keywords.isColId(peek())) {
                throw syntaxError();
            }
        }
    }

    @Override
    Command otherStatement(String what, Token first) {
        int depth = 0;
        Token last = first;
        while (true) {
            Token t = peek();
            if (t.is(TokenKind.EOF) || (depth == 0 && t.is(TokenKind.SEMICOLON))) {
                break;
            }
            if (t.is(TokenKind.LPAREN)) {
                depth++;
            } else if (t.is(TokenKind.RPAREN)) {
                if (depth == 0) {
                    break;
                }
                depth--;
            }
            last = next();
        }
        return new Command.AlterOther(what, source.text().substring(first.start(), last.end()), loc(first));
    }

    // ------------------------------------------------------------------ options and values

    @Override
    List<Option> relOptions() {
        return optionList(true, false);
    }

    /** EXPLAIN and VACUUM options: {@code ( name [value], ... )} with a word, string or number value. */
    List<Option> optionListInParens() {
        return optionList(false, false);
    }

    /** COPY options: like EXPLAIN's, and a value may also be {@code *} or a parenthesized list. */
    List<Option> copyOptions() {
        return optionList(false, true);
    }

    private static final java.util.Set<String> TYPE_KEYWORDS = java.util.Set.of("bigint", "bit", "boolean", "char",
            "character", "dec", "decimal", "float", "int", "integer", "interval", "national", "nchar", "numeric",
            "real", "setof", "smallint", "time", "timestamp", "varchar");

    private List<Option> optionList(boolean withEquals, boolean listValues) {
        expect(TokenKind.LPAREN);
        List<Option> options = new ArrayList<>();
        do {
            Token t = peek();
            boolean nameOk = withEquals ? Keywords.isColLabel(t) : (isNonReservedWord(t) || t.isWord("analyze")
                    || t.isWord("analyse") || (listValues && Keywords.isColLabel(t)));
            if (!nameOk) {
                throw syntaxError();
            }
            StringBuilder name = new StringBuilder(next().value());
            if (withEquals) {
                while (at(TokenKind.DOT)) {
                    next();
                    name.append('.').append(colLabel().name());
                }
            }
            Value value = null;
            if (withEquals) {
                if (acceptOp("=")) {
                    Token v = peek();
                    // def_arg: a type name, a reserved word, an operator, a number or a string
                    if (v.kind() == TokenKind.IDENT && Keywords.category(v.value()) == Keywords.Category.COL_NAME
                            && !TYPE_KEYWORDS.contains(v.value())) {
                        throw syntaxError();
                    }
                    if (v.kind() == TokenKind.OP && Precedence.isOperatorSymbol(v.value())
                            && !((v.value().equals("-") || v.value().equals("+"))
                            && (peek(1).is(TokenKind.INTEGER) || peek(1).is(TokenKind.NUMERIC)))) {
                        next();
                        value = new Value.Word(v.value(), loc(v));
                    } else {
                        value = optionValue();
                    }
                }
            } else if (!at(TokenKind.COMMA) && !at(TokenKind.RPAREN)) {
                Token v = peek();
                if (v.kind() == TokenKind.IDENT && Keywords.isReserved(v.value()) && !v.isWord("true")
                        && !v.isWord("false") && !v.isWord("on")) {
                    throw syntaxError();
                }
                if (!listValues && (v.is(TokenKind.LPAREN) || v.isOp("*"))) {
                    throw syntaxError();
                }
                value = optionValue();
            }
            options.add(new Option(name.toString(), value, loc(t)));
        } while (accept(TokenKind.COMMA));
        expect(TokenKind.RPAREN);
        return options;
    }

    @Override
    Value optionValue() {
        Token t = peek();
        int at = loc(t);
        switch (t.kind()) {
            case STRING:
                next();
                return new Value.Str(t.value(), at);
            case INTEGER:
            case NUMERIC:
                next();
                return new Value.Num(t.value(), at);
            case OP:
                if (t.value().equals("-") || t.value().equals("+")) {
                    return signedNumber();
                }
                if (t.value().equals("*")) {
                    next();
                    return new Value.Word("*", at);
                }
                throw syntaxError();
            case LPAREN: {
                next();
                List<Value> items = new ArrayList<>();
                do {
                    items.add(optionValue());
                } while (accept(TokenKind.COMMA));
                expect(TokenKind.RPAREN);
                return new Value.ValueList(items, at);
            }
            case IDENT:
            case QUOTED_IDENT: {
                next();
                StringBuilder sb = new StringBuilder(t.value());
                // qualified type names and dotted words (schema.type)
                while (at(TokenKind.DOT) && Keywords.isColLabel(peek(1))) {
                    next();
                    sb.append('.').append(next().value());
                }
                return new Value.Word(sb.toString(), at);
            }
            default:
                throw syntaxError();
        }
    }

    // ------------------------------------------------------------------ EXPLAIN, SET, SHOW, RESET

    private Command explain() {
        Token first = expectWord("explain");
        List<Option> options = new ArrayList<>();
        if (at(TokenKind.LPAREN) && Keywords.isColLabel(peek(1)) && !startsSubquery()) {
            options.addAll(optionListInParens());
        } else {
            if (atWord("analyze") || atWord("analyse")) {
                Token a = next();
                options.add(new Option("analyze", null, loc(a)));
            }
            if (atWord("verbose")) {
                Token v = next();
                options.add(new Option("verbose", null, loc(v)));
            }
        }
        Token s = peek();
        Command stmt;
        if (s.isWord("select") || s.isWord("values") || s.isWord("table") || s.isWord("with") || s.isWord("insert")
                || s.isWord("update") || s.isWord("delete") || s.isWord("execute") || s.is(TokenKind.LPAREN)
                || (s.isWord("create") && (atWord(1, "table") || atWord(1, "materialized") || atWord(1, "temp")
                || atWord(1, "temporary") || atWord(1, "unlogged")))) {
            stmt = statement();
        } else {
            throw syntaxError();
        }
        return new Command.Explain(stmt, options, loc(first));
    }

    private Command set() {
        Token first = expectWord("set");
        boolean local = false;
        if (atWord("local") && !isAssignmentAhead(1)) {
            next();
            local = true;
        } else if (atWord("session") && !(atWord(1, "characteristics") && atWord(2, "as"))
                && !atWord(1, "authorization") && !isAssignmentAhead(1)) {
            next();
        }
        if (atWord("transaction") && !isAssignmentAhead(1)) {
            next();
            return new Command.SetTransaction(transactionModes(), false, loc(first));
        }
        if (atWord("session") && atWord(1, "characteristics") && atWord(2, "as")) {
            next();
            next();
            expectWord("as");
            expectWord("transaction");
            return new Command.SetTransaction(transactionModes(), true, loc(first));
        }
        if (atWord("time") && atWord(1, "zone")) {
            next();
            next();
            return timeZone(first, local);
        }
        if (atWord("schema") && peek(1).is(TokenKind.STRING)) {
            next();
            Token s = next();
            return new Command.SetVariable("search_path", List.of(new Value.Str(s.value(), loc(s))), local, false,
                    loc(first));
        }
        if (atWord("names") && !isAssignmentAhead(1)) {
            next();
            if (at(TokenKind.STRING) || Keywords.isColLabel(peek())) {
                if (atWord("default")) {
                    next();
                    return new Command.SetVariable("client_encoding", List.of(), local, true, loc(first));
                }
                Value v = optionValue();
                return new Command.SetVariable("client_encoding", List.of(v), local, false, loc(first));
            }
            return new Command.SetVariable("client_encoding", List.of(), local, true, loc(first));
        }
        if (atWord("role") && !isAssignmentAhead(1)) {
            next();
            Value v = optionValue();
            return new Command.SetVariable("role", List.of(v), local, false, loc(first));
        }
        if (atWord("session") && atWord(1, "authorization")) {
            next();
            next();
            if (acceptWord("default")) {
                return new Command.SetVariable("session_authorization", List.of(), local, true, loc(first));
            }
            Value v = optionValue();
            return new Command.SetVariable("session_authorization", List.of(v), local, false, loc(first));
        }
        String name = varName();
        if (atWord("from")) {
            next();
            expectWord("current");
            return new Command.SetVariable(name, List.of(new Value.Word("current", loc(first))), local, false,
                    loc(first));
        }
        if (!acceptWord("to") && !acceptOp("=")) {
            throw syntaxError();
        }
        if (atWord("default") && (peek(1).is(TokenKind.SEMICOLON) || peek(1).is(TokenKind.EOF))) {
            next();
            return new Command.SetVariable(name, List.of(), local, true, loc(first));
        }
        List<Value> values = new ArrayList<>();
        do {
            values.add(setValue());
        } while (accept(TokenKind.COMMA));
        return new Command.SetVariable(name, values, local, false, loc(first));
    }

    private boolean isAssignmentAhead(int k) {
        return peek(k).isWord("to") || peek(k).isOp("=");
    }

    /** var_value: TRUE/FALSE/ON or a non-reserved word, a string, or a signed number. */
    @Override
    Value setValue() {
        Token t = peek();
        if (t.kind() == TokenKind.IDENT && !t.isWord("true") && !t.isWord("false") && !t.isWord("on")
                && Keywords.isReserved(t.value())) {
            throw syntaxError();
        }
        if (t.kind() == TokenKind.IDENT || t.kind() == TokenKind.QUOTED_IDENT) {
            next();
            return new Value.Word(t.value(), loc(t));
        }
        return optionValue();
    }

    private Command timeZone(Token first, boolean local) {
        Token t = peek();
        if (acceptWord("local") || acceptWord("default")) {
            return new Command.SetVariable("timezone", List.of(), local, true, loc(first));
        }
        if (atWord("interval")) {
            next();
            if (accept(TokenKind.LPAREN)) {
                integerConstant();
                expect(TokenKind.RPAREN);
            }
            Token s = peek();
            String text = stringConstant();
            List<Expr> fields = intervalFields();
            return new Command.SetVariable("timezone", List.of(new Value.Str(text, loc(s))), local, false,
                    loc(first));
        }
        if (t.kind() == TokenKind.IDENT && Keywords.category(t.value()) != Keywords.Category.UNRESERVED) {
            throw syntaxError();
        }
        Value v = optionValue();
        return new Command.SetVariable("timezone", List.of(v), local, false, loc(first));
    }

    private Command show() {
        Token first = expectWord("show");
        String name;
        if (acceptWords("time", "zone")) {
            name = "timezone";
        } else if (atWord("transaction") && atWord(1, "isolation")) {
            next();
            next();
            expectWord("level");
            name = "transaction_isolation";
        } else if (acceptWords("session", "authorization")) {
            name = "session_authorization";
        } else if (acceptWord("all")) {
            name = "all";
        } else {
            name = varName();
        }
        return new Command.Show(name, loc(first));
    }

    private Command reset() {
        Token first = expectWord("reset");
        String name;
        if (acceptWords("time", "zone")) {
            name = "timezone";
        } else if (atWord("transaction") && atWord(1, "isolation")) {
            next();
            next();
            expectWord("level");
            name = "transaction_isolation";
        } else if (acceptWords("session", "authorization")) {
            name = "session_authorization";
        } else if (acceptWord("all")) {
            name = "all";
        } else {
            name = varName();
        }
        return new Command.Reset(name, loc(first));
    }

    // ------------------------------------------------------------------ transactions

    private List<String> transactionModes() {
        List<String> modes = new ArrayList<>();
        while (true) {
            if (acceptWord("isolation")) {
                expectWord("level");
                if (acceptWord("serializable")) {
                    modes.add("isolation level serializable");
                } else if (acceptWords("repeatable", "read")) {
                    modes.add("isolation level repeatable read");
                } else if (acceptWord("read")) {
                    if (acceptWord("committed")) {
                        modes.add("isolation level read committed");
                    } else {
                        expectWord("uncommitted");
                        modes.add("isolation level read uncommitted");
                    }
                } else {
                    throw syntaxError();
                }
            } else if (acceptWord("read")) {
                if (acceptWord("only")) {
                    modes.add("read only");
                } else {
                    expectWord("write");
                    modes.add("read write");
                }
            } else if (acceptWord("deferrable")) {
                modes.add("deferrable");
            } else if (acceptWord("not")) {
                expectWord("deferrable");
                modes.add("not deferrable");
            } else {
                if (!modes.isEmpty() && tokens.previous() != null && tokens.previous().is(TokenKind.COMMA)) {
                    throw syntaxError();
                }
                return modes;
            }
            accept(TokenKind.COMMA);
        }
    }

    private Command begin() {
        Token first = expectWord("begin");
        if (!acceptWord("work")) {
            acceptWord("transaction");
        }
        return new Command.Transaction(Command.TransactionKind.BEGIN, null, transactionModes(), false, loc(first));
    }

    private Command startTransaction() {
        Token first = expectWord("start");
        expectWord("transaction");
        return new Command.Transaction(Command.TransactionKind.START, null, transactionModes(), false, loc(first));
    }

    private Command commit() {
        Token first = next();
        if (first.isWord("commit") && acceptWord("prepared")) {
            return new Command.Transaction(Command.TransactionKind.COMMIT_PREPARED, stringConstant(), List.of(),
                    false, loc(first));
        }
        if (!acceptWord("work")) {
            acceptWord("transaction");
        }
        boolean chain = chainOption();
        return new Command.Transaction(Command.TransactionKind.COMMIT, null, List.of(), chain, loc(first));
    }

    private boolean chainOption() {
        if (acceptWord("and")) {
            boolean no = acceptWord("no");
            expectWord("chain");
            return !no;
        }
        return false;
    }

    private Command rollback() {
        Token first = next();
        if (first.isWord("rollback") && acceptWord("prepared")) {
            return new Command.Transaction(Command.TransactionKind.ROLLBACK_PREPARED, stringConstant(), List.of(),
                    false, loc(first));
        }
        if (!acceptWord("work")) {
            acceptWord("transaction");
        }
        if (first.isWord("rollback") && acceptWord("to")) {
            if (atWord("savepoint") && Keywords.isColId(peek(1))) {
                next();
            }
            return new Command.Transaction(Command.TransactionKind.ROLLBACK_TO, colId().name(), List.of(), false,
                    loc(first));
        }
        boolean chain = chainOption();
        return new Command.Transaction(Command.TransactionKind.ROLLBACK, null, List.of(), chain, loc(first));
    }

    // ------------------------------------------------------------------ PREPARE / EXECUTE / DEALLOCATE

    private Command prepare() {
        Token first = expectWord("prepare");
        if (acceptWord("transaction")) {
            return new Command.Transaction(Command.TransactionKind.PREPARE, stringConstant(), List.of(), false,
                    loc(first));
        }
        String name = colId().name();
        List<TypeName> types = new ArrayList<>();
        if (accept(TokenKind.LPAREN)) {
            do {
                types.add(typeName());
            } while (accept(TokenKind.COMMA));
            expect(TokenKind.RPAREN);
        }
        expectWord("as");
        Token s = peek();
        if (!(s.isWord("select") || s.isWord("values") || s.isWord("table") || s.isWord("with")
                || s.isWord("insert") || s.isWord("update") || s.isWord("delete") || s.is(TokenKind.LPAREN))) {
            throw syntaxError();
        }
        return new Command.Prepare(name, types, statement(), loc(first));
    }

    private Command execute() {
        Token first = expectWord("execute");
        String name = colId().name();
        List<Expr> args = List.of();
        if (accept(TokenKind.LPAREN)) {
            args = exprList();
            expect(TokenKind.RPAREN);
        }
        return new Command.Execute(name, args, loc(first));
    }

    private Command deallocate() {
        Token first = expectWord("deallocate");
        acceptWord("prepare");
        if (acceptWord("all")) {
            return new Command.Deallocate(null, loc(first));
        }
        return new Command.Deallocate(colId().name(), loc(first));
    }

    // ------------------------------------------------------------------ VACUUM / ANALYZE

    private Command vacuum() {
        Token first = expectWord("vacuum");
        List<Option> options = new ArrayList<>();
        if (at(TokenKind.LPAREN)) {
            options.addAll(optionListInParens());
        } else {
            for (String word : List.of("full", "freeze", "verbose", "analyze")) {
                if (acceptWord(word) || (word.equals("analyze") && acceptWord("analyse"))) {
                    options.add(new Option(word, null, loc(tokens.previous())));
                }
            }
        }
        return new Command.Vacuum(false, options, vacuumTargets(), loc(first));
    }

    private Command analyze() {
        Token first = next();
        List<Option> options = new ArrayList<>();
        if (at(TokenKind.LPAREN)) {
            options.addAll(optionListInParens());
        } else if (atWord("verbose")) {
            Token v = next();
            options.add(new Option("verbose", null, loc(v)));
        }
        return new Command.Vacuum(true, options, vacuumTargets(), loc(first));
    }

    private List<Command.VacuumTarget> vacuumTargets() {
        List<Command.VacuumTarget> targets = new ArrayList<>();
        if (at(TokenKind.SEMICOLON) || at(TokenKind.EOF)) {
            return targets;
        }
        do {
            QualifiedName table = relationName();
            List<Identifier> cols = List.of();
            if (at(TokenKind.LPAREN)) {
                cols = parenthesizedNameList();
            }
            targets.add(new Command.VacuumTarget(table, cols));
        } while (accept(TokenKind.COMMA));
        return targets;
    }

    // ------------------------------------------------------------------ COPY

    private Command copy() {
        Token first = expectWord("copy");
        List<Option> options = new ArrayList<>();
        QualifiedName table = null;
        List<Identifier> cols = List.of();
        Query query = null;
        if (at(TokenKind.LPAREN)) {
            next();
            Command inner = statement();
            if (inner instanceof Query q) {
                query = q;
            } else {
                throw syntaxError();
            }
            expect(TokenKind.RPAREN);
        } else {
            if (atWord("binary")) {
                Token b = next();
                options.add(new Option("format", new Value.Word("binary", loc(b)), loc(b)));
            }
            table = relationName();
            if (at(TokenKind.LPAREN)) {
                cols = parenthesizedNameList();
            }
        }
        boolean from;
        if (acceptWord("from")) {
            from = true;
        } else if (acceptWord("to")) {
            from = false;
        } else {
            throw syntaxError();
        }
        if (from && query != null) {
            throw syntaxError(tokens.previous());
        }
        boolean program = acceptWord("program");
        String file = null;
        if (acceptWord("stdin") || acceptWord("stdout")) {
            if (program) {
                throw syntaxError(tokens.previous());
            }
        } else {
            file = stringConstant();
        }
        if (acceptWord("using")) {
            expectWord("delimiters");
            Token d = peek();
            options.add(new Option("delimiter", new Value.Str(stringConstant(), loc(d)), loc(d)));
        } else if (atWord("delimiters")) {
            Token d = next();
            options.add(new Option("delimiter", new Value.Str(stringConstant(), loc(d)), loc(d)));
        }
        acceptWord("with");
        if (at(TokenKind.LPAREN)) {
            options.addAll(copyOptions());
        } else {
            options.addAll(oldCopyOptions());
        }
        Expr where = null;
        if (acceptWord("where")) {
            where = expr();
        }
        return new Command.Copy(table, cols, query, from, file, program, options, where, loc(first));
    }

    /** Pre-9.0 COPY options, normalized to the generic option names. */
    private List<Option> oldCopyOptions() {
        List<Option> opts = new ArrayList<>();
        while (true) {
            Token t = peek();
            int at = loc(t);
            if (acceptWord("binary")) {
                opts.add(new Option("format", new Value.Word("binary", at), at));
            } else if (acceptWord("csv")) {
                opts.add(new Option("format", new Value.Word("csv", at), at));
            } else if (acceptWord("header")) {
                opts.add(new Option("header", new Value.Word("true", at), at));
            } else if (acceptWord("freeze")) {
                opts.add(new Option("freeze", new Value.Word("true", at), at));
            } else if (acceptWord("delimiter")) {
                acceptWord("as");
                Token s = peek();
                opts.add(new Option("delimiter", new Value.Str(stringConstant(), loc(s)), at));
            } else if (acceptWord("null")) {
                acceptWord("as");
                Token s = peek();
                opts.add(new Option("null", new Value.Str(stringConstant(), loc(s)), at));
            } else if (acceptWord("quote")) {
                acceptWord("as");
                Token s = peek();
                opts.add(new Option("quote", new Value.Str(stringConstant(), loc(s)), at));
            } else if (acceptWord("escape")) {
                acceptWord("as");
                Token s = peek();
                opts.add(new Option("escape", new Value.Str(stringConstant(), loc(s)), at));
            } else if (acceptWord("encoding")) {
                Token s = peek();
                opts.add(new Option("encoding", new Value.Str(stringConstant(), loc(s)), at));
            } else if (acceptWord("force")) {
                String name;
                if (acceptWord("quote")) {
                    name = "force_quote";
                } else if (acceptWords("not", "null")) {
                    name = "force_not_null";
                } else if (acceptWord("null")) {
                    name = "force_null";
                } else {
                    throw syntaxError();
                }
                if (acceptOp("*")) {
                    opts.add(new Option(name, new Value.Word("*", at), at));
                } else {
                    List<Value> cols = new ArrayList<>();
                    do {
                        Identifier c = colId();
                        cols.add(new Value.Word(c.name(), c.location()));
                    } while (accept(TokenKind.COMMA));
                    opts.add(new Option(name, new Value.ValueList(cols, at), at));
                }
            } else {
                return opts;
            }
        }
    }

    // ------------------------------------------------------------------ DO

    private Command doBlock() {
        Token first = expectWord("do");
        String language = null;
        Expr.StringLiteral code = null;
        while (true) {
            if (at(TokenKind.STRING)) {
                Token s = next();
                if (code != null) {
                    throw new io.pgsight.sql.api.SqlException("ERROR", "42601", "conflicting or redundant options",
                            null, null, loc(s), null);
                }
                code = new Expr.StringLiteral(s.value(), loc(s));
            } else if (acceptWord("language")) {
                language = at(TokenKind.STRING) ? next().value().toLowerCase() : nonReservedWord().name();
            } else {
                break;
            }
        }
        if (code == null) {
            if (language == null) {
                throw syntaxError();
            }
            throw new io.pgsight.sql.api.SqlException("ERROR", "42601", "no inline code specified", null, null,
                    loc(first), null);
        }
        return new Command.DoBlock(language, code, loc(first));
    }
}
