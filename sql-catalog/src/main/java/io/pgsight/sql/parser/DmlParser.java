package io.pgsight.sql.parser;

import io.pgsight.sql.ast.Alias;
import io.pgsight.sql.ast.Command;
import io.pgsight.sql.ast.Expr;
import io.pgsight.sql.ast.FromItem;
import io.pgsight.sql.ast.Identifier;
import io.pgsight.sql.ast.IndexElem;
import io.pgsight.sql.ast.QualifiedName;
import io.pgsight.sql.ast.Query;
import io.pgsight.sql.ast.SortItem;
import io.pgsight.sql.ast.Target;
import io.pgsight.sql.ast.WithClause;

import java.util.ArrayList;
import java.util.List;

/** INSERT, UPDATE and DELETE. */
abstract class DmlParser extends QueryParser {
    DmlParser(SourceText source, TokenStream tokens) {
        super(source, tokens);
    }

    /** INSERT INTO ...; the INSERT keyword is next. */
    Command.Insert insert(WithClause with, Token first) {
        expectWord("insert");
        expectWord("into");
        QualifiedName table = relationName();
        String alias = null;
        if (acceptWord("as")) {
            alias = colId().name();
        }
        List<Identifier> columns = List.of();
        if (at(TokenKind.LPAREN) && !startsSubquery()) {
            expect(TokenKind.LPAREN);
            columns = new ArrayList<>();
            do {
                columns.add(colId());
                skipIndirection();
            } while (accept(TokenKind.COMMA));
            expect(TokenKind.RPAREN);
        }
        if (atWord("overriding")) {
            next();
            if (!acceptWord("system")) {
                expectWord("user");
            }
            expectWord("value");
        }
        Query source;
        if (atWord("default")) {
            next();
            expectWord("values");
            source = null;
        } else {
            source = query();
        }
        Command.OnConflict onConflict = null;
        if (atWord("on")) {
            if (!atWord(1, "conflict")) {
                next();
                throw syntaxError();
            }
            onConflict = onConflict();
        }
        List<Target> returning = returning();
        return new Command.Insert(with, table, alias, columns, source, onConflict, returning, loc(first));
    }

    /** Subscripts or field names after an INSERT/UPDATE target column are accepted and dropped. */
    private void skipIndirection() {
        while (at(TokenKind.LBRACKET) || at(TokenKind.DOT)) {
            if (accept(TokenKind.DOT)) {
                colLabel();
            } else {
                next();
                expr();
                if (accept(TokenKind.COLON)) {
                    expr();
                }
                expect(TokenKind.RBRACKET);
            }
        }
    }

    private Command.OnConflict onConflict() {
        Token on = next();
        next();
        List<IndexElem> target = List.of();
        Expr targetWhere = null;
        String constraint = null;
        if (at(TokenKind.LPAREN)) {
            target = indexElements();
            if (acceptWord("where")) {
                targetWhere = expr();
            }
        } else if (atWord("on")) {
            next();
            expectWord("constraint");
            constraint = colId().name();
        }
        expectWord("do");
        if (acceptWord("nothing")) {
            return new Command.OnConflict(target, targetWhere, constraint, true, List.of(), null, loc(on));
        }
        expectWord("update");
        expectWord("set");
        List<Command.SetClause> set = setClauses();
        Expr where = null;
        if (acceptWord("where")) {
            where = expr();
        }
        return new Command.OnConflict(target, targetWhere, constraint, false, set, where, loc(on));
    }

    /** {@code ( elem [, ...] )} of CREATE INDEX and ON CONFLICT. */
    List<IndexElem> indexElements() {
        expect(TokenKind.LPAREN);
        List<IndexElem> elems = new ArrayList<>();
        do {
            elems.add(indexElement());
        } while (accept(TokenKind.COMMA));
        expect(TokenKind.RPAREN);
        return elems;
    }

