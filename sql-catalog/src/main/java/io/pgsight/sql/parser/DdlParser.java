package io.pgsight.sql.parser;

import io.pgsight.sql.ast.AlterTableAction;
import io.pgsight.sql.ast.Command;
import io.pgsight.sql.ast.Constraint;
import io.pgsight.sql.ast.Expr;
import io.pgsight.sql.ast.FunctionParam;
import io.pgsight.sql.ast.Identifier;
import io.pgsight.sql.ast.IndexElem;
import io.pgsight.sql.ast.Option;
import io.pgsight.sql.ast.Persistence;
import io.pgsight.sql.ast.QualifiedName;
import io.pgsight.sql.ast.Query;
import io.pgsight.sql.ast.TableElement;
import io.pgsight.sql.ast.TypeName;
import io.pgsight.sql.ast.Value;

import java.util.ArrayList;
import java.util.List;

/** CREATE, ALTER, DROP, TRUNCATE and COMMENT statements. */
abstract class DdlParser extends DmlParser {
    DdlParser(SourceText source, TokenStream tokens) {
        super(source, tokens);
    }

    /** Consumes the rest of an unmodelled statement and returns it as {@link Command.AlterOther}. */
    abstract Command otherStatement(String what, Token first);

    /** A value in an option list or SET: word, string or (signed) number. */
    abstract Value optionValue();

    /** A SET value (var_value): TRUE/FALSE/ON or a non-reserved word, a string, or a signed number. */
    abstract Value setValue();

    // ------------------------------------------------------------------ CREATE

    Command create() {
        Token first = expectWord("create");
        boolean orReplace = false;
        if (atWord("or")) {
            next();
            expectWord("replace");
            orReplace = true;
        }
        Persistence persistence = persistence();
        if (atWord("table")) {
            return createTable(first, persistence == null ? Persistence.PERMANENT : persistence);
        }
        if (atWord("unique") || atWord("index")) {
            return createIndex(first);
        }
        if (atWord("function") || atWord("procedure")) {
            return createFunction(first, orReplace);
        }
        if (atWord("recursive") && atWord(1, "view")) {
            next();
        }
        if (atWord("view")) {
            return createView(first, orReplace, persistence == null ? Persistence.PERMANENT : persistence);
        }
        if (atWord("sequence")) {
            return createSequence(first, persistence == null ? Persistence.PERMANENT : persistence);
        }
        if (atWord("materialized")) {
            if (!atWord(1, "view")) {
                next();
                throw syntaxError();
            }
            return createMaterializedView(first);
        }
        if (atWord("extension")) {
            return createExtension(first);
        }
        if (atWord("database")) {
            return createDatabase(first);
        }
        if (atWord("schema")) {
            return createSchema(first);
        }
        if (persistence != null) {
            throw syntaxError();
        }
        Token what = peek();
        String kind = otherObjectKind(orReplace ? CREATE_OR_REPLACE_OTHER : CREATE_OTHER);
        return otherStatement("CREATE " + kind, first);
    }

    private static final java.util.Map<String, String> CREATE_OTHER = java.util.Map.ofEntries(
            java.util.Map.entry("access", "method"), java.util.Map.entry("aggregate", ""),
            java.util.Map.entry("cast", ""), java.util.Map.entry("collation", ""),
            java.util.Map.entry("conversion", ""), java.util.Map.entry("default", "conversion"),
            java.util.Map.entry("domain", ""), java.util.Map.entry("event", "trigger"),
            java.util.Map.entry("foreign", "data|table"), java.util.Map.entry("group", ""),
            java.util.Map.entry("language", ""), java.util.Map.entry("trusted", "language|procedural"),
            java.util.Map.entry("procedural", "language"), java.util.Map.entry("operator", ""),
            java.util.Map.entry("policy", ""), java.util.Map.entry("publication", ""),
            java.util.Map.entry("role", ""), java.util.Map.entry("rule", ""), java.util.Map.entry("server", ""),
            java.util.Map.entry("statistics", ""), java.util.Map.entry("subscription", ""),
            java.util.Map.entry("tablespace", ""), java.util.Map.entry("text", "search"),
            java.util.Map.entry("transform", ""), java.util.Map.entry("trigger", ""),
            java.util.Map.entry("constraint", "trigger"), java.util.Map.entry("type", ""),
            java.util.Map.entry("user", ""));

    private static final java.util.Map<String, String> CREATE_OR_REPLACE_OTHER = java.util.Map.of(
            "aggregate", "", "language", "", "trusted", "language|procedural", "procedural", "language",
            "rule", "", "transform", "", "trigger", "", "constraint", "trigger");

    static final java.util.Map<String, String> DROP_OTHER = java.util.Map.ofEntries(
            java.util.Map.entry("access", "method"), java.util.Map.entry("cast", ""),
            java.util.Map.entry("collation", ""), java.util.Map.entry("conversion", ""),
            java.util.Map.entry("event", "trigger"), java.util.Map.entry("foreign", "data|table"),
            java.util.Map.entry("group", ""), java.util.Map.entry("language", ""),
            java.util.Map.entry("procedural", "language"), java.util.Map.entry("operator", ""),
            java.util.Map.entry("owned", "by"), java.util.Map.entry("policy", ""),
            java.util.Map.entry("publication", ""), java.util.Map.entry("role", ""), java.util.Map.entry("rule", ""),
            java.util.Map.entry("server", ""), java.util.Map.entry("statistics", ""),
            java.util.Map.entry("subscription", ""), java.util.Map.entry("tablespace", ""),
            java.util.Map.entry("text", "search"), java.util.Map.entry("transform", ""),
            java.util.Map.entry("trigger", ""), java.util.Map.entry("user", ""));

