package io.pgsight.sql.parser;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.ast.Alias;
import io.pgsight.sql.ast.Command;
import io.pgsight.sql.ast.Expr;
import io.pgsight.sql.ast.FromItem;
import io.pgsight.sql.ast.Identifier;
import io.pgsight.sql.ast.OperatorName;
import io.pgsight.sql.ast.Persistence;
import io.pgsight.sql.ast.QualifiedName;
import io.pgsight.sql.ast.Query;
import io.pgsight.sql.ast.QueryBody;
import io.pgsight.sql.ast.SortItem;
import io.pgsight.sql.ast.TableElement;
import io.pgsight.sql.ast.Target;
import io.pgsight.sql.ast.WindowDef;
import io.pgsight.sql.ast.WithClause;

import java.util.ArrayList;
import java.util.List;

/** SELECT / VALUES / set operations / WITH, FROM clauses, and the DML statements INSERT, UPDATE, DELETE. */
abstract class QueryParser extends ExpressionParser {
    QueryParser(SourceText source, TokenStream tokens) {
        super(source, tokens);
    }

    /** A statement allowed inside WITH or PREPARE/EXPLAIN: SELECT, INSERT, UPDATE, DELETE. */
    abstract Command statement();

    // ------------------------------------------------------------------ queries

    /** True when the current token can begin a query (SELECT, VALUES, TABLE, WITH, or '(' query). */
    boolean atQueryStart() {
        Token t = peek();
        return t.isWord("select") || t.isWord("values") || t.isWord("table") || t.isWord("with")
                || (t.is(TokenKind.LPAREN) && startsSubquery());
    }

    /** select_no_parens or select_with_parens, with optional WITH, ORDER BY, LIMIT, OFFSET, FOR UPDATE. */
    Query query() {
        Token first = peek();
        WithClause with = null;
        if (atWord("with")) {
            with = withClause();
        }
        return queryAfterWith(with, first);
    }

    Query queryAfterWith(WithClause with, Token first) {
        QueryBody body = setOperation(0);
        List<SortItem> orderBy = List.of();
        Token orderTok = null;
        if (atWord("order")) {
            orderTok = next();
            expectWord("by");
            orderBy = sortList();
        }
        Expr limit = null;
        Expr offset = null;
        Token limitTok = null;
        Token offsetTok = null;
        boolean withTies = false;
        List<Query.LockingClause> locking = new ArrayList<>();
        while (true) {
            if (atWord("limit") && limitTok == null) {
                limitTok = next();
                if (acceptWord("all")) {
                    limit = null;
                } else {
                    limit = expr();
                    if (accept(TokenKind.COMMA)) {
                        // the grammar reads LIMIT a, b completely, then rejects it
                        expr();
                        throw new SqlException("ERROR", "42601", "LIMIT #,# syntax is not supported", null,
                                "Use separate LIMIT and OFFSET clauses.", loc(limitTok), null);
                    }
                }
            } else if (atWord("offset") && offsetTok == null) {
                offsetTok = next();
                offset = expr();
                if (!acceptWord("row")) {
                    acceptWord("rows");
                }
            } else if (atWord("fetch") && limitTok == null) {
                limitTok = next();
                if (!acceptWord("first")) {
                    expectWord("next");
                }
                if (atWord("row") || atWord("rows")) {
                    limit = new Expr.NumberLiteral("1", loc(peek()));
                } else {
                    limit = expr();
                }
                if (!acceptWord("row")) {
                    expectWord("rows");
                }
                if (acceptWord("only")) {
                    withTies = false;
                } else {
                    expectWord("with");
                    expectWord("ties");
                    withTies = true;
                }
            } else if (atWord("for")) {
                Query.LockingClause lc = lockingClause();
                if (lc != null) {
                    locking.add(lc);
                }
            } else {
                break;
            }
        }
        if (body instanceof Query inner) {
            // "(SELECT ... LIMIT 1) ORDER BY x": PostgreSQL folds the outer clauses into the parenthesized query
            if (with != null && inner.with() != null) {
                throw clauseTwice("WITH", first);
            }
            if (!orderBy.isEmpty() && !inner.orderBy().isEmpty()) {
                throw clauseTwice("ORDER BY", orderTok);
            }
            if (offsetTok != null && inner.offset() != null) {
                throw clauseTwice("OFFSET", offsetTok);
            }
            if (limitTok != null && inner.limit() != null) {
                throw clauseTwice("LIMIT", limitTok);
            }
            List<Query.LockingClause> allLocking = new ArrayList<>(inner.locking());
            allLocking.addAll(locking);
            return new Query(with != null ? with : inner.with(), inner.body(),
                    orderBy.isEmpty() ? inner.orderBy() : orderBy, limitTok != null ? limit : inner.limit(),
                    offsetTok != null ? offset : inner.offset(), limitTok != null ? withTies : inner.withTies(),
                    allLocking, loc(first));
        }
        return new Query(with, body, orderBy, limit, offset, withTies, locking, loc(first));
    }

