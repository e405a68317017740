package io.pgsight.sql.parser;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.ast.Expr;
import io.pgsight.sql.ast.Identifier;
import io.pgsight.sql.ast.OperatorName;
import io.pgsight.sql.ast.QualifiedName;
import io.pgsight.sql.ast.Query;
import io.pgsight.sql.ast.SortItem;
import io.pgsight.sql.ast.TypeName;
import io.pgsight.sql.ast.WindowDef;

import java.util.ArrayList;
import java.util.List;

/**
 * Value expressions by precedence climbing over {@link Precedence}, plus the primary forms of PostgreSQL's
 * c_expr/func_expr/AexprConst. Subqueries are delegated to {@link #selectWithParens()}.
 */
abstract class ExpressionParser extends ParserBase {
    private static final int MAX_DEPTH = 1500;
    private int depth;

    ExpressionParser(SourceText source, TokenStream tokens) {
        super(source, tokens);
    }

    /** {@code ( query )} with any nesting of parentheses. */
    abstract Query selectWithParens();

    /**
     * Tries two readings of the same tokens, as PostgreSQL's LR parser effectively does: the first that parses
     * wins; when both fail, the error found further into the text is the one PostgreSQL reports.
     */
    <T> T oneOf(java.util.function.Supplier<T> first, java.util.function.Supplier<T> second) {
        int mark = tokens.mark();
        SqlException firstError;
        try {
            return first.get();
        } catch (SqlException e) {
            if (!"42601".equals(e.sqlState())) {
                throw e;
            }
            firstError = e;
        }
        tokens.reset(mark);
        try {
            return second.get();
        } catch (SqlException e) {
            if (!"42601".equals(e.sqlState())) {
                throw e;
            }
            throw e.position() > firstError.position() ? e : firstError;
        }
    }

    /**
     * qualified_name of a relation: {@code ColId [.name [.name]]}. PostgreSQL's grammar also reads subscripts and
     * {@code .*} here and only then rejects them, with a syntax error at the token that follows.
     */
    QualifiedName relationName() {
        Token first = peek();
        List<String> parts = new ArrayList<>();
        parts.add(colId().name());
        if (skipNameIndirection(parts)) {
            throw syntaxError();
        }
        if (parts.size() > 3) {
            throw new SqlException("ERROR", "42601", "improper qualified name (too many dotted names): "
                    + String.join(".", parts), null, null, loc(first), null);
        }
        return new QualifiedName(parts, loc(first));
    }

    /** Reads {@code .name}, {@code .*} and subscripts after a name; true when anything but names was read. */
    boolean skipNameIndirection(List<String> parts) {
        boolean improper = false;
        while (true) {
            if (at(TokenKind.DOT)) {
                next();
                if (atOp("*")) {
                    next();
                    improper = true;
                } else {
                    parts.add(colLabel().name());
                }
            } else if (at(TokenKind.LBRACKET)) {
                indirection(new Expr.NullLiteral(0));
                improper = true;
            } else {
                return improper;
            }
        }
    }

    /** An ORDER BY list after the ORDER BY keywords. */
    abstract List<SortItem> sortList();

    // ------------------------------------------------------------------ entry points

    /** a_expr. */
    Expr expr() {
        return aExpr(0, false);
    }

    /** b_expr: no AND/OR/NOT/IS/LIKE/IN/BETWEEN at the top level (column DEFAULT, BETWEEN's lower bound). */
    Expr bExpr() {
        return aExpr(Precedence.COMPARISON, true);
    }