    static final java.util.Map<String, String> ALTER_OTHER = java.util.Map.ofEntries(
            java.util.Map.entry("aggregate", ""), java.util.Map.entry("collation", ""),
            java.util.Map.entry("conversion", ""), java.util.Map.entry("database", ""),
            java.util.Map.entry("default", "privileges"), java.util.Map.entry("domain", ""),
            java.util.Map.entry("event", "trigger"), java.util.Map.entry("extension", ""),
            java.util.Map.entry("foreign", "data|table"), java.util.Map.entry("function", ""),
            java.util.Map.entry("group", ""), java.util.Map.entry("language", ""),
            java.util.Map.entry("large", "object"), java.util.Map.entry("materialized", "view"),
            java.util.Map.entry("operator", ""), java.util.Map.entry("policy", ""),
            java.util.Map.entry("procedural", "language"), java.util.Map.entry("procedure", ""),
            java.util.Map.entry("publication", ""), java.util.Map.entry("role", ""),
            java.util.Map.entry("routine", ""), java.util.Map.entry("rule", ""), java.util.Map.entry("schema", ""),
            java.util.Map.entry("server", ""), java.util.Map.entry("statistics", ""),
            java.util.Map.entry("subscription", ""), java.util.Map.entry("system", ""),
            java.util.Map.entry("tablespace", ""), java.util.Map.entry("text", "search"),
            java.util.Map.entry("trigger", ""), java.util.Map.entry("type", ""), java.util.Map.entry("user", ""));

    /**
     * The object kind of an unmodelled CREATE/DROP/ALTER: the next word must be one PostgreSQL knows there (and
     * some need a particular second word, e.g. DEFAULT CONVERSION); otherwise the syntax error is at the word.
     */
    String otherObjectKind(java.util.Map<String, String> kinds) {
        Token what = peek();
        if (what.kind() != TokenKind.IDENT || !kinds.containsKey(what.value())) {
            throw syntaxError();
        }
        next();
        String second = kinds.get(what.value());
        if (second.isEmpty()) {
            return what.value().toUpperCase();
        }
        Token w2 = peek();
        for (String option : second.split("\\|")) {
            if (w2.isWord(option)) {
                return (what.value() + " " + option).toUpperCase();
            }
        }
        throw syntaxError();
    }

    /** TEMP/TEMPORARY/LOCAL TEMP/GLOBAL TEMP/UNLOGGED, or null when none. */
    private Persistence persistence() {
        if (acceptWord("temporary") || acceptWord("temp")) {
            return Persistence.TEMPORARY;
        }
        if ((atWord("local") || atWord("global")) && (atWord(1, "temporary") || atWord(1, "temp"))) {
            next();
            next();
            return Persistence.TEMPORARY;
        }
        if (acceptWord("unlogged")) {
            return Persistence.UNLOGGED;
        }
        return null;
    }

    private boolean ifNotExists() {
        // IF followed by NOT commits to IF NOT EXISTS (otherwise IF would be a name)
        if (atWord("if") && atWord(1, "not")) {
            next();
            next();
            expectWord("exists");
            return true;
        }
        return false;
    }

    private boolean ifExists() {
        if (atWord("if") && atWord(1, "exists")) {
            next();
            next();
            return true;
        }
        return false;
    }

    private Command createTable(Token first, Persistence persistence) {
        expectWord("table");
        boolean ifNotExists = ifNotExists();
        QualifiedName name = relationName();
        if (at(TokenKind.LPAREN) && Keywords.isColId(peek(1))
                && (peek(2).is(TokenKind.COMMA) || peek(2).is(TokenKind.RPAREN))) {
            List<Identifier> cols = parenthesizedNameList();
            return createTableAs(first, name, persistence, ifNotExists, cols);
        }
        if (atWord("as") || atWord("with") && !peek(1).is(TokenKind.LPAREN) || atWord("using")) {
            return createTableAs(first, name, persistence, ifNotExists, List.of());
        }
        if (atWord("with") && peek(1).is(TokenKind.LPAREN)) {
            // WITH (storage options) AS query
            int mark = tokens.mark();
            next();
            relOptions();
            boolean ctas = atWord("as");
            tokens.reset(mark);
            if (ctas) {
                return createTableAs(first, name, persistence, ifNotExists, List.of());
            }
        }
        expect(TokenKind.LPAREN);
        List<TableElement> elements = new ArrayList<>();
        if (!at(TokenKind.RPAREN)) {
            do {
                elements.add(tableElement());
            } while (accept(TokenKind.COMMA));
        }
        expect(TokenKind.RPAREN);
        List<QualifiedName> inherits = new ArrayList<>();
        if (acceptWord("inherits")) {
            expect(TokenKind.LPAREN);
            do {
                inherits.add(relationName());
            } while (accept(TokenKind.COMMA));
            expect(TokenKind.RPAREN);
        }
        if (atWord("partition") && atWord(1, "by")) {
            next();
            next();
            colId();
            indexElements();
        }
        if (acceptWord("using")) {
            colId();
        }
        List<Option> options = List.of();
        if (acceptWord("with")) {
            options = relOptions();
        } else if (acceptWord("without")) {
            expectWord("oids");
        }
        String onCommit = null;
        if (atWord("on")) {
            next();
            expectWord("commit");
            if (acceptWords("drop")) {
                onCommit = "drop";
            } else if (acceptWords("delete", "rows")) {
                onCommit = "delete rows";
            } else {
                expectWord("preserve");
                expectWord("rows");
                onCommit = "preserve rows";
            }
        }
        if (acceptWord("tablespace")) {
            colId();
        }
        return new Command.CreateTable(name, persistence, ifNotExists, elements, inherits, options, onCommit,
                loc(first));
    }

    private Command createTableAs(Token first, QualifiedName name, Persistence persistence, boolean ifNotExists,
                                  List<Identifier> cols) {
        if (acceptWord("using")) {
            colId();
        }
        if (atWord("with") && peek(1).is(TokenKind.LPAREN)) {
            next();
            relOptions();
        }
        if (acceptWord("tablespace")) {
            colId();
        }
        expectWord("as");
        Query query;
        if (atWord("execute")) {
            throw syntaxError();
        }
        query = query();
        boolean withData = true;
        if (acceptWord("with")) {
            // only WITH [NO] DATA can follow the query here
            withData = !acceptWord("no");
            expectWord("data");
        }
        return new Command.CreateTableAs(name, persistence, ifNotExists, cols, query, withData, false, false,
                loc(first));
    }

    private TableElement tableElement() {
        Token t = peek();
        if (t.isWord("like")) {
            next();
            QualifiedName source = relationName();
            List<String> opts = new ArrayList<>();
            while (atWord("including") || atWord("excluding")) {
                String a = next().value();
                Token o = peek();
                if (!(o.kind() == TokenKind.IDENT && LIKE_OPTIONS.contains(o.value()))) {
                    throw syntaxError();
                }
                opts.add(a + " " + next().value());
            }
            return new TableElement.Like(source, opts, loc(t));
        }
        if (t.isWord("constraint") || t.isWord("check") || t.isWord("unique") || t.isWord("primary")
                || t.isWord("foreign") || (t.isWord("exclude") && (peek(1).is(TokenKind.LPAREN)
                || atWord(1, "using")))) {
            return new TableElement.TableConstraint(tableConstraint(), loc(t));
        }
        return columnDef();
    }