    private SqlException clauseTwice(String clause, Token at) {
        return new SqlException("ERROR", "42601", "multiple " + clause + " clauses not allowed", null, null,
                loc(at), null);
    }

    private Query.LockingClause lockingClause() {
        Token kw = next();
        String strength;
        if (acceptWord("update")) {
            strength = "update";
        } else if (acceptWords("no", "key", "update")) {
            strength = "no key update";
        } else if (acceptWord("share")) {
            strength = "share";
        } else if (acceptWords("key", "share")) {
            strength = "key share";
        } else if (acceptWords("read", "only")) {
            return null;
        } else {
            throw syntaxError();
        }
        List<QualifiedName> tables = new ArrayList<>();
        if (acceptWord("of")) {
            do {
                tables.add(qualifiedName());
            } while (accept(TokenKind.COMMA));
        }
        String wait = null;
        if (acceptWord("nowait")) {
            wait = "nowait";
        } else if (acceptWords("skip", "locked")) {
            wait = "skip locked";
        }
        return new Query.LockingClause(strength, tables, wait, loc(kw));
    }

    /** UNION/EXCEPT (level 1) and INTERSECT (level 2), left-associative. */
    private QueryBody setOperation(int minLevel) {
        QueryBody left = setOperand();
        while (true) {
            Token t = peek();
            int level = t.isWord("union") || t.isWord("except") ? 1 : t.isWord("intersect") ? 2 : -1;
            if (level < 0 || level < minLevel) {
                return left;
            }
            next();
            boolean all = false;
            if (acceptWord("all")) {
                all = true;
            } else {
                acceptWord("distinct");
            }
            QueryBody right = setOperation(level + 1);
            QueryBody.SetOp op = t.isWord("union") ? QueryBody.SetOp.UNION
                    : t.isWord("intersect") ? QueryBody.SetOp.INTERSECT : QueryBody.SetOp.EXCEPT;
            left = new QueryBody.SetOperation(op, all, left, right, loc(t));
        }
    }

    private QueryBody setOperand() {
        Token t = peek();
        if (t.is(TokenKind.LPAREN)) {
            Query q = selectWithParens();
            return q.isBare() ? q.body() : q;
        }
        if (t.isWord("select")) {
            return selectCore();
        }
        if (t.isWord("values")) {
            return values();
        }
        if (t.isWord("table")) {
            next();
            Token nameTok = peek();
            boolean only = acceptWord("only");
            QualifiedName name = relationName();
            acceptOp("*");
            Expr star = new Expr.ColumnRef(List.of(), true, loc(t));
            return new QueryBody.Select(false, List.of(), List.of(new Target(star, null, loc(t))), null,
                    List.of(new FromItem.Table(name, only, null, loc(nameTok))), null, List.of(), false, null,
                    List.of(), loc(t));
        }
        throw syntaxError();
    }

    @Override
    Query selectWithParens() {
        expect(TokenKind.LPAREN);
        Query q;
        if (at(TokenKind.LPAREN)) {
            // ((query)) or ((query) UNION ...) ORDER BY ...
            q = query();
        } else if (atWord("select") || atWord("values") || atWord("table") || atWord("with")) {
            q = query();
        } else {
            throw syntaxError();
        }
        expect(TokenKind.RPAREN);
        return q;
    }

    /** {@code VALUES (..), (..)}. */
    QueryBody.Values values() {
        Token kw = expectWord("values");
        List<List<Expr>> rows = new ArrayList<>();
        do {
            expect(TokenKind.LPAREN);
            rows.add(exprList());
            expect(TokenKind.RPAREN);
        } while (accept(TokenKind.COMMA));
        return new QueryBody.Values(rows, loc(kw));
    }