    List<Expr> exprList() {
        List<Expr> list = new ArrayList<>();
        do {
            list.add(expr());
        } while (accept(TokenKind.COMMA));
        return list;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new SqlException("ERROR", "54001", "stack depth limit exceeded", null,
                    "Increase the configuration parameter \"max_stack_depth\" (currently 2048kB), after ensuring the"
                            + " platform's stack depth limit is adequate.", 0, null);
        }
    }

    // ------------------------------------------------------------------ precedence climbing

    /**
     * A select-list (or RETURNING) expression. As in PostgreSQL's LALR grammar, a bare-label keyword that could
     * continue the expression ({@code IS}, {@code AND}, {@code LIKE}, ...) is taken as the column alias when what
     * follows it can only follow a select-list item: {@code SELECT 1 is} names the column "is".
     */
    Expr targetExpr() {
        targetTop = true;
        return aExpr(0, false);
    }

    private boolean targetTop;

    private static final java.util.Set<String> LABEL_OPERATORS = java.util.Set.of("is", "and", "or", "like",
            "ilike", "similar", "between", "in", "collate");

    private static final java.util.Set<String> TARGET_FOLLOW = java.util.Set.of("from", "into", "where", "group",
            "having", "window", "order", "limit", "offset", "fetch", "for", "union", "intersect", "except", "on",
            "with");

    private boolean isAliasInsteadOfOperator(Token t) {
        if (t.kind() != TokenKind.IDENT || !LABEL_OPERATORS.contains(t.value())) {
            return false;
        }
        Token after = peek(1);
        switch (after.kind()) {
            case COMMA, RPAREN, SEMICOLON, EOF:
                return true;
            case IDENT:
                return TARGET_FOLLOW.contains(after.value());
            default:
                return false;
        }
    }

    Expr aExpr(int minPrec, boolean restricted) {
        boolean top = targetTop;
        targetTop = false;
        enter();
        try {
            Expr left = prefix(restricted);
            int lastNonAssoc = -1;
            while (true) {
                Token t = peek();
                if (top && isAliasInsteadOfOperator(t)) {
                    return left;
                }
                int prec = infixLevel(t, restricted);
                if (prec < 0 || prec < minPrec) {
                    return left;
                }
                if (prec == lastNonAssoc) {
                    throw syntaxError(t);
                }
                left = infix(left, prec, restricted);
                lastNonAssoc = Precedence.isNonAssociative(prec) ? prec : -1;
            }
        } finally {
            depth--;
        }
    }

    private Expr prefix(boolean restricted) {
        Token t = peek();
        if (t.isWord("not") && !restricted) {
            next();
            Expr operand = aExpr(Precedence.NOT, false);
            return new Expr.BoolExpr(Expr.BoolOp.NOT, List.of(operand), loc(t));
        }
        if (t.kind() == TokenKind.OP && (t.value().equals("-") || t.value().equals("+"))) {
            next();
            Expr operand = aExpr(Precedence.UNARY, restricted);
            if (t.value().equals("-") && operand instanceof Expr.NumberLiteral n && !n.text().startsWith("-")) {
                return new Expr.NumberLiteral("-" + n.text(), loc(t));
            }
            return new Expr.PrefixOp(OperatorName.of(t.value()), operand, loc(t));
        }
        if (t.kind() == TokenKind.OP && Precedence.isGenericOperator(t.value())) {
            next();
            Expr operand = aExpr(Precedence.OTHER_OP + 1, restricted);
            return new Expr.PrefixOp(OperatorName.of(t.value()), operand, loc(t));
        }
        if (t.isWord("operator") && peek(1).is(TokenKind.LPAREN)) {
            next();
            OperatorName op = operatorInParens();
            Expr operand = aExpr(Precedence.OTHER_OP + 1, restricted);
            return new Expr.PrefixOp(op, operand, loc(t));
        }
        return primary();
    }

    /** The level of the token as an infix/postfix operator, or -1. */
    private int infixLevel(Token t, boolean restricted) {
        switch (t.kind()) {
            case OP:
                return Precedence.isOperatorSymbol(t.value()) && !t.value().equals("=>")
                        ? Precedence.ofOperator(t.value()) : -1;
            case TYPECAST:
                return Precedence.TYPECAST;
            case IDENT:
                break;
            default:
                return -1;
        }
        switch (t.value()) {
            case "or":
                return restricted ? -1 : Precedence.OR;
            case "and":
                return restricted ? -1 : Precedence.AND;
            case "is":
                if (restricted) {
                    // b_expr keeps IS [NOT] DISTINCT FROM and IS [NOT] DOCUMENT
                    int k = atWord(1, "not") ? 2 : 1;
                    return atWord(k, "distinct") || atWord(k, "document") ? Precedence.IS : -1;
                }
                return Precedence.IS;
            case "isnull", "notnull":
                return restricted ? -1 : Precedence.IS;
            case "between", "in", "like", "ilike", "similar":
                return restricted ? -1 : Precedence.IN;
            case "not": {
                if (restricted) {
                    return -1;
                }
                Token n = peek(1);
                return n.isWord("between") || n.isWord("in") || n.isWord("like") || n.isWord("ilike")
                        || n.isWord("similar") ? Precedence.IN : -1;
            }
            case "operator":
                return peek(1).is(TokenKind.LPAREN) ? Precedence.OTHER_OP : -1;
            case "at":
                return atWord(1, "time") ? Precedence.AT : -1;
            case "collate":
                return Precedence.COLLATE;
            default:
                return -1;
        }
    }

    private Expr infix(Expr left, int prec, boolean restricted) {
        Token t = next();
        int at = loc(t);
        switch (t.kind()) {
            case OP: {
                OperatorName op = OperatorName.of(t.value());
                Expr quantified = quantifiedRight(left, op, at);
                if (quantified != null) {
                    return quantified;
                }
                Expr right = aExpr(prec + 1, restricted);
                return new Expr.BinaryOp(op, left, right, at);
            }
            case TYPECAST:
                return new Expr.TypeCast(left, typeName(), at);
            default:
                break;
        }
        switch (t.value()) {
            case "or":
            case "and": {
                Expr right = aExpr(prec + 1, false);
                Expr.BoolOp op = t.value().equals("or") ? Expr.BoolOp.OR : Expr.BoolOp.AND;
                if (left instanceof Expr.BoolExpr b && b.op() == op) {
                    List<Expr> args = new ArrayList<>(b.args());
                    args.add(right);
                    return new Expr.BoolExpr(op, args, b.location());
                }
                return new Expr.BoolExpr(op, List.of(left, right), at);
            }
            case "isnull":
                return new Expr.IsNull(left, false, at);
            case "notnull":
                return new Expr.IsNull(left, true, at);
            case "is":
                return isClause(left, at);
            case "not": {
                Token kw = next();
                return inLevel(left, kw, true, at);
            }
            case "between", "in", "like", "ilike", "similar":
                return inLevel(left, t, false, at);
            case "operator": {
                OperatorName op = operatorInParens();
                Expr quantified = quantifiedRight(left, op, at);
                if (quantified != null) {
                    return quantified;
                }
                return new Expr.BinaryOp(op, left, aExpr(prec + 1, restricted), at);
            }
            case "at": {
                next();
                expectWord("zone");
                Expr zone = aExpr(Precedence.AT + 1, restricted);
                return new Expr.FuncCall(systemName("timezone", at), List.of(zone, left), List.of(), null, null,
                        false, false, false, false, true, at);
            }
            case "collate":
                return new Expr.Collate(left, qualifiedName(), at);
            default:
                throw syntaxError(t);
        }
    }

    /** {@code op ANY|SOME|ALL (subquery | array)} after the operator, or null when not that form. */
    private Expr quantifiedRight(Expr left, OperatorName op, int at) {
        Token q = peek();
        if (!(q.isWord("any") || q.isWord("some") || q.isWord("all"))) {
            return null;
        }
        // reserved words: after an operator they can only start "ANY (...)"
        next();
        if (!at(TokenKind.LPAREN)) {
            throw syntaxError();
        }
        boolean all = q.isWord("all");
        java.util.function.Supplier<Expr> arrayForm = () -> {
            expect(TokenKind.LPAREN);
            Expr array = expr();
            expect(TokenKind.RPAREN);
            return new Expr.ArrayComparison(left, op, all, array, at);
        };
        if (startsSubquery()) {
            return oneOf(() -> new Expr.SubLink(all ? Expr.SubLinkKind.ALL : Expr.SubLinkKind.ANY, left, op,
                    selectWithParens(), at), arrayForm);
        }
        return arrayForm.get();
    }

    private Expr isClause(Expr left, int at) {
        boolean not = acceptWord("not");
        Token t = peek();
        if (t.isWord("null")) {
            next();
            return new Expr.IsNull(left, not, at);
        }
        if (t.isWord("true")) {
            next();
            return new Expr.BooleanTest(left, not ? Expr.BooleanTestKind.IS_NOT_TRUE : Expr.BooleanTestKind.IS_TRUE,
                    at);
        }
        if (t.isWord("false")) {
            next();
            return new Expr.BooleanTest(left,
                    not ? Expr.BooleanTestKind.IS_NOT_FALSE : Expr.BooleanTestKind.IS_FALSE, at);
        }
        if (t.isWord("unknown")) {
            next();
            return new Expr.BooleanTest(left,
                    not ? Expr.BooleanTestKind.IS_NOT_UNKNOWN : Expr.BooleanTestKind.IS_UNKNOWN, at);
        }
        if (t.isWord("distinct")) {
            next();
            expectWord("from");
            Expr right = aExpr(Precedence.IS + 1, false);
            return new Expr.IsDistinctFrom(left, right, not, at);
        }
        throw syntaxError();
    }

    /** BETWEEN, IN, LIKE, ILIKE, SIMILAR TO; {@code kw} has been consumed. */
    private Expr inLevel(Expr left, Token kw, boolean not, int at) {
        switch (kw.value()) {
            case "between": {
                boolean symmetric = false;
                if (acceptWord("symmetric")) {
                    symmetric = true;
                } else {
                    acceptWord("asymmetric");
                }
                Expr low = bExpr();
                expectWord("and");
                Expr high = aExpr(Precedence.IN + 1, false);
                return new Expr.Between(left, low, high, not, symmetric, at);
            }
            case "in": {
                if (!at(TokenKind.LPAREN)) {
                    throw syntaxError();
                }
                java.util.function.Supplier<Expr> listForm = () -> {
                    expect(TokenKind.LPAREN);
                    List<Expr> list = exprList();
                    expect(TokenKind.RPAREN);
                    return new Expr.InList(left, list, not, at);
                };
                if (startsSubquery()) {
                    return oneOf(() -> {
                        Expr link = new Expr.SubLink(Expr.SubLinkKind.ANY, left, OperatorName.of("="),
                                selectWithParens(), at);
                        return not ? new Expr.BoolExpr(Expr.BoolOp.NOT, List.of(link), at) : link;
                    }, listForm);
                }
                return listForm.get();
            }
            case "like":
            case "ilike": {
                Expr.LikeKind kind = kw.value().equals("like") ? Expr.LikeKind.LIKE : Expr.LikeKind.ILIKE;
                String opSymbol = (not ? "!" : "") + (kind == Expr.LikeKind.LIKE ? "~~" : "~~*");
                Expr quantified = quantifiedRight(left, OperatorName.of(opSymbol), at);
                if (quantified != null) {
                    return quantified;
                }
                Expr pattern = aExpr(Precedence.ESCAPE, false);
                Expr escape = null;
                if (acceptWord("escape")) {
                    escape = aExpr(Precedence.ESCAPE, false);
                }
                return new Expr.Like(kind, left, pattern, escape, not, at);
            }
            case "similar": {
                expectWord("to");
                Expr pattern = aExpr(Precedence.ESCAPE, false);
                Expr escape = null;
                if (acceptWord("escape")) {
                    escape = aExpr(Precedence.ESCAPE, false);
                }
                return new Expr.Like(Expr.LikeKind.SIMILAR, left, pattern, escape, not, at);
            }
            default:
                throw syntaxError(kw);
        }
    }

    /** {@code OPERATOR ( [schema .]* op )}; the OPERATOR keyword has been consumed. */
    OperatorName operatorInParens() {
        expect(TokenKind.LPAREN);
        StringBuilder schema = null;
        while (Keywords.isColId(peek()) && peek(1).is(TokenKind.DOT)) {
            String part = next().value();
            next();
            if (schema == null) {
                schema = new StringBuilder(part);
            } else {
                schema.append('.').append(part);
            }
        }
        Token op = peek();
        if (op.kind() != TokenKind.OP || !Precedence.isOperatorSymbol(op.value())) {
            throw syntaxError();
        }
        next();
        expect(TokenKind.RPAREN);
        return new OperatorName(schema == null ? null : schema.toString(), op.value());
    }

    /** all_Op or OPERATOR(...), as in ORDER BY ... USING op. */
    OperatorName anyOperator() {
        Token t = peek();
        if (t.kind() == TokenKind.OP && Precedence.isOperatorSymbol(t.value())) {
            next();
            return OperatorName.of(t.value());
        }
        if (t.isWord("operator") && peek(1).is(TokenKind.LPAREN)) {
            next();
            return operatorInParens();
        }
        throw syntaxError();
    }

    // ------------------------------------------------------------------ primaries

    private Expr primary() {
        Token t = peek();
        switch (t.kind()) {
            case INTEGER:
            case NUMERIC:
                next();
                return new Expr.NumberLiteral(t.value(), loc(t));
            case STRING:
                next();
                return new Expr.StringLiteral(t.value(), loc(t));
            case BIT_STRING:
                next();
                return new Expr.BitStringLiteral(t.value(), false, loc(t));
            case HEX_STRING:
                next();
                return new Expr.BitStringLiteral(t.value(), true, loc(t));
            case PARAM: {
                next();
                int n;
                try {
                    n = Integer.parseInt(t.value());
                } catch (NumberFormatException e) {
                    throw syntaxError(t);
                }
                return indirection(new Expr.Param(n, loc(t)));
            }
            case LPAREN:
                return parenthesized();
            case IDENT:
                return word(t);
            case QUOTED_IDENT:
                return nameOrCall();
            default:
                throw syntaxError();
        }
    }

    /** An expression starting with an unquoted word. */
    private Expr word(Token t) {
        String w = t.value();
        int at = loc(t);
        switch (w) {
            case "true":
                next();
                return new Expr.BooleanLiteral(true, at);
            case "false":
                next();
                return new Expr.BooleanLiteral(false, at);
            case "null":
                next();
                return new Expr.NullLiteral(at);
            case "case":
                return caseExpr();
            case "cast": {
                next();
                expect(TokenKind.LPAREN);
                Expr arg = expr();
                expectWord("as");
                TypeName type = typeName();
                expect(TokenKind.RPAREN);
                return new Expr.TypeCast(arg, type, at);
            }
            case "array":
                return arrayExpr();
            case "exists":
                if (peek(1).is(TokenKind.LPAREN)) {
                    next();
                    return new Expr.SubLink(Expr.SubLinkKind.EXISTS, null, null, selectWithParens(), at);
                }
                break;
            case "unique": {
                // UNIQUE [NULLS [NOT] DISTINCT] (subquery): in the grammar but not implemented by PostgreSQL
                next();
                if (acceptWord("nulls")) {
                    acceptWord("not");
                    expectWord("distinct");
                }
                if (!at(TokenKind.LPAREN)) {
                    throw syntaxError();
                }
                selectWithParens();
                throw new SqlException("ERROR", "0A000", "UNIQUE predicate is not yet implemented", null, null, at,
                        null);
            }
            case "row":
                if (peek(1).is(TokenKind.LPAREN)) {
                    next();
                    next();
                    List<Expr> fields = at(TokenKind.RPAREN) ? List.of() : exprList();
                    expect(TokenKind.RPAREN);
                    return new Expr.RowConstructor(fields, true, at);
                }
                break;
            case "current_date":
                next();
                return new Expr.SqlValueFunction(Expr.SqlValueKind.CURRENT_DATE, null, at);
            case "current_time":
                next();
                return new Expr.SqlValueFunction(Expr.SqlValueKind.CURRENT_TIME, optPrecision(), at);
            case "current_timestamp":
                next();
                return new Expr.SqlValueFunction(Expr.SqlValueKind.CURRENT_TIMESTAMP, optPrecision(), at);
            case "localtime":
                next();
                return new Expr.SqlValueFunction(Expr.SqlValueKind.LOCALTIME, optPrecision(), at);
            case "localtimestamp":
                next();
                return new Expr.SqlValueFunction(Expr.SqlValueKind.LOCALTIMESTAMP, optPrecision(), at);
            case "current_role":
                next();
                return new Expr.SqlValueFunction(Expr.SqlValueKind.CURRENT_ROLE, null, at);
            case "current_user":
                next();
                return new Expr.SqlValueFunction(Expr.SqlValueKind.CURRENT_USER, null, at);
            case "user":
                next();
                return new Expr.SqlValueFunction(Expr.SqlValueKind.USER, null, at);
            case "session_user":
                next();
                return new Expr.SqlValueFunction(Expr.SqlValueKind.SESSION_USER, null, at);
            case "current_catalog":
                next();
                return new Expr.SqlValueFunction(Expr.SqlValueKind.CURRENT_CATALOG, null, at);
            case "current_schema":
                next();
                if (at(TokenKind.LPAREN) && peek(1).is(TokenKind.RPAREN)) {
                    // current_schema() is also accepted, as an ordinary function call
                    next();
                    next();
                }
                return new Expr.FuncCall(systemName("current_schema", at), List.of(), List.of(), null, null,
                        false, false, false, false, true, at);
            case "collation":
                if (atWord(1, "for") && peek(2).is(TokenKind.LPAREN)) {
                    next();
                    next();
                    next();
                    Expr arg = expr();
                    expect(TokenKind.RPAREN);
                    return sqlCall("pg_collation_for", List.of(arg), at);
                }
                break;
            case "coalesce":
            case "greatest":
            case "least":
                if (peek(1).is(TokenKind.LPAREN)) {
                    next();
                    next();
                    List<Expr> args = exprList();
                    expect(TokenKind.RPAREN);
                    if (w.equals("coalesce")) {
                        return new Expr.Coalesce(args, at);
                    }
                    return new Expr.MinMax(w.equals("greatest"), args, at);
                }
                break;
            case "nullif":
                if (peek(1).is(TokenKind.LPAREN)) {
                    next();
                    next();
                    Expr a = expr();
                    expect(TokenKind.COMMA);
                    Expr b = expr();
                    expect(TokenKind.RPAREN);
                    return new Expr.NullIf(a, b, at);
                }
                break;
            case "grouping":
                if (peek(1).is(TokenKind.LPAREN)) {
                    next();
                    next();
                    List<Expr> args = exprList();
                    expect(TokenKind.RPAREN);
                    return new Expr.Grouping(args, at);
                }
                break;
            case "extract":
                if (peek(1).is(TokenKind.LPAREN)) {
                    return extract();
                }
                break;
            case "position":
                if (peek(1).is(TokenKind.LPAREN)) {
                    return position();
                }
                break;
            case "substring":
                if (peek(1).is(TokenKind.LPAREN)) {
                    return substring();
                }
                break;
            case "trim":
                if (peek(1).is(TokenKind.LPAREN)) {
                    return trim();
                }
                break;
            case "overlay":
                if (peek(1).is(TokenKind.LPAREN)) {
                    return overlay();
                }
                break;
            case "interval":
                return intervalLiteral();
            case "double":
                if (atWord(1, "precision")) {
                    Expr typed = tryConstTypeLiteral();
                    if (typed != null) {
                        return typed;
                    }
                }
                break;
            case "default":
                // DEFAULT is an expression so that INSERT ... VALUES and UPDATE ... SET accept it; the analyzer
                // rejects it elsewhere
                next();
                return new Expr.SetToDefault(at);
            default:
                break;
        }
        Keywords.Category cat = Keywords.category(w);
        if (cat == Keywords.Category.COL_NAME) {
            // a type keyword followed by a string is a typed literal (int '5', timestamp '...', numeric(8,2) '1')
            Expr typed = tryConstTypeLiteral();
            if (typed != null) {
                return typed;
            }
            // otherwise a column-name keyword is an ordinary column reference
            return columnRefOnly();
        }
        if (cat == Keywords.Category.TYPE_FUNC_NAME) {
            // usable as a function name or type name, never as a column
            if (peek(1).is(TokenKind.LPAREN)) {
                next();
                return functionCallAfterName(QualifiedName.of(w, at), at);
            }
            if (peek(1).is(TokenKind.STRING)) {
                next();
                Token str = next();
                return new Expr.TypeCast(new Expr.StringLiteral(str.value(), loc(str)),
                        TypeName.simple(w, at), at);
            }
            // only '(' or a string may follow: the error is at the next token, as in PostgreSQL
            next();
            throw syntaxError();
        }
        if (cat == Keywords.Category.RESERVED) {
            throw syntaxError();
        }
        return nameOrCall();
    }

    private Integer optPrecision() {
        if (at(TokenKind.LPAREN)) {
            next();
            int p = integerConstant();
            expect(TokenKind.RPAREN);
            return p;
        }
        return null;
    }

    /**
     * A name: column reference with indirection, function call (possibly qualified), or a typed literal
     * {@code name 'string'} / {@code schema.name 'string'} / {@code name(typmods) 'string'}.
     */
    private Expr nameOrCall() {
        Token first = peek();
        int at = loc(first);
        next();
        List<String> names = new ArrayList<>();
        names.add(first.value());
        boolean star = false;
        while (at(TokenKind.DOT)) {
            next();
            Token n = peek();
            if (n.isOp("*")) {
                next();
                star = true;
                break;
            }
            if (!Keywords.isColLabel(n)) {
                throw syntaxError();
            }
            next();
            names.add(n.value());
        }
        if (!star && at(TokenKind.LPAREN)) {
            return functionCallAfterName(new QualifiedName(names, at), at);
        }
        if (!star && at(TokenKind.STRING)) {
            Token str = next();
            TypeName type = new TypeName(names, List.of(), List.of(), false, false, at);
            return new Expr.TypeCast(new Expr.StringLiteral(str.value(), loc(str)), type, at);
        }
        Expr ref = new Expr.ColumnRef(names, star, at);
        return star ? ref : indirection(ref);
    }

    /** A column-name keyword used as a column: no function call or typed-literal forms. */
    private Expr columnRefOnly() {
        Token first = next();
        int at = loc(first);
        List<String> names = new ArrayList<>();
        names.add(first.value());
        boolean star = false;
        while (at(TokenKind.DOT)) {
            next();
            Token n = peek();
            if (n.isOp("*")) {
                next();
                star = true;
                break;
            }
            if (!Keywords.isColLabel(n)) {
                throw syntaxError();
            }
            next();
            names.add(n.value());
        }
        if (!star && at(TokenKind.LPAREN) && names.size() > 1) {
            return functionCallAfterName(new QualifiedName(names, at), at);
        }
        Expr ref = new Expr.ColumnRef(names, star, at);
        return star ? ref : indirection(ref);
    }

    /** Subscripts and field selections after a primary: {@code [i]}, {@code [a:b]}, {@code .f}, {@code .*}. */
    Expr indirection(Expr base) {
        List<Expr.IndirectionStep> steps = new ArrayList<>();
        while (true) {
            if (at(TokenKind.LBRACKET)) {
                Token lb = next();
                Expr lower = null;
                Expr upper = null;
                boolean slice = false;
                if (!at(TokenKind.COLON)) {
                    lower = expr();
                }
                if (accept(TokenKind.COLON)) {
                    slice = true;
                    if (!at(TokenKind.RBRACKET)) {
                        upper = expr();
                    }
                } else {
                    upper = lower;
                    lower = null;
                }
                expect(TokenKind.RBRACKET);
                steps.add(new Expr.Subscript(lower, upper, slice, loc(lb)));
            } else if (at(TokenKind.DOT)) {
                next();
                Token n = peek();
                if (n.isOp("*")) {
                    next();
                    steps.add(new Expr.FieldStar(loc(n)));
                } else if (Keywords.isColLabel(n)) {
                    next();
                    steps.add(new Expr.FieldSelection(n.value(), loc(n)));
                } else {
                    throw syntaxError();
                }
            } else {
                break;
            }
        }
        return steps.isEmpty() ? base : new Expr.Indirection(base, steps, base.location());
    }

    /** {@code ( ... )}: subquery, parenthesized expression, or implicit row constructor. */
    private Expr parenthesized() {
        int at = loc(peek());
        if (startsSubquery()) {
            return oneOf(() -> indirection(new Expr.SubLink(Expr.SubLinkKind.EXPR, null, null, selectWithParens(), at)),
                    () -> parenthesizedExpression(at));
        }
        return parenthesizedExpression(at);
    }

    private Expr parenthesizedExpression(int at) {
        expect(TokenKind.LPAREN);
        Expr first = expr();
        if (accept(TokenKind.COMMA)) {
            List<Expr> fields = new ArrayList<>();
            fields.add(first);
            do {
                fields.add(expr());
            } while (accept(TokenKind.COMMA));
            expect(TokenKind.RPAREN);
            return new Expr.RowConstructor(fields, false, at);
        }
        expect(TokenKind.RPAREN);
        return indirection(first);
    }

    /** True when '(' begins a parenthesized query: after any number of '(' comes SELECT/VALUES/WITH/TABLE. */
    boolean startsSubquery() {
        int k = 0;
        while (peek(k).is(TokenKind.LPAREN)) {
            k++;
        }
        if (k == 0) {
            return false;
        }
        Token t = peek(k);
        return t.isWord("select") || t.isWord("values") || t.isWord("with") || t.isWord("table");
    }

    private Expr caseExpr() {
        Token kw = next();
        Expr arg = null;
        if (!atWord("when")) {
            arg = expr();
        }
        List<Expr.CaseWhen> whens = new ArrayList<>();
        while (atWord("when")) {
            Token w = next();
            Expr cond = expr();
            expectWord("then");
            Expr result = expr();
            whens.add(new Expr.CaseWhen(cond, result, loc(w)));
        }
        if (whens.isEmpty()) {
            throw syntaxError();
        }
        Expr elseResult = null;
        if (acceptWord("else")) {
            elseResult = expr();
        }
        expectWord("end");
        return new Expr.Case(arg, whens, elseResult, loc(kw));
    }

    private Expr arrayExpr() {
        Token kw = next();
        int at = loc(kw);
        if (at(TokenKind.LPAREN)) {
            return new Expr.SubLink(Expr.SubLinkKind.ARRAY, null, null, selectWithParens(), at);
        }
        if (!at(TokenKind.LBRACKET)) {
            throw syntaxError();
        }
        return arrayBrackets(true, at);
    }

    /** {@code [a, b]}, {@code [[..], [..]]} or {@code []}. */
    private Expr arrayBrackets(boolean explicitKeyword, int at) {
        enter();
        try {
            Token lb = expect(TokenKind.LBRACKET);
            List<Expr> elements = new ArrayList<>();
            if (accept(TokenKind.RBRACKET)) {
                return new Expr.ArrayConstructor(elements, explicitKeyword, at);
            }
            if (at(TokenKind.LBRACKET)) {
                do {
                    elements.add(arrayBrackets(false, loc(peek())));
                } while (accept(TokenKind.COMMA));
            } else {
                elements.addAll(exprList());
            }
            expect(TokenKind.RBRACKET);
            return new Expr.ArrayConstructor(elements, explicitKeyword, explicitKeyword ? at : loc(lb));
        } finally {
            depth--;
        }
    }

    // ------------------------------------------------------------------ function calls

    private static QualifiedName systemName(String name, int at) {
        return new QualifiedName(List.of("pg_catalog", name), at);
    }

    private static Expr.FuncCall sqlCall(String name, List<Expr> args, int at) {
        return new Expr.FuncCall(systemName(name, at), args, List.of(), null, null, false, false, false, false, true,
                at);
    }

    /** The argument list and trailing clauses of a call; the '(' is next. */
    /** Set while reading a FROM-clause function: there {@code f(x) 'lit'} is not a typed literal. */
    boolean fromFunction;

    Expr functionCallAfterName(QualifiedName name, int at) {
        boolean typedLiteralAllowed = !fromFunction;
        fromFunction = false;
        expect(TokenKind.LPAREN);
        List<Expr> args = new ArrayList<>();
        List<SortItem> orderBy = List.of();
        boolean star = false;
        boolean distinct = false;
        boolean variadic = false;
        if (atOp("*")) {
            // only count(*) has '*' right after '(': the ')' must follow
            next();
            star = true;
            if (!at(TokenKind.RPAREN)) {
                throw syntaxError();
            }
        } else if (!at(TokenKind.RPAREN)) {
            if (acceptWord("distinct")) {
                distinct = true;
            } else {
                acceptWord("all");
            }
            do {
                if (variadic) {
                    // VARIADIC must be the last argument
                    throw syntaxError();
                }
                if (acceptWord("variadic")) {
                    variadic = true;
                }
                args.add(functionArgument());
            } while (accept(TokenKind.COMMA));
            if (atWord("order")) {
                next();
                expectWord("by");
                orderBy = sortList();
            }
        }
        expect(TokenKind.RPAREN);
        boolean withinGroup = false;
        if (atWord("within")) {
            next();
            expectWord("group");
            expect(TokenKind.LPAREN);
            expectWord("order");
            expectWord("by");
            orderBy = sortList();
            expect(TokenKind.RPAREN);
            withinGroup = true;
        }
        Expr filter = null;
        if (atWord("filter")) {
            next();
            expect(TokenKind.LPAREN);
            expectWord("where");
            filter = expr();
            expect(TokenKind.RPAREN);
        }
        WindowDef over = null;
        if (atWord("over")) {
            Token o = next();
            if (at(TokenKind.LPAREN)) {
                over = windowSpecification(null, loc(o));
            } else {
                Identifier ref = colId();
                over = new WindowDef(null, ref.name(), List.of(), List.of(), null, ref.location());
            }
        }
        if (typedLiteralAllowed && !star && !distinct && !variadic && orderBy.isEmpty() && filter == null
                && over == null && at(TokenKind.STRING)) {
            // name(typmods) 'literal': a typed literal with modifiers
            Token str = next();
            TypeName type = new TypeName(name.parts(), args, List.of(), false, false, at);
            return new Expr.TypeCast(new Expr.StringLiteral(str.value(), loc(str)), type, at);
        }
        return new Expr.FuncCall(name, args, orderBy, filter, over, star, distinct, variadic, withinGroup, false, at);
    }

    private Expr functionArgument() {
        Token t = peek();
        if (Keywords.isTypeFunctionName(t) && (peek(1).isOp("=>") || peek(1).is(TokenKind.COLON_EQUALS))) {
            next();
            next();
            return new Expr.NamedArg(t.value(), expr(), loc(t));
        }
        return expr();
    }

    /** {@code ( [existing] [PARTITION BY ..] [ORDER BY ..] [frame] )}; '(' is next. */
    WindowDef windowSpecification(String ownName, int at) {
        expect(TokenKind.LPAREN);
        String ref = null;
        Token t = peek();
        if (Keywords.isColId(t) && !t.isWord("partition") && !t.isWord("order") && !t.isWord("rows")
                && !t.isWord("range") && !t.isWord("groups")) {
            ref = colId().name();
        }
        List<Expr> partition = List.of();
        if (atWord("partition")) {
            next();
            expectWord("by");
            partition = exprList();
        }
        List<SortItem> order = List.of();
        if (atWord("order")) {
            next();
            expectWord("by");
            order = sortList();
        }
        WindowDef.Frame frame = null;
        if (atWord("rows") || atWord("range") || atWord("groups")) {
            WindowDef.FrameMode mode = WindowDef.FrameMode.valueOf(next().value().toUpperCase());
            WindowDef.FrameBound start;
            WindowDef.FrameBound end = null;
            if (acceptWord("between")) {
                start = frameBound();
                expectWord("and");
                end = frameBound();
            } else {
                start = frameBound();
            }
            WindowDef.FrameExclusion exclusion = WindowDef.FrameExclusion.NONE;
            if (acceptWord("exclude")) {
                if (acceptWords("current", "row")) {
                    exclusion = WindowDef.FrameExclusion.CURRENT_ROW;
                } else if (acceptWord("group")) {
                    exclusion = WindowDef.FrameExclusion.GROUP;
                } else if (acceptWord("ties")) {
                    exclusion = WindowDef.FrameExclusion.TIES;
                } else if (acceptWords("no", "others")) {
                    exclusion = WindowDef.FrameExclusion.NO_OTHERS;
                } else {
                    throw syntaxError();
                }
            }
            frame = new WindowDef.Frame(mode, start, end, exclusion);
        }
        expect(TokenKind.RPAREN);
        return new WindowDef(ownName, ref, partition, order, frame, at);
    }

    private WindowDef.FrameBound frameBound() {
        if (atWord("unbounded")) {
            next();
            if (acceptWord("preceding")) {
                return new WindowDef.FrameBound(WindowDef.FrameBoundKind.UNBOUNDED_PRECEDING, null);
            }
            expectWord("following");
            return new WindowDef.FrameBound(WindowDef.FrameBoundKind.UNBOUNDED_FOLLOWING, null);
        }
        if (acceptWords("current", "row")) {
            return new WindowDef.FrameBound(WindowDef.FrameBoundKind.CURRENT_ROW, null);
        }
        Expr offset = expr();
        if (acceptWord("preceding")) {
            return new WindowDef.FrameBound(WindowDef.FrameBoundKind.OFFSET_PRECEDING, offset);
        }
        expectWord("following");
        return new WindowDef.FrameBound(WindowDef.FrameBoundKind.OFFSET_FOLLOWING, offset);
    }

    private Expr extract() {
        Token kw = next();
        int at = loc(kw);
        expect(TokenKind.LPAREN);
        if (accept(TokenKind.RPAREN)) {
            return new Expr.FuncCall(systemName("extract", at), List.of(), List.of(), null, null, false, false,
                    false, false, true, at);
        }
        Token field = peek();
        String fieldName;
        if (field.kind() == TokenKind.IDENT || field.kind() == TokenKind.STRING) {
            next();
            fieldName = field.value();
        } else {
            throw syntaxError();
        }
        expectWord("from");
        Expr source = expr();
        expect(TokenKind.RPAREN);
        return sqlCall("extract", List.of(new Expr.StringLiteral(fieldName, loc(field)), source), at);
    }

    private Expr position() {
        Token kw = next();
        int at = loc(kw);
        expect(TokenKind.LPAREN);
        if (accept(TokenKind.RPAREN)) {
            return sqlCall("position", List.of(), at);
        }
        Expr needle = bExpr();
        expectWord("in");
        Expr haystack = bExpr();
        expect(TokenKind.RPAREN);
        return sqlCall("position", List.of(haystack, needle), at);
    }

    private Expr substring() {
        Token kw = next();
        int at = loc(kw);
        expect(TokenKind.LPAREN);
        if (accept(TokenKind.RPAREN)) {
            return sqlCall("substring", List.of(), at);
        }
        Expr str = expr();
        List<Expr> args = new ArrayList<>();
        args.add(str);
        if (acceptWord("from")) {
            Expr from = expr();
            args.add(from);
            if (acceptWord("for")) {
                args.add(expr());
            }
        } else if (acceptWord("for")) {
            Expr count = expr();
            if (acceptWord("from")) {
                args.add(expr());
                args.add(count);
            } else {
                args.add(new Expr.NumberLiteral("1", 0));
                args.add(count);
            }
        } else if (acceptWord("similar")) {
            args.add(expr());
            expectWord("escape");
            args.add(expr());
        } else {
            if (!accept(TokenKind.COMMA)) {
                throw syntaxError();
            }
            args.addAll(exprList());
            expect(TokenKind.RPAREN);
            return new Expr.FuncCall(systemName("substring", at), args, List.of(), null, null, false, false, false,
                    false, false, at);
        }
        expect(TokenKind.RPAREN);
        return sqlCall("substring", args, at);
    }

    private Expr trim() {
        Token kw = next();
        int at = loc(kw);
        expect(TokenKind.LPAREN);
        String fn = "btrim";
        if (acceptWord("both")) {
            fn = "btrim";
        } else if (acceptWord("leading")) {
            fn = "ltrim";
        } else if (acceptWord("trailing")) {
            fn = "rtrim";
        }
        List<Expr> args;
        if (acceptWord("from")) {
            args = exprList();
        } else {
            Expr first = expr();
            if (acceptWord("from")) {
                args = new ArrayList<>(exprList());
                args.add(first);
            } else {
                args = new ArrayList<>();
                args.add(first);
                while (accept(TokenKind.COMMA)) {
                    args.add(expr());
                }
            }
        }
        expect(TokenKind.RPAREN);
        return sqlCall(fn, args, at);
    }

    private Expr overlay() {
        Token kw = next();
        int at = loc(kw);
        expect(TokenKind.LPAREN);
        if (accept(TokenKind.RPAREN)) {
            return new Expr.FuncCall(systemName("overlay", at), List.of(), List.of(), null, null, false, false,
                    false, false, false, at);
        }
        Expr first = expr();
        if (acceptWord("placing")) {
            List<Expr> args = new ArrayList<>();
            args.add(first);
            args.add(expr());
            expectWord("from");
            args.add(expr());
            if (acceptWord("for")) {
                args.add(expr());
            }
            expect(TokenKind.RPAREN);
            return sqlCall("overlay", args, at);
        }
        List<Expr> args = new ArrayList<>();
        args.add(first);
        while (accept(TokenKind.COMMA)) {
            args.add(expr());
        }
        expect(TokenKind.RPAREN);
        return new Expr.FuncCall(systemName("overlay", at), args, List.of(), null, null, false, false, false, false,
                false, at);
    }

    /** {@code INTERVAL 'x' [fields]}, {@code INTERVAL (p) 'x'}, or a column named interval. */
    private Expr intervalLiteral() {
        Token kw = peek();
        int at = loc(kw);
        if (peek(1).is(TokenKind.STRING)) {
            next();
            Token str = next();
            List<Expr> typmods = intervalFields();
            TypeName type = new TypeName(List.of("pg_catalog", "interval"), typmods, List.of(), false, false, at);
            return new Expr.TypeCast(new Expr.StringLiteral(str.value(), loc(str)), type, at);
        }
        if (peek(1).is(TokenKind.LPAREN) && peek(2).is(TokenKind.INTEGER) && peek(3).is(TokenKind.RPAREN)
                && peek(4).is(TokenKind.STRING)) {
            next();
            next();
            Token p = next();
            next();
            Token str = next();
            List<Expr> typmods = List.of(new Expr.NumberLiteral(String.valueOf(IntervalFields.FULL_RANGE), loc(p)),
                    new Expr.NumberLiteral(p.value(), loc(p)));
            TypeName type = new TypeName(List.of("pg_catalog", "interval"), typmods, List.of(), false, false, at);
            return new Expr.TypeCast(new Expr.StringLiteral(str.value(), loc(str)), type, at);
        }
        return columnRefOnly();
    }

    /** opt_interval: YEAR, MONTH, ..., DAY TO SECOND(p) etc., as PostgreSQL's typmod list. */
    List<Expr> intervalFields() {
        return IntervalFields.parse(this);
    }

    /**
     * Tries a SQL-standard type keyword followed by a string ({@code int '5'}, {@code double precision '1'},
     * {@code timestamp with time zone '...'}, {@code numeric(8,2) '1.5'}, {@code char(3) 'ab'}); returns null with
     * the position unchanged when that is not what follows.
     */
    private Expr tryConstTypeLiteral() {
        int mark = tokens.mark();
        Token first = peek();
        // an error inside the type (e.g. "timestamp with time THEN") is PostgreSQL's error too
        TypeName type = TypeNames.parseSimple(this);
        if (type == null || !at(TokenKind.STRING)) {
            tokens.reset(mark);
            return null;
        }
        Token str = next();
        return new Expr.TypeCast(new Expr.StringLiteral(str.value(), loc(str)), type, loc(first));
    }

    // ------------------------------------------------------------------ type names

    /** Typename: {@code [SETOF] simple_type [array bounds] | simple_type ARRAY [n]}. */
    TypeName typeName() {
        return TypeNames.parse(this);
    }
}