    private static final java.util.Set<String> LIKE_OPTIONS = java.util.Set.of("comments", "compression",
            "constraints", "defaults", "identity", "generated", "indexes", "statistics", "storage", "all");

    TableElement.ColumnDef columnDef() {
        Identifier name = colId();
        TypeName type = typeName();
        QualifiedName collation = null;
        if (acceptWord("compression")) {
            colLabel();
        }
        List<Constraint> constraints = new ArrayList<>();
        while (true) {
            if (atWord("collate")) {
                next();
                collation = qualifiedName();
                continue;
            }
            Constraint c = columnConstraint();
            if (c == null) {
                break;
            }
            constraints.add(c);
        }
        return new TableElement.ColumnDef(name.name(), type, collation, constraints, name.location());
    }

    /** A column constraint or constraint attribute, or null when none follows. */
    private Constraint columnConstraint() {
        Token t = peek();
        String name = null;
        if (t.isWord("constraint")) {
            next();
            name = colId().name();
        }
        Token k = peek();
        int at = loc(t);
        if (k.isWord("not") && !atWord(1, "deferrable")) {
            next();
            expectWord("null");
            return Constraint.simple(name, Constraint.ConstraintKind.NOT_NULL, List.of(), null, at);
        }
        if (k.isWord("null")) {
            next();
            return Constraint.simple(name, Constraint.ConstraintKind.NULL, List.of(), null, at);
        }
        if (k.isWord("default")) {
            next();
            return Constraint.simple(name, Constraint.ConstraintKind.DEFAULT, List.of(), bExpr(), at);
        }
        if (k.isWord("check")) {
            next();
            expect(TokenKind.LPAREN);
            Expr e = expr();
            expect(TokenKind.RPAREN);
            boolean noInherit = acceptWords("no", "inherit");
            return new Constraint(name, Constraint.ConstraintKind.CHECK, List.of(), e, null, List.of(), null, null,
                    false, false, false, noInherit, false, List.of(), false, at);
        }
        if (k.isWord("unique")) {
            next();
            boolean nullsNotDistinct = nullsDistinctClause();
            List<Option> opts = indexParameters();
            return new Constraint(name, Constraint.ConstraintKind.UNIQUE, List.of(), null, null, List.of(), null,
                    null, false, false, false, false, false, opts, nullsNotDistinct, at);
        }
        if (k.isWord("primary")) {
            next();
            expectWord("key");
            List<Option> opts = indexParameters();
            return new Constraint(name, Constraint.ConstraintKind.PRIMARY_KEY, List.of(), null, null, List.of(),
                    null, null, false, false, false, false, false, opts, false, at);
        }
        if (k.isWord("references")) {
            return references(name, List.of(), at);
        }
        if (k.isWord("generated")) {
            next();
            boolean always;
            if (acceptWord("always")) {
                always = true;
            } else {
                expectWord("by");
                expectWord("default");
                always = false;
            }
            expectWord("as");
            if (acceptWord("identity")) {
                List<Option> seqOpts = List.of();
                if (at(TokenKind.LPAREN)) {
                    next();
                    seqOpts = sequenceOptions();
                    expect(TokenKind.RPAREN);
                }
                return new Constraint(name, Constraint.ConstraintKind.IDENTITY, List.of(), null, null, List.of(),
                        null, null, false, false, false, false, always, seqOpts, false, at);
            }
            expect(TokenKind.LPAREN);
            Expr e = expr();
            expect(TokenKind.RPAREN);
            expectWord("stored");
            return new Constraint(name, Constraint.ConstraintKind.GENERATED, List.of(), e, null, List.of(), null,
                    null, false, false, false, false, always, List.of(), false, at);
        }
        if (name != null) {
            throw syntaxError();
        }
        // constraint attributes apply to the preceding constraint; accepted and dropped here
        if (acceptWord("deferrable") || acceptWords("not", "deferrable") || acceptWords("initially", "deferred")
                || acceptWords("initially", "immediate")) {
            return columnConstraint();
        }
        return null;
    }

    private boolean nullsDistinctClause() {
        if (atWord("nulls") && atWord(1, "not") && atWord(2, "distinct")) {
            next();
            next();
            next();
            return true;
        }
        if (atWord("nulls") && atWord(1, "distinct")) {
            next();
            next();
        }
        return false;
    }

    /** [INCLUDE (..)] [WITH (..)] [USING INDEX TABLESPACE x] after PRIMARY KEY/UNIQUE. */
    private List<Option> indexParameters() {
        List<Option> opts = List.of();
        if (acceptWord("include")) {
            parenthesizedNameList();
        }
        if (atWord("with") && peek(1).is(TokenKind.LPAREN)) {
            next();
            opts = relOptions();
        }
        if (acceptWords("using", "index", "tablespace")) {
            colId();
        }
        return opts;
    }

    private Constraint references(String name, List<Identifier> columns, int at) {
        expectWord("references");
        QualifiedName refTable = relationName();
        List<Identifier> refCols = List.of();
        if (at(TokenKind.LPAREN)) {
            refCols = parenthesizedNameList();
        }
        boolean matchFull = false;
        if (acceptWord("match")) {
            if (acceptWord("full")) {
                matchFull = true;
            } else if (!acceptWord("partial")) {
                expectWord("simple");
            }
        }
        Constraint.ReferentialAction onDelete = null;
        Constraint.ReferentialAction onUpdate = null;
        while (atWord("on")) {
            next();
            if (!atWord("delete") && !atWord("update")) {
                throw syntaxError();
            }
            boolean delete = next().isWord("delete");
            Constraint.ReferentialAction action = referentialAction();
            if (delete) {
                onDelete = action;
            } else {
                onUpdate = action;
            }
        }
        boolean deferrable = false;
        boolean initiallyDeferred = false;
        while (true) {
            if (acceptWord("deferrable")) {
                deferrable = true;
            } else if (acceptWords("not", "deferrable")) {
                deferrable = false;
            } else if (acceptWords("initially", "deferred")) {
                initiallyDeferred = true;
            } else if (acceptWords("initially", "immediate")) {
                initiallyDeferred = false;
            } else {
                break;
            }
        }
        return new Constraint(name, Constraint.ConstraintKind.FOREIGN_KEY, columns, null, refTable, refCols,
                onDelete, onUpdate, matchFull, deferrable, initiallyDeferred, false, false, List.of(), false, at);
    }