    private QueryBody.Select selectCore() {
        Token kw = expectWord("select");
        boolean distinct = false;
        List<Expr> distinctOn = List.of();
        if (acceptWord("distinct")) {
            distinct = true;
            if (acceptWord("on")) {
                expect(TokenKind.LPAREN);
                distinctOn = exprList();
                expect(TokenKind.RPAREN);
            }
        } else {
            acceptWord("all");
        }
        List<Target> targets = !distinct && atTargetListEnd() ? List.of() : targetList();
        QueryBody.IntoClause into = null;
        if (atWord("into")) {
            into = intoClause();
        }
        List<FromItem> from = List.of();
        if (acceptWord("from")) {
            from = fromList();
        }
        Expr where = null;
        if (acceptWord("where")) {
            where = expr();
        }
        List<Expr> groupBy = List.of();
        boolean groupByDistinct = false;
        if (atWord("group")) {
            next();
            expectWord("by");
            if (acceptWord("distinct")) {
                groupByDistinct = true;
            } else {
                acceptWord("all");
            }
            groupBy = groupByList();
        }
        Expr having = null;
        if (acceptWord("having")) {
            having = expr();
        }
        List<WindowDef> windows = new ArrayList<>();
        if (acceptWord("window")) {
            do {
                Identifier name = colId();
                expectWord("as");
                windows.add(windowSpecification(name.name(), name.location()));
            } while (accept(TokenKind.COMMA));
        }
        return new QueryBody.Select(distinct, distinctOn, targets, into, from, where, groupBy, groupByDistinct,
                having, windows, loc(kw));
    }

    private List<Expr> groupByList() {
        List<Expr> items = new ArrayList<>();
        do {
            items.add(groupingElement());
        } while (accept(TokenKind.COMMA));
        return items;
    }

    /** One GROUP BY element: an expression, {@code ()}, ROLLUP/CUBE (...) or GROUPING SETS (...). */
    private Expr groupingElement() {
        if (at(TokenKind.LPAREN) && peek(1).is(TokenKind.RPAREN)) {
            Token lp = next();
            next();
            return new Expr.RowConstructor(List.of(), false, loc(lp));
        }
        Token t = peek();
        Expr.GroupingSet.SetKind kind = null;
        if (t.kind() == TokenKind.IDENT && (t.value().equals("rollup") || t.value().equals("cube"))
                && peek(1).is(TokenKind.LPAREN)) {
            kind = t.value().equals("rollup") ? Expr.GroupingSet.SetKind.ROLLUP : Expr.GroupingSet.SetKind.CUBE;
            next();
        } else if (t.isWord("grouping") && peek(1).kind() == TokenKind.IDENT && peek(1).value().equals("sets")) {
            kind = Expr.GroupingSet.SetKind.SETS;
            next();
            next();
        }
        if (kind == null) {
            return expr();
        }
        expect(TokenKind.LPAREN);
        List<Expr> items = new ArrayList<>();
        do {
            items.add(kind == Expr.GroupingSet.SetKind.SETS ? groupingElement() : expr());
        } while (accept(TokenKind.COMMA));
        expect(TokenKind.RPAREN);
        return new Expr.GroupingSet(kind, items, loc(t));
    }

    private boolean atTargetListEnd() {
        Token t = peek();
        switch (t.kind()) {
            case EOF, SEMICOLON, RPAREN:
                return true;
            case IDENT:
                switch (t.value()) {
                    case "from", "into", "where", "group", "having", "window", "union", "intersect", "except",
                            "order", "limit", "offset", "fetch", "for", "on", "returning", "then", "with":
                        return true;
                    default:
                        return false;
                }
            default:
                return false;
        }
    }

    private QueryBody.IntoClause intoClause() {
        Token kw = expectWord("into");
        Persistence persistence = Persistence.PERMANENT;
        if (acceptWord("temporary") || acceptWord("temp")) {
            persistence = Persistence.TEMPORARY;
        } else if ((atWord("local") || atWord("global")) && (atWord(1, "temporary") || atWord(1, "temp"))) {
            next();
            next();
            persistence = Persistence.TEMPORARY;
        } else if (acceptWord("unlogged")) {
            persistence = Persistence.UNLOGGED;
        }
        acceptWord("table");
        return new QueryBody.IntoClause(relationName(), persistence, loc(kw));
    }