    private IndexElem indexElement() {
        Token t = peek();
        Identifier column = null;
        Expr expr = null;
        if (t.is(TokenKind.LPAREN)) {
            next();
            expr = expr();
            expect(TokenKind.RPAREN);
        } else if (Keywords.isColId(t) && !peek(1).is(TokenKind.LPAREN) && !peek(1).is(TokenKind.DOT)) {
            column = colId();
        } else {
            // func_expr_windowless: f(x), schema.f(x), or a special function form
            expr = aExpr(Precedence.TYPECAST + 1, false);
            if (!(expr instanceof Expr.FuncCall || expr instanceof Expr.Coalesce || expr instanceof Expr.MinMax
                    || expr instanceof Expr.NullIf || expr instanceof Expr.SqlValueFunction
                    || expr instanceof Expr.TypeCast)) {
                throw syntaxError(t);
            }
        }
        QualifiedName collation = null;
        if (acceptWord("collate")) {
            collation = qualifiedName();
        }
        QualifiedName opclass = null;
        List<io.pgsight.sql.ast.Option> opclassOptions = List.of();
        if (Keywords.isColId(peek()) && !atWord("asc") && !atWord("desc") && !atWord("nulls")) {
            opclass = qualifiedName();
            if (at(TokenKind.LPAREN)) {
                opclassOptions = relOptions();
            }
        }
        SortItem.Direction dir = SortItem.Direction.DEFAULT;
        if (acceptWord("asc")) {
            dir = SortItem.Direction.ASC;
        } else if (acceptWord("desc")) {
            dir = SortItem.Direction.DESC;
        }
        SortItem.NullsOrder nulls = SortItem.NullsOrder.DEFAULT;
        if (atWord("nulls") && (atWord(1, "first") || atWord(1, "last"))) {
            next();
            nulls = next().isWord("first") ? SortItem.NullsOrder.FIRST : SortItem.NullsOrder.LAST;
        }
        return new IndexElem(column, expr, collation, opclass, opclassOptions, dir, nulls, loc(t));
    }

    /** Storage parameters {@code ( name [= value], ... )} (WITH of CREATE TABLE/INDEX, opclass options). */
    abstract List<io.pgsight.sql.ast.Option> relOptions();

    /** UPDATE ...; the UPDATE keyword is next. */
    Command.Update update(WithClause with, Token first) {
        expectWord("update");
        boolean only = acceptWord("only");
        QualifiedName table = relationName();
        acceptOp("*");
        Alias alias = optAlias(true);
        expectWord("set");
        List<Command.SetClause> set = setClauses();
        List<FromItem> from = List.of();
        if (acceptWord("from")) {
            from = fromList();
        }
        Expr where = null;
        if (acceptWord("where")) {
            where = whereOrCurrentOf();
        }
        List<Target> returning = returning();
        return new Command.Update(with, table, only, alias == null ? null : alias.name(), set, from, where,
                returning, loc(first));
    }

    private Expr whereOrCurrentOf() {
        if (atWord("current") && atWord(1, "of")) {
            throw new io.pgsight.sql.api.SqlException("ERROR", "0A000", "WHERE CURRENT OF is not supported", null,
                    null, loc(peek()), null);
        }
        return expr();
    }

    private List<Command.SetClause> setClauses() {
        List<Command.SetClause> clauses = new ArrayList<>();
        do {
            Token t = peek();
            if (t.is(TokenKind.LPAREN)) {
                next();
                List<Identifier> cols = new ArrayList<>();
                do {
                    cols.add(colId());
                    skipIndirection();
                } while (accept(TokenKind.COMMA));
                expect(TokenKind.RPAREN);
                expectOp("=");
                Expr value = expr();
                clauses.add(new Command.SetClause(cols, List.of(), value, true, loc(t)));
            } else {
                Identifier col = colId();
                List<Expr.IndirectionStep> steps = new ArrayList<>();
                while (at(TokenKind.LBRACKET) || at(TokenKind.DOT)) {
                    Expr ind = indirection(new Expr.NullLiteral(0));
                    if (ind instanceof Expr.Indirection i) {
                        steps.addAll(i.steps());
                    }
                }
                expectOp("=");
                Expr value = expr();
                clauses.add(new Command.SetClause(List.of(col), steps, value, false, loc(t)));
            }
        } while (accept(TokenKind.COMMA));
        return clauses;
    }

    /** DELETE FROM ...; the DELETE keyword is next. */
    Command.Delete delete(WithClause with, Token first) {
        expectWord("delete");
        expectWord("from");
        boolean only = acceptWord("only");
        QualifiedName table = relationName();
        acceptOp("*");
        Alias alias = optAlias(false);
        List<FromItem> using = List.of();
        if (acceptWord("using")) {
            using = fromList();
        }
        Expr where = null;
        if (acceptWord("where")) {
            where = whereOrCurrentOf();
        }
        List<Target> returning = returning();
        return new Command.Delete(with, table, only, alias == null ? null : alias.name(), using, where, returning,
                loc(first));
    }

    private List<Target> returning() {
        if (acceptWord("returning")) {
            return targetList();
        }
        return List.of();
    }
}