    private Constraint.ReferentialAction referentialAction() {
        if (acceptWords("no", "action")) {
            return Constraint.ReferentialAction.NO_ACTION;
        }
        if (acceptWord("restrict")) {
            return Constraint.ReferentialAction.RESTRICT;
        }
        if (acceptWord("cascade")) {
            return Constraint.ReferentialAction.CASCADE;
        }
        if (acceptWords("set", "null")) {
            if (at(TokenKind.LPAREN)) {
                parenthesizedNameList();
            }
            return Constraint.ReferentialAction.SET_NULL;
        }
        if (acceptWords("set", "default")) {
            if (at(TokenKind.LPAREN)) {
                parenthesizedNameList();
            }
            return Constraint.ReferentialAction.SET_DEFAULT;
        }
        throw syntaxError();
    }

    /** [CONSTRAINT name] CHECK | UNIQUE | PRIMARY KEY | FOREIGN KEY | EXCLUDE, with its column list. */
    Constraint tableConstraint() {
        Token t = peek();
        int at = loc(t);
        String name = null;
        if (acceptWord("constraint")) {
            name = colId().name();
        }
        Constraint c;
        if (acceptWord("check")) {
            expect(TokenKind.LPAREN);
            Expr e = expr();
            expect(TokenKind.RPAREN);
            boolean noInherit = acceptWords("no", "inherit");
            c = new Constraint(name, Constraint.ConstraintKind.CHECK, List.of(), e, null, List.of(), null, null,
                    false, false, false, noInherit, false, List.of(), false, at);
        } else if (acceptWord("unique")) {
            boolean nnd = nullsDistinctClause();
            List<Identifier> cols = parenthesizedNameList();
            List<Option> opts = indexParameters();
            c = new Constraint(name, Constraint.ConstraintKind.UNIQUE, cols, null, null, List.of(), null, null,
                    false, false, false, false, false, opts, nnd, at);
        } else if (atWord("primary")) {
            next();
            expectWord("key");
            List<Identifier> cols = parenthesizedNameList();
            List<Option> opts = indexParameters();
            c = new Constraint(name, Constraint.ConstraintKind.PRIMARY_KEY, cols, null, null, List.of(), null, null,
                    false, false, false, false, false, opts, false, at);
        } else if (atWord("foreign")) {
            next();
            expectWord("key");
            List<Identifier> cols = parenthesizedNameList();
            c = references(name, cols, at);
        } else {
            throw syntaxError();
        }
        while (acceptWord("deferrable") || acceptWords("not", "deferrable") || acceptWords("initially", "deferred")
                || acceptWords("initially", "immediate") || acceptWords("not", "valid")) {
            // constraint attributes: accepted
        }
        return c;
    }

    private Command createIndex(Token first) {
        boolean unique = acceptWord("unique");
        expectWord("index");
        boolean concurrently = acceptWord("concurrently");
        boolean ifNotExists = ifNotExists();
        String name = null;
        if (ifNotExists || !atWord("on")) {
            name = colId().name();
        }
        expectWord("on");
        acceptWord("only");
        QualifiedName table = relationName();
        acceptOp("*");
        String method = null;
        if (acceptWord("using")) {
            method = colId().name();
        }
        List<IndexElem> elems = indexElements();
        List<Identifier> include = List.of();
        if (acceptWord("include")) {
            include = parenthesizedNameList();
        }
        nullsDistinctClause();
        List<Option> options = List.of();
        if (acceptWord("with")) {
            options = relOptions();
        }
        if (acceptWord("tablespace")) {
            colId();
        }
        Expr where = null;
        if (acceptWord("where")) {
            where = expr();
        }
        return new Command.CreateIndex(name, table, unique, concurrently, ifNotExists, method, elems, include,
                options, where, loc(first));
    }

    private Command createExtension(Token first) {
        expectWord("extension");
        boolean ifNotExists = ifNotExists();
        String name = colId().name();
        acceptWord("with");
        String schema = null;
        String version = null;
        boolean cascade = false;
        while (true) {
            if (acceptWord("schema")) {
                schema = colId().name();
            } else if (acceptWord("version")) {
                version = wordOrString();
            } else if (acceptWord("from")) {
                wordOrString();
            } else if (acceptWord("cascade")) {
                cascade = true;
            } else {
                break;
            }
        }
        return new Command.CreateExtension(name, ifNotExists, schema, version, cascade, loc(first));
    }

    /** NonReservedWord_or_Sconst. */
    String wordOrString() {
        if (at(TokenKind.STRING)) {
            return next().value();
        }
        return nonReservedWord().name();
    }

    private Command createDatabase(Token first) {
        expectWord("database");
        String name = colId().name();
        acceptWord("with");
        List<Option> options = new ArrayList<>();
        while (Keywords.isColLabel(peek())) {
            Token optTok = peek();
            String opt = next().value();
            if (opt.equals("connection") && acceptWord("limit")) {
                opt = "connection_limit";
            }
            acceptOp("=");
            Value v = acceptWord("default") ? new Value.Word("default", loc(optTok)) : optionValue();
            options.add(new Option(opt, v, loc(optTok)));
        }
        return new Command.CreateDatabase(name, options, loc(first));
    }

    private Command createSchema(Token first) {
        expectWord("schema");
        boolean ifNotExists = ifNotExists();
        String name = null;
        String auth = null;
        if (acceptWord("authorization")) {
            auth = nonReservedWord().name();
        } else {
            name = colId().name();
            if (acceptWord("authorization")) {
                auth = nonReservedWord().name();
            }
        }
        if (!at(TokenKind.SEMICOLON) && !at(TokenKind.EOF)) {
            // schema elements (CREATE TABLE ... inside CREATE SCHEMA) are not supported
            throw syntaxError();
        }
        return new Command.CreateSchema(name, ifNotExists, auth, loc(first));
    }

    private Command createSequence(Token first, Persistence persistence) {
        expectWord("sequence");
        boolean ifNotExists = ifNotExists();
        QualifiedName name = relationName();
        List<Option> options = sequenceOptions();
        return new Command.CreateSequence(name, persistence, ifNotExists, options, loc(first));
    }