    /** target_list of SELECT and RETURNING. */
    List<Target> targetList() {
        List<Target> targets = new ArrayList<>();
        do {
            targets.add(target());
        } while (accept(TokenKind.COMMA));
        return targets;
    }

    private Target target() {
        Token t = peek();
        if (t.isOp("*")) {
            next();
            return new Target(new Expr.ColumnRef(List.of(), true, loc(t)), null, loc(t));
        }
        Expr e = targetExpr();
        String alias = null;
        if (atWord("as")) {
            next();
            alias = colLabel().name();
        } else if (Keywords.isBareColLabel(peek())) {
            alias = next().value();
        }
        return new Target(e, alias, loc(t));
    }

    @Override
    List<SortItem> sortList() {
        List<SortItem> items = new ArrayList<>();
        do {
            Token t = peek();
            Expr e = expr();
            SortItem.Direction dir = SortItem.Direction.DEFAULT;
            OperatorName using = null;
            if (acceptWord("asc")) {
                dir = SortItem.Direction.ASC;
            } else if (acceptWord("desc")) {
                dir = SortItem.Direction.DESC;
            } else if (acceptWord("using")) {
                dir = SortItem.Direction.USING;
                using = anyOperator();
            }
            SortItem.NullsOrder nulls = SortItem.NullsOrder.DEFAULT;
            if (atWord("nulls") && (atWord(1, "first") || atWord(1, "last"))) {
                next();
                nulls = next().isWord("first") ? SortItem.NullsOrder.FIRST : SortItem.NullsOrder.LAST;
            }
            items.add(new SortItem(e, dir, using, nulls, loc(t)));
        } while (accept(TokenKind.COMMA));
        return items;
    }

    // ------------------------------------------------------------------ WITH

    WithClause withClause() {
        Token kw = expectWord("with");
        boolean recursive = acceptWord("recursive");
        List<WithClause.CommonTableExpr> ctes = new ArrayList<>();
        do {
            Identifier name = colId();
            List<Identifier> cols = List.of();
            if (at(TokenKind.LPAREN)) {
                cols = parenthesizedNameList();
            }
            expectWord("as");
            Boolean materialized = null;
            if (acceptWord("materialized")) {
                materialized = true;
            } else if (acceptWords("not", "materialized")) {
                materialized = false;
            }
            expect(TokenKind.LPAREN);
            Command body = statement();
            if (!(body instanceof Query || body instanceof Command.Insert || body instanceof Command.Update
                    || body instanceof Command.Delete)) {
                throw syntaxError();
            }
            expect(TokenKind.RPAREN);
            ctes.add(new WithClause.CommonTableExpr(name.name(), cols, materialized, body, name.location()));
        } while (accept(TokenKind.COMMA));
        return new WithClause(recursive, ctes, loc(kw));
    }

    // ------------------------------------------------------------------ FROM

    List<FromItem> fromList() {
        List<FromItem> items = new ArrayList<>();
        do {
            items.add(joinedItem());
        } while (accept(TokenKind.COMMA));
        return items;
    }

    /** A table reference followed by any number of joins. */
    private FromItem joinedItem() {
        FromItem left = tableRef();
        while (true) {
            Token t = peek();
            boolean natural = false;
            FromItem.JoinType type;
            int mark = tokens.mark();
            if (t.isWord("natural")) {
                next();
                natural = true;
            }
            if (atWord("cross")) {
                if (natural) {
                    throw syntaxError();
                }
                next();
                expectWord("join");
                FromItem right = tableRef();
                left = new FromItem.Join(FromItem.JoinType.CROSS, false, left, right, null, List.of(), null, null,
                        loc(t));
                continue;
            }
            if (acceptWord("join")) {
                type = FromItem.JoinType.INNER;
            } else if (acceptWord("inner")) {
                expectWord("join");
                type = FromItem.JoinType.INNER;
            } else if (atWord("left") || atWord("right") || atWord("full")) {
                Token k = next();
                acceptWord("outer");
                expectWord("join");
                type = k.isWord("left") ? FromItem.JoinType.LEFT
                        : k.isWord("right") ? FromItem.JoinType.RIGHT : FromItem.JoinType.FULL;
            } else {
                if (natural) {
                    tokens.reset(mark);
                    throw syntaxError(peek(1));
                }
                return left;
            }
            FromItem right = tableRef();
            Expr on = null;
            List<Identifier> using = List.of();
            String usingAlias = null;
            if (!natural) {
                if (acceptWord("on")) {
                    on = expr();
                } else if (acceptWord("using")) {
                    using = parenthesizedNameList();
                    if (acceptWord("as")) {
                        usingAlias = colId().name();
                    }
                } else {
                    throw syntaxError();
                }
            }
            left = new FromItem.Join(type, natural, left, right, on, using, usingAlias, null, loc(t));
        }
    }

    private FromItem tableRef() {
        Token t = peek();
        int at = loc(t);
        boolean lateral = false;
        if (t.isWord("lateral")) {
            next();
            lateral = true;
        }
        Token first = peek();
        if (first.is(TokenKind.LPAREN)) {
            boolean lat = lateral;
            java.util.function.Supplier<FromItem> subquery = () -> {
                Query q = selectWithParens();
                return new FromItem.Subquery(q, lat, optAlias(false), at);
            };
            FromItem item;
            if (lateral) {
                item = subquery.get();
            } else if (startsSubquery()) {
                item = oneOf(subquery, this::parenthesizedJoin);
            } else {
                item = parenthesizedJoin();
            }
            if (item instanceof FromItem.Subquery sq && sq.alias() == null) {
                // raised by the grammar action once the syntax has matched, so after choosing the reading
                boolean values = sq.query().body() instanceof QueryBody.Values;
                throw new SqlException("ERROR", "42601", values ? "VALUES in FROM must have an alias"
                        : "subquery in FROM must have an alias", null, values
                        ? "For example, FROM (VALUES ...) [AS] foo." : "For example, FROM (SELECT ...) [AS] foo.",
                        loc(first), null);
            }
            return item;
        }
        if (first.isWord("rows") && atWord(1, "from") && peek(2).is(TokenKind.LPAREN)) {
            next();
            next();
            next();
            List<Expr> fns = new ArrayList<>();
            do {
                fns.add(functionInFrom());
            } while (accept(TokenKind.COMMA));
            expect(TokenKind.RPAREN);
            return functionItemTail(fns, true, lateral, at);
        }
        if (isFunctionStart()) {
            Expr fn = functionInFrom();
            return functionItemTail(List.of(fn), false, lateral, at);
        }
        if (Keywords.isTypeFunctionName(first) && !Keywords.isColId(first)) {
            // a type/function-name keyword (JOIN, LEFT, ...) here can only start a function call
            next();
            expect(TokenKind.LPAREN);
        }
        if (lateral) {
            // after LATERAL only a subquery or a function call can follow
            if (Keywords.isColId(first) || Keywords.isTypeFunctionName(first)) {
                next();
                while (at(TokenKind.DOT) && Keywords.isColLabel(peek(1))) {
                    next();
                    next();
                }
                expect(TokenKind.LPAREN);
            }
            throw syntaxError();
        }
        boolean only = false;
        QualifiedName name;
        if (acceptWord("only")) {
            only = true;
            if (accept(TokenKind.LPAREN)) {
                name = relationName();
                expect(TokenKind.RPAREN);
            } else {
                name = relationName();
            }
        } else {
            name = relationName();
            acceptOp("*");
        }
        Alias alias = optAlias(false);
        if (atWord("tablesample")) {
            // TABLESAMPLE method (args) [REPEATABLE (seed)] is accepted but not represented
            next();
            qualifiedName();
            expect(TokenKind.LPAREN);
            exprList();
            expect(TokenKind.RPAREN);
            if (acceptWord("repeatable")) {
                expect(TokenKind.LPAREN);
                expr();
                expect(TokenKind.RPAREN);
            }
        }
        return new FromItem.Table(name, only, alias, loc(first));
    }