    /** Sequence options until none follows. */
    List<Option> sequenceOptions() {
        List<Option> opts = new ArrayList<>();
        while (true) {
            Token t = peek();
            int at = loc(t);
            if (acceptWord("as")) {
                TypeName type = typeName();
                opts.add(new Option("as", new Value.Word(String.join(".", type.names()), at), at));
            } else if (acceptWord("increment")) {
                acceptWord("by");
                opts.add(new Option("increment", signedNumber(), at));
            } else if (acceptWord("minvalue")) {
                opts.add(new Option("minvalue", signedNumber(), at));
            } else if (acceptWord("maxvalue")) {
                opts.add(new Option("maxvalue", signedNumber(), at));
            } else if (acceptWords("no", "minvalue")) {
                opts.add(new Option("minvalue", null, at));
            } else if (acceptWords("no", "maxvalue")) {
                opts.add(new Option("maxvalue", null, at));
            } else if (acceptWords("no", "cycle")) {
                opts.add(new Option("cycle", new Value.Word("false", at), at));
            } else if (acceptWord("cycle")) {
                opts.add(new Option("cycle", new Value.Word("true", at), at));
            } else if (acceptWord("start")) {
                acceptWord("with");
                opts.add(new Option("start", signedNumber(), at));
            } else if (acceptWord("restart")) {
                acceptWord("with");
                opts.add(new Option("restart", at(TokenKind.INTEGER) || atOp("-") || atOp("+") ? signedNumber()
                        : null, at));
            } else if (acceptWord("cache")) {
                opts.add(new Option("cache", signedNumber(), at));
            } else if (acceptWords("owned", "by")) {
                if (acceptWord("none")) {
                    opts.add(new Option("owned_by", new Value.Word("none", at), at));
                } else {
                    opts.add(new Option("owned_by", new Value.Word(qualifiedName().dotted(), at), at));
                }
            } else if (acceptWords("sequence", "name")) {
                opts.add(new Option("sequence_name", new Value.Word(qualifiedName().dotted(), at), at));
            } else {
                return opts;
            }
        }
    }

    /** NumericOnly: an optionally signed integer or decimal. */
    Value signedNumber() {
        Token t = peek();
        String sign = "";
        if (atOp("-") || atOp("+")) {
            sign = next().value().equals("-") ? "-" : "";
        }
        Token n = peek();
        if (n.kind() != TokenKind.INTEGER && n.kind() != TokenKind.NUMERIC) {
            throw syntaxError();
        }
        next();
        return new Value.Num(sign + n.value(), loc(t));
    }

    private Command createView(Token first, boolean orReplace, Persistence persistence) {
        expectWord("view");
        QualifiedName name = relationName();
        List<Identifier> cols = List.of();
        if (at(TokenKind.LPAREN)) {
            cols = parenthesizedNameList();
        }
        if (atWord("with") && peek(1).is(TokenKind.LPAREN)) {
            next();
            relOptions();
        }
        expectWord("as");
        Query q = query();
        if (atWord("with")) {
            next();
            if (!acceptWord("cascaded")) {
                acceptWord("local");
            }
            expectWord("check");
            expectWord("option");
        }
        return new Command.CreateView(name, orReplace, persistence, cols, q, loc(first));
    }

    private Command createMaterializedView(Token first) {
        next();
        next();
        boolean ifNotExists = ifNotExists();
        QualifiedName name = relationName();
        List<Identifier> cols = List.of();
        if (at(TokenKind.LPAREN)) {
            cols = parenthesizedNameList();
        }
        if (acceptWord("using")) {
            colId();
        }
        if (atWord("with") && peek(1).is(TokenKind.LPAREN)) {
            next();
            relOptions();
        }
        expectWord("as");
        Query q = query();
        boolean withData = true;
        if (acceptWord("with")) {
            // only WITH [NO] DATA can follow the query here
            withData = !acceptWord("no");
            expectWord("data");
        }
        return new Command.CreateTableAs(name, Persistence.PERMANENT, ifNotExists, cols, q, withData, false, true,
                loc(first));
    }

    // ------------------------------------------------------------------ functions

    private Command createFunction(Token first, boolean orReplace) {
        boolean procedure = next().isWord("procedure");
        QualifiedName name = functionName();
        List<FunctionParam> params = functionParams(true);
        TypeName returnType = null;
        List<FunctionParam> returnsTable = List.of();
        if (acceptWord("returns")) {
            if (atWord("table")) {
                next();
                expect(TokenKind.LPAREN);
                List<FunctionParam> cols = new ArrayList<>();
                do {
                    Identifier colName = nonReservedWord();
                    TypeName type = functionType();
                    cols.add(new FunctionParam(colName.name(), FunctionParam.Mode.TABLE, type, null,
                            colName.location()));
                } while (accept(TokenKind.COMMA));
                expect(TokenKind.RPAREN);
                returnsTable = cols;
            } else {
                returnType = functionType();
            }
        }
        String language = null;
        Expr.StringLiteral body = null;
        String link = null;
        String volatility = null;
        Boolean strict = null;
        List<Option> options = new ArrayList<>();
        while (true) {
            Token t = peek();
            int at = loc(t);
            if (acceptWord("as")) {
                Token b = peek();
                body = new Expr.StringLiteral(stringConstant(), loc(b));
                if (accept(TokenKind.COMMA)) {
                    link = stringConstant();
                }
            } else if (acceptWord("language")) {
                language = at(TokenKind.STRING) ? next().value().toLowerCase() : nonReservedWord().name();
            } else if (acceptWord("immutable") || acceptWord("stable") || acceptWord("volatile")) {
                volatility = t.value();
            } else if (acceptWord("strict") || acceptWords("returns", "null", "on", "null", "input")) {
                strict = true;
            } else if (acceptWords("called", "on", "null", "input")) {
                strict = false;
            } else if (acceptWord("security") || acceptWords("external", "security")) {
                String v = acceptWord("definer") ? "definer" : expectWord("invoker").value();
                options.add(new Option("security", new Value.Word(v, at), at));
            } else if (acceptWord("leakproof")) {
                options.add(new Option("leakproof", new Value.Word("true", at), at));
            } else if (acceptWords("not", "leakproof")) {
                options.add(new Option("leakproof", new Value.Word("false", at), at));
            } else if (acceptWord("cost")) {
                options.add(new Option("cost", signedNumber(), at));
            } else if (acceptWord("rows")) {
                options.add(new Option("rows", signedNumber(), at));
            } else if (acceptWord("support")) {
                options.add(new Option("support", new Value.Word(qualifiedName().dotted(), at), at));
            } else if (acceptWord("parallel")) {
                options.add(new Option("parallel", new Value.Word(colId().name(), at), at));
            } else if (acceptWord("window")) {
                options.add(new Option("window", new Value.Word("true", at), at));
            } else if (atWord("set")) {
                next();
                String var = varName();
                if (acceptWords("from", "current")) {
                    options.add(new Option("set." + var, new Value.Word("current", at), at));
                } else {
                    if (!acceptWord("to")) {
                        expectOp("=");
                    }
                    List<Value> vals = new ArrayList<>();
                    do {
                        vals.add(setValue());
                    } while (accept(TokenKind.COMMA));
                    options.add(new Option("set." + var, vals.size() == 1 ? vals.get(0)
                            : new Value.ValueList(vals, at), at));
                }
            } else if (atWord("return") && body == null) {
                // SQL-standard body: RETURN expr
                Token r = next();
                Token exprStart = peek();
                expr();
                Token last = tokens.previous();
                // "SELECT " has the length of "RETURN ", so positions inside map one to one
                String text = "SELECT " + source.text().substring(exprStart.start(), last.end());
                body = new Expr.StringLiteral(text, loc(r));
                options.add(new Option("sql_body", new Value.Word("return", at), at));
            } else {
                break;
            }
        }
        return new Command.CreateFunction(orReplace, procedure, name, params, returnType, returnsTable, language,
                body, link, volatility, strict, options, loc(first));
    }