    /** '(' joined_table ')' [alias]: PostgreSQL allows parentheses around a join only, not a lone table. */
    private FromItem parenthesizedJoin() {
        expect(TokenKind.LPAREN);
        FromItem inner = joinedItem();
        if (!(inner instanceof FromItem.Join)) {
            throw syntaxError();
        }
        expect(TokenKind.RPAREN);
        Alias alias = optAlias(false);
        if (alias == null) {
            return inner;
        }
        if (inner instanceof FromItem.Join j) {
            return new FromItem.Join(j.type(), j.natural(), j.left(), j.right(), j.on(), j.using(), j.usingAlias(),
                    alias, j.location());
        }
        // PostgreSQL only allows an alias on a parenthesized join here
        throw syntaxError();
    }

    /** True when a function call starts here: name [. name]* '(' or a special function keyword. */
    private boolean isFunctionStart() {
        Token t = peek();
        if (t.kind() == TokenKind.IDENT) {
            switch (t.value()) {
                case "current_date", "current_time", "current_timestamp", "localtime", "localtimestamp",
                        "current_role", "current_user", "user", "session_user", "current_catalog", "current_schema":
                    return true;
                case "coalesce", "greatest", "least", "nullif", "extract", "position", "substring", "trim",
                        "overlay", "cast":
                    return peek(1).is(TokenKind.LPAREN);
                default:
                    break;
            }
        }
        if (!(Keywords.isTypeFunctionName(t) || Keywords.isColId(t))) {
            return false;
        }
        int k = 1;
        while (peek(k).is(TokenKind.DOT) && Keywords.isColLabel(peek(k + 1))) {
            k += 2;
        }
        return peek(k).is(TokenKind.LPAREN);
    }

    private Expr functionInFrom() {
        Token t = peek();
        fromFunction = true;
        Expr e;
        try {
            e = aExpr(Precedence.TYPECAST + 1, false);
        } finally {
            fromFunction = false;
        }
        if (e instanceof Expr.FuncCall || e instanceof Expr.SqlValueFunction || e instanceof Expr.Coalesce
                || e instanceof Expr.MinMax || e instanceof Expr.NullIf || e instanceof Expr.TypeCast) {
            return e;
        }
        throw syntaxError(t);
    }

    private FromItem functionItemTail(List<Expr> fns, boolean rowsFrom, boolean lateral, int at) {
        boolean ordinality = false;
        if (atWord("with") && atWord(1, "ordinality")) {
            next();
            next();
            ordinality = true;
        }
        Alias alias = null;
        List<TableElement.ColumnDef> coldefs = List.of();
        boolean hasAs = false;
        if (atWord("as")) {
            next();
            hasAs = true;
        }
        if (hasAs && at(TokenKind.LPAREN)) {
            coldefs = columnDefinitionList();
        } else if (hasAs || Keywords.isColId(peek())) {
            Identifier name = colId();
            List<Identifier> cols = List.of();
            if (at(TokenKind.LPAREN)) {
                if (isColumnDefinitionList()) {
                    coldefs = columnDefinitionList();
                } else {
                    cols = parenthesizedNameList();
                }
            }
            alias = new Alias(name.name(), cols, name.location());
        }
        return new FromItem.Function(fns, rowsFrom, ordinality, lateral, alias, coldefs, at);
    }

    /** After '(' : name followed by something other than ',' or ')' means "name type". */
    private boolean isColumnDefinitionList() {
        return !(peek(2).is(TokenKind.COMMA) || peek(2).is(TokenKind.RPAREN));
    }

    private List<TableElement.ColumnDef> columnDefinitionList() {
        expect(TokenKind.LPAREN);
        List<TableElement.ColumnDef> defs = new ArrayList<>();
        do {
            Identifier name = colId();
            defs.add(new TableElement.ColumnDef(name.name(), typeName(), null, List.of(), name.location()));
        } while (accept(TokenKind.COMMA));
        expect(TokenKind.RPAREN);
        return defs;
    }

    /**
     * opt_alias_clause: {@code [AS] ColId [(names)]}. Without AS only a ColId is taken; {@code forUpdate} keeps
     * {@code SET} from being read as an alias in {@code UPDATE t SET}.
     */
    Alias optAlias(boolean forUpdate) {
        Token t = peek();
        if (t.isWord("as")) {
            next();
        } else if (!Keywords.isColId(t) || (forUpdate && t.isWord("set"))) {
            return null;
        }
        Identifier name = colId();
        List<Identifier> cols = List.of();
        if (at(TokenKind.LPAREN)) {
            cols = parenthesizedNameList();
        }
        return new Alias(name.name(), cols, name.location());
    }
}