    /** func_name: type_function_name or ColId with attributes. */
    QualifiedName functionName() {
        Token first = peek();
        if (!(Keywords.isTypeFunctionName(first) || Keywords.isColId(first))) {
            throw syntaxError();
        }
        next();
        List<String> parts = new ArrayList<>();
        parts.add(first.value());
        if (skipNameIndirection(parts)) {
            throw syntaxError();
        }
        return new QualifiedName(parts, loc(first));
    }

    /** '(' [param, ...] ')' of CREATE/DROP FUNCTION; {@code withDefaults} allows DEFAULT values. */
    List<FunctionParam> functionParams(boolean withDefaults) {
        expect(TokenKind.LPAREN);
        List<FunctionParam> params = new ArrayList<>();
        if (accept(TokenKind.RPAREN)) {
            return params;
        }
        do {
            params.add(functionParam(withDefaults));
        } while (accept(TokenKind.COMMA));
        expect(TokenKind.RPAREN);
        return params;
    }

    /**
     * func_arg: {@code [mode] [name] type}, {@code name mode type}, then {@code [DEFAULT|= expr]}. Whether the
     * first word is a name or the type is decided by which reading parses, as in PostgreSQL's grammar.
     */
    private FunctionParam functionParam(boolean withDefaults) {
        Token start = peek();
        FunctionParam.Mode mode = paramMode();
        FunctionParam.Mode leading = mode;
        FunctionParam p;
        if (Keywords.isTypeFunctionName(peek())) {
            p = oneOf(() -> {
                Token n = next();
                FunctionParam.Mode m = leading;
                if (m == null) {
                    m = paramMode();
                }
                TypeName type = functionType();
                requireParamEnd();
                return new FunctionParam(n.value(), m == null ? FunctionParam.Mode.IN : m, type, null, loc(start));
            }, () -> {
                TypeName type = functionType();
                requireParamEnd();
                return new FunctionParam(null, leading == null ? FunctionParam.Mode.IN : leading, type, null,
                        loc(start));
            });
        } else {
            TypeName type = functionType();
            p = new FunctionParam(null, mode == null ? FunctionParam.Mode.IN : mode, type, null, loc(start));
        }
        Expr def = null;
        if (withDefaults && (acceptWord("default") || acceptOp("="))) {
            def = expr();
        }
        return new FunctionParam(p.name(), p.mode(), p.type(), def, p.location());
    }

    private void requireParamEnd() {
        if (!(at(TokenKind.COMMA) || at(TokenKind.RPAREN) || atWord("default") || atOp("="))) {
            throw syntaxError();
        }
    }

    private FunctionParam.Mode paramMode() {
        if (atWord("in")) {
            next();
            if (acceptWord("out")) {
                return FunctionParam.Mode.INOUT;
            }
            return FunctionParam.Mode.IN;
        }
        if (acceptWord("out")) {
            return FunctionParam.Mode.OUT;
        }
        if (acceptWord("inout")) {
            return FunctionParam.Mode.INOUT;
        }
        if (acceptWord("variadic")) {
            return FunctionParam.Mode.VARIADIC;
        }
        return null;
    }

    /** func_type: Typename, or {@code [SETOF] name%TYPE}. */
    TypeName functionType() {
        return typeName();
    }

    // ------------------------------------------------------------------ DROP, TRUNCATE, COMMENT

    Command drop() {
        Token first = expectWord("drop");
        Token what = peek();
        Command.ObjectKind kind;
        boolean concurrently = false;
        switch (what.kind() == TokenKind.IDENT ? what.value() : "") {
            case "table" -> kind = Command.ObjectKind.TABLE;
            case "index" -> kind = Command.ObjectKind.INDEX;
            case "view" -> kind = Command.ObjectKind.VIEW;
            case "sequence" -> kind = Command.ObjectKind.SEQUENCE;
            case "schema" -> kind = Command.ObjectKind.SCHEMA;
            case "extension" -> kind = Command.ObjectKind.EXTENSION;
            case "database" -> kind = Command.ObjectKind.DATABASE;
            case "type" -> kind = Command.ObjectKind.TYPE;
            case "domain" -> kind = Command.ObjectKind.DOMAIN;
            case "function" -> kind = Command.ObjectKind.FUNCTION;
            case "procedure", "routine" -> kind = Command.ObjectKind.PROCEDURE;
            case "aggregate" -> kind = Command.ObjectKind.AGGREGATE;
            case "materialized" -> {
                if (!atWord(1, "view")) {
                    throw syntaxError(peek(1));
                }
                next();
                kind = Command.ObjectKind.MATERIALIZED_VIEW;
            }
            default -> {
                return otherStatement("DROP " + otherObjectKind(DROP_OTHER), first);
            }
        }
        next();
        if (kind == Command.ObjectKind.INDEX && acceptWord("concurrently")) {
            concurrently = true;
        }
        boolean ifExists = ifExists();
        if (kind == Command.ObjectKind.FUNCTION || kind == Command.ObjectKind.PROCEDURE
                || kind == Command.ObjectKind.AGGREGATE) {
            List<Command.FunctionSignature> sigs = new ArrayList<>();
            do {
                Token n = peek();
                QualifiedName name = functionName();
                List<FunctionParam> params = at(TokenKind.LPAREN) ? functionParams(false) : null;
                sigs.add(new Command.FunctionSignature(name, params, loc(n)));
            } while (accept(TokenKind.COMMA));
            boolean cascade = cascadeOption();
            return new Command.DropFunction(kind, sigs, ifExists, cascade, loc(first));
        }
        List<QualifiedName> names = new ArrayList<>();
        do {
            names.add(qualifiedName());
        } while (accept(TokenKind.COMMA));
        if (kind == Command.ObjectKind.DATABASE) {
            if (atWord("with") || at(TokenKind.LPAREN)) {
                acceptWord("with");
                expect(TokenKind.LPAREN);
                expectWord("force");
                expect(TokenKind.RPAREN);
            }
        }
        boolean cascade = cascadeOption();
        return new Command.Drop(kind, names, ifExists, cascade, concurrently, loc(first));
    }

    boolean cascadeOption() {
        if (acceptWord("cascade")) {
            return true;
        }
        acceptWord("restrict");
        return false;
    }

    Command truncate() {
        Token first = expectWord("truncate");
        acceptWord("table");
        List<QualifiedName> tables = new ArrayList<>();
        do {
            acceptWord("only");
            tables.add(relationName());
            acceptOp("*");
        } while (accept(TokenKind.COMMA));
        boolean restart = false;
        if (acceptWord("restart")) {
            expectWord("identity");
            restart = true;
        } else if (acceptWord("continue")) {
            expectWord("identity");
        }
        boolean cascade = cascadeOption();
        return new Command.Truncate(tables, restart, cascade, loc(first));
    }

    Command commentOn() {
        Token first = expectWord("comment");
        expectWord("on");
        Token what = peek();
        Command.ObjectKind kind;
        switch (what.kind() == TokenKind.IDENT ? what.value() : "") {
            case "table" -> kind = Command.ObjectKind.TABLE;
            case "column" -> kind = Command.ObjectKind.COLUMN;
            case "index" -> kind = Command.ObjectKind.INDEX;
            case "view" -> kind = Command.ObjectKind.VIEW;
            case "sequence" -> kind = Command.ObjectKind.SEQUENCE;
            case "schema" -> kind = Command.ObjectKind.SCHEMA;
            case "extension" -> kind = Command.ObjectKind.EXTENSION;
            case "database" -> kind = Command.ObjectKind.DATABASE;
            case "type" -> kind = Command.ObjectKind.TYPE;
            case "domain" -> kind = Command.ObjectKind.DOMAIN;
            case "function" -> kind = Command.ObjectKind.FUNCTION;
            case "procedure" -> kind = Command.ObjectKind.PROCEDURE;
            case "aggregate" -> kind = Command.ObjectKind.AGGREGATE;
            case "constraint" -> kind = Command.ObjectKind.CONSTRAINT;
            case "operator" -> kind = Command.ObjectKind.OPERATOR;
            case "role" -> kind = Command.ObjectKind.ROLE;
            case "trigger" -> kind = Command.ObjectKind.TRIGGER;
            case "language" -> kind = Command.ObjectKind.LANGUAGE;
            case "materialized" -> {
                next();
                if (!atWord("view")) {
                    throw syntaxError();
                }
                kind = Command.ObjectKind.MATERIALIZED_VIEW;
            }
            default -> throw syntaxError();
        }
        next();
        QualifiedName name;
        List<FunctionParam> params = null;
        if (kind == Command.ObjectKind.OPERATOR) {
            Token opTok = peek();
            List<String> parts = new ArrayList<>();
            while (Keywords.isColId(peek()) && peek(1).is(TokenKind.DOT)) {
                parts.add(next().value());
                next();
            }
            Token op = expect(TokenKind.OP);
            parts.add(op.value());
            name = new QualifiedName(parts, loc(opTok));
            expect(TokenKind.LPAREN);
            List<FunctionParam> types = new ArrayList<>();
            do {
                Token tt = peek();
                if (acceptWord("none")) {
                    types.add(new FunctionParam(null, FunctionParam.Mode.IN,
                            TypeName.simple("none", loc(tt)), null, loc(tt)));
                } else {
                    types.add(new FunctionParam(null, FunctionParam.Mode.IN, typeName(), null, loc(tt)));
                }
            } while (accept(TokenKind.COMMA));
            expect(TokenKind.RPAREN);
            params = types;
        } else if (kind == Command.ObjectKind.FUNCTION || kind == Command.ObjectKind.PROCEDURE
                || kind == Command.ObjectKind.AGGREGATE) {
            name = functionName();
            if (at(TokenKind.LPAREN)) {
                params = functionParams(false);
            }
        } else if (kind == Command.ObjectKind.CONSTRAINT || kind == Command.ObjectKind.TRIGGER) {
            Identifier cname = colId();
            expectWord("on");
            QualifiedName table = qualifiedName();
            List<String> parts = new ArrayList<>(table.parts());
            parts.add(cname.name());
            name = new QualifiedName(parts, table.location());
        } else if (kind == Command.ObjectKind.TYPE || kind == Command.ObjectKind.DOMAIN) {
            TypeName t = typeName();
            name = new QualifiedName(t.names(), t.location());
        } else {
            name = qualifiedName();
        }
        expectWord("is");
        String comment;
        if (acceptWord("null")) {
            comment = null;
        } else {
            comment = stringConstant();
        }
        return new Command.CommentOn(kind, name, params, comment, loc(first));
    }

    // ------------------------------------------------------------------ ALTER

    Command alter() {
        Token first = expectWord("alter");
        Command.ObjectKind kind;
        if (atWord("table")) {
            kind = Command.ObjectKind.TABLE;
        } else if (atWord("index")) {
            kind = Command.ObjectKind.INDEX;
        } else if (atWord("view")) {
            kind = Command.ObjectKind.VIEW;
        } else if (atWord("sequence")) {
            kind = Command.ObjectKind.SEQUENCE;
        } else {
            return otherStatement("ALTER " + otherObjectKind(ALTER_OTHER), first);
        }
        next();
        boolean ifExists = ifExists();
        boolean only = acceptWord("only");
        QualifiedName table;
        if (only && accept(TokenKind.LPAREN)) {
            table = relationName();
            expect(TokenKind.RPAREN);
        } else {
            table = relationName();
            acceptOp("*");
        }
        List<AlterTableAction> actions = new ArrayList<>();
        if (atWord("rename")) {
            if (kind == Command.ObjectKind.INDEX || kind == Command.ObjectKind.SEQUENCE) {
                Token r = next();
                expectWord("to");
                actions.add(new AlterTableAction.RenameTable(colId(), loc(r)));
            } else {
                actions.add(rename());
            }
        } else if (atWord("set") && atWord(1, "schema")) {
            Token t = next();
            next();
            actions.add(new AlterTableAction.SetSchema(colId(), loc(t)));
        } else {
            do {
                actions.add(alterAction());
            } while (accept(TokenKind.COMMA));
        }
        return new Command.AlterTable(kind, table, ifExists, only, actions, loc(first));
    }

    private AlterTableAction rename() {
        Token t = expectWord("rename");
        if (acceptWord("to")) {
            return new AlterTableAction.RenameTable(colId(), loc(t));
        }
        if (acceptWord("constraint")) {
            Identifier old = colId();
            expectWord("to");
            return new AlterTableAction.RenameConstraint(old, colId(), loc(t));
        }
        acceptWord("column");
        Identifier old = colId();
        expectWord("to");
        return new AlterTableAction.RenameColumn(old, colId(), loc(t));
    }

    private AlterTableAction alterAction() {
        Token t = peek();
        int at = loc(t);
        if (acceptWord("add")) {
            if (atWord("constraint") || atWord("check") || atWord("unique") || atWord("primary")
                    || atWord("foreign") || (atWord("exclude") && (peek(1).is(TokenKind.LPAREN)
                    || atWord(1, "using")))) {
                return new AlterTableAction.AddConstraint(tableConstraint(), at);
            }
            acceptWord("column");
            boolean ifNotExists = ifNotExists();
            return new AlterTableAction.AddColumn(columnDef(), ifNotExists, at);
        }
        if (acceptWord("drop")) {
            if (acceptWord("constraint")) {
                boolean ifExists = ifExists();
                Identifier name = colId();
                return new AlterTableAction.DropConstraint(name, ifExists, cascadeOption(), at);
            }
            acceptWord("column");
            boolean ifExists = ifExists();
            Identifier col = colId();
            return new AlterTableAction.DropColumn(col, ifExists, cascadeOption(), at);
        }
        if (acceptWord("alter")) {
            acceptWord("column");
            Identifier col = colId();
            if (acceptWords("set", "default")) {
                return new AlterTableAction.AlterColumnDefault(col, expr(), at);
            }
            if (acceptWords("drop", "default")) {
                return new AlterTableAction.AlterColumnDefault(col, null, at);
            }
            if (acceptWords("set", "not", "null")) {
                return new AlterTableAction.AlterColumnNullability(col, true, at);
            }
            if (acceptWords("drop", "not", "null")) {
                return new AlterTableAction.AlterColumnNullability(col, false, at);
            }
            if (acceptWords("set", "data", "type") || acceptWord("type")) {
                TypeName type = typeName();
                QualifiedName collation = null;
                if (acceptWord("collate")) {
                    collation = qualifiedName();
                }
                Expr using = null;
                if (acceptWord("using")) {
                    using = expr();
                }
                return new AlterTableAction.AlterColumnType(col, type, collation, using, at);
            }
            checkAlterColumnSubcommand();
            return otherAction(t);
        }
        if (atWord("owner")) {
            next();
            expectWord("to");
            return new AlterTableAction.OwnerTo(nonReservedWord(), at);
        }
        if (!(t.kind() == TokenKind.IDENT && OTHER_ACTIONS.contains(t.value()))) {
            throw syntaxError();
        }
        if (t.isWord("not") && !atWord(1, "of")) {
            next();
            throw syntaxError();
        }
        return otherAction(t);
    }

    private static final java.util.Set<String> OTHER_ACTIONS = java.util.Set.of("set", "reset", "validate",
            "cluster", "enable", "disable", "no", "inherit", "of", "not", "replica", "force", "attach", "detach");

    /** The other ALTER COLUMN forms: SET STATISTICS/STORAGE/COMPRESSION/(...), DROP IDENTITY, ADD GENERATED ... */
    private void checkAlterColumnSubcommand() {
        Token t = peek();
        Token n = peek(1);
        boolean ok;
        if (t.isWord("set")) {
            ok = n.is(TokenKind.LPAREN) || n.isWord("statistics") || n.isWord("storage") || n.isWord("compression")
                    || n.isWord("generated") || n.isWord("increment") || n.isWord("start") || n.isWord("restart")
                    || n.isWord("cycle") || n.isWord("no") || n.isWord("minvalue") || n.isWord("maxvalue")
                    || n.isWord("cache") || n.isWord("expression");
        } else if (t.isWord("drop")) {
            ok = n.isWord("identity") || n.isWord("expression");
        } else {
            ok = t.isWord("reset") || t.isWord("add") || t.isWord("options") || t.isWord("restart");
        }
        if (!ok) {
            throw syntaxError(t.isWord("set") || t.isWord("drop") ? n : t);
        }
    }

    /** Anything else up to the next ',' or end of statement, kept as text. */
    private AlterTableAction otherAction(Token start) {
        int depth = 0;
        Token last = null;
        while (true) {
            Token t = peek();
            if (t.is(TokenKind.EOF) || t.is(TokenKind.SEMICOLON) || (depth == 0 && (t.is(TokenKind.COMMA)
                    || t.is(TokenKind.RPAREN)))) {
                break;
            }
            if (t.is(TokenKind.LPAREN)) {
                depth++;
            } else if (t.is(TokenKind.RPAREN)) {
                depth--;
            }
            last = next();
        }
        if (last == null) {
            throw syntaxError();
        }
        return new AlterTableAction.Other(source.text().substring(start.start(), last.end()), List.of(),
                loc(start));
    }

    /** var_name: ColId ('.' ColId)*, joined with dots. */
    String varName() {
        StringBuilder sb = new StringBuilder(colId().name());
        while (accept(TokenKind.DOT)) {
            sb.append('.').append(colId().name());
        }
        return sb.toString();
    }
}
