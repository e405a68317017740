package io.pgsight.sql.builtin.json.path;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.builtin.json.JsonbValue;
import io.pgsight.sql.builtin.json.JsonbValue.JNumber;
import io.pgsight.sql.builtin.json.JsonbValue.JString;
import io.pgsight.sql.builtin.json.path.JsonPathLexer.Kind;
import io.pgsight.sql.builtin.json.path.JsonPathLexer.Token;
import io.pgsight.sql.builtin.json.path.PathItem.Operator;
import io.pgsight.sql.builtin.json.path.PathItem.Step;
import io.pgsight.sql.builtin.string.PatternMatching;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recursive-descent parser for PostgreSQL's jsonpath grammar. Predicates (comparisons, && || !,
 * exists, like_regex, starts with, is unknown) and value expressions are told apart as the grammar
 * does: a filter, ! and && || need predicates, arithmetic and comparisons need expressions.
 */
final class JsonPathParser {
    private static final Set<String> METHODS = Set.of("abs", "size", "type", "floor", "double", "ceiling", "keyvalue");

    private final String text;
    private final JsonPathLexer.Stream tokens;
    private int pos;
    private int filterDepth;
    private int subscriptDepth;
    private SqlException deferred;

    JsonPathParser(String text) {
        this.text = text;
        this.tokens = new JsonPathLexer.Stream(text);
    }

    JsonPath parse() {
        if (peek().kind() == Kind.END) {
            throw new SqlException("22P02", "invalid input syntax for type jsonpath: \"" + text + "\"");
        }
        boolean lax = true;
        if (peek().isKeyword("strict")) {
            lax = false;
            pos++;
        } else if (peek().isKeyword("lax")) {
            pos++;
        }
        PathItem e = or();
        if (peek().kind() != Kind.END) {
            throw error(peek());
        }
        if (deferred != null) {
            throw deferred;
        }
        return new JsonPath(lax, e);
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token take() {
        return tokens.get(pos++);
    }

    private static SqlException error(Token t) {
        return JsonPathLexer.syntaxError("syntax error", t.near());
    }

    private void expect(String punct) {
        if (!peek().is(punct)) {
            throw error(peek());
        }
        pos++;
    }

    static boolean isPredicate(PathItem item) {
        return item instanceof PathItem.Binary b && !b.op().isArithmetic() || item instanceof PathItem.Not
                || item instanceof PathItem.IsUnknown || item instanceof PathItem.Exists
                || item instanceof PathItem.LikeRegex;
    }

    /** Requires a predicate; the token after it is where the grammar would have failed. */
    private PathItem predicate(PathItem item) {
        if (!isPredicate(item)) {
            throw error(peek());
        }
        return item;
    }

    /** ! and exists (...) start predicates only: where an expression must start, the grammar fails at them. */
    private void noExists() {
        if (peek().isKeyword("exists") || peek().is("!")) {
            throw error(peek());
        }
    }

    private PathItem expression(PathItem item) {
        if (isPredicate(item)) {
            throw error(peek());
        }
        return item;
    }

    private PathItem or() {
        PathItem left = and();
        while (peek().is("||")) {
            predicate(left);
            pos++;
            left = new PathItem.Binary(Operator.OR, left, predicate(and()));
        }
        return left;
    }

    private PathItem and() {
        PathItem left = not();
        while (peek().is("&&")) {
            predicate(left);
            pos++;
            left = new PathItem.Binary(Operator.AND, left, predicate(not()));
        }
        return left;
    }

    private PathItem not() {
        if (!peek().is("!")) {
            return comparison();
        }
        pos++;
        if (peek().isKeyword("exists")) {
            return new PathItem.Not(exists());
        }
        if (!peek().is("(")) {
            throw error(peek());
        }
        pos++;
        PathItem inner = predicate(or());
        expect(")");
        return new PathItem.Not(inner);
    }

    private PathItem comparison() {
        PathItem left = additive();
        Token t = peek();
        Operator op = comparisonOperator(t);
        if (op != null) {
            expression(left);
            pos++;
            noExists();
            return new PathItem.Binary(op, left, expression(additive()));
        }
        if (t.isKeyword("starts")) {
            expression(left);
            pos++;
            if (!peek().isKeyword("with")) {
                throw error(peek());
            }
            pos++;
            Token initial = take();
            if (initial.kind() == Kind.STRING) {
                return new PathItem.Binary(Operator.STARTS_WITH, left, new PathItem.Literal(new JString(initial.text())));
            } else if (initial.kind() == Kind.VARIABLE) {
                return new PathItem.Binary(Operator.STARTS_WITH, left, new PathItem.Variable(initial.text()));
            }
            throw error(initial);
        }
        if (t.isKeyword("like_regex")) {
            expression(left);
            pos++;
            Token pattern = take();
            if (pattern.kind() != Kind.STRING) {
                throw error(pattern);
            }
            String flags = "";
            if (peek().isKeyword("flag")) {
                pos++;
                Token f = take();
                if (f.kind() != Kind.STRING) {
                    throw error(f);
                }
                flags = normalizeFlags(f.text());
            }
            return new PathItem.LikeRegex(left, pattern.text(), flags, compile(pattern.text(), flags));
        }
        return left;
    }

    private static Operator comparisonOperator(Token t) {
        if (t.kind() != Kind.PUNCT) {
            return null;
        }
        return switch (t.text()) {
            case "==" -> Operator.EQ;
            case "!=", "<>" -> Operator.NE;
            case "<" -> Operator.LT;
            case ">" -> Operator.GT;
            case "<=" -> Operator.LE;
            case ">=" -> Operator.GE;
            default -> null;
        };
    }

    /** XQuery flags in PostgreSQL's print order (i s m x q), each once. */
    private static String normalizeFlags(String written) {
        for (char c : written.toCharArray()) {
            if ("ismxq".indexOf(c) < 0) {
                throw new SqlException("42601", "invalid input syntax for type jsonpath")
                        .withDetail("Unrecognized flag character \"" + c + "\" in LIKE_REGEX predicate.");
            }
        }
        StringBuilder sb = new StringBuilder();
        for (char c : "ismxq".toCharArray()) {
            if (written.indexOf(c) >= 0) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The pattern as like_regex runs it: dot stops at newline unless s, m anchors at lines, q literal. */
    static Pattern compile(String pattern, String flags) {
        if (flags.indexOf('q') >= 0) {
            int f = Pattern.LITERAL | (flags.indexOf('i') >= 0 ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
            return Pattern.compile(pattern, f);
        }
        if (flags.indexOf('x') >= 0) {
            throw new SqlException("0A000", "XQuery \"x\" flag (expanded regular expressions) is not implemented");
        }
        StringBuilder posix = new StringBuilder();
        if (flags.indexOf('i') >= 0) {
            posix.append('i');
        }
        // PostgreSQL's REG_NLSTOP unless s; with m also REG_NLANCH: both are what ARE's n flag does
        if (flags.indexOf('s') < 0 || flags.indexOf('m') >= 0) {
            posix.append('n');
        }
        Pattern p = PatternMatching.regex(pattern, posix.toString());
        if (flags.indexOf('s') >= 0 && flags.indexOf('m') >= 0) {
            p = Pattern.compile(p.pattern(), p.flags() | Pattern.DOTALL);
        } else if (flags.indexOf('s') < 0 && flags.indexOf('m') < 0) {
            p = Pattern.compile(p.pattern(), p.flags() & ~Pattern.MULTILINE & ~Pattern.DOTALL);
        }
        return p;
    }

    private PathItem additive() {
        PathItem left = multiplicative();
        while (peek().is("+") || peek().is("-")) {
            expression(left);
            Operator op = take().is("+") ? Operator.ADD : Operator.SUB;
            noExists();
            left = new PathItem.Binary(op, left, expression(multiplicative()));
        }
        return left;
    }

    private PathItem multiplicative() {
        PathItem left = unary();
        while (peek().is("*") || peek().is("/") || peek().is("%")) {
            expression(left);
            String t = take().text();
            Operator op = t.equals("*") ? Operator.MUL : t.equals("/") ? Operator.DIV : Operator.MOD;
            noExists();
            left = new PathItem.Binary(op, left, expression(unary()));
        }
        return left;
    }

    private PathItem unary() {
        if (peek().is("+") || peek().is("-")) {
            boolean minus = take().is("-");
            noExists();
            PathItem operand = expression(unary());
            // a signed number literal is folded into the number, as PostgreSQL's grammar does
            if (operand instanceof PathItem.Literal l && l.value() instanceof JNumber n) {
                return minus ? new PathItem.Literal(new JNumber(n.value().negate())) : operand;
            }
            return new PathItem.Unary(minus, operand);
        }
        return accessorExpression();
    }

    private PathItem accessorExpression() {
        Token t = peek();
        PathItem head;
        boolean parenthesized = false;
        if (t.is("(")) {
            pos++;
            head = or();
            expect(")");
            parenthesized = true;
            if (peek().isKeyword("is")) {
                predicate(head);
                pos++;
                if (!peek().isKeyword("unknown")) {
                    throw error(peek());
                }
                pos++;
                return new PathItem.IsUnknown(head);
            }
        } else if (t.isKeyword("exists")) {
            return exists();
        } else {
            head = primary();
        }
        List<Step> steps = new ArrayList<>();
        while (true) {
            Step s = step();
            if (s == null) {
                break;
            }
            steps.add(s);
        }
        if (steps.isEmpty()) {
            return head;
        }
        if (parenthesized && head instanceof PathItem.Chain c) {
            List<Step> all = new ArrayList<>(c.steps());
            all.addAll(steps);
            return new PathItem.Chain(c.head(), all);
        }
        return new PathItem.Chain(head, steps);
    }

    private PathItem exists() {
        pos++;
        expect("(");
        PathItem inner = expression(or());
        expect(")");
        return new PathItem.Exists(inner);
    }

    private PathItem primary() {
        Token t = take();
        switch (t.kind()) {
            case STRING:
                return new PathItem.Literal(new JString(t.text()));
            case NUMBER:
                return new PathItem.Literal(new JNumber(t.number()));
            case VARIABLE:
                return new PathItem.Variable(t.text());
            case PUNCT:
                if (t.is("$")) {
                    return new PathItem.Root();
                }
                if (t.is("@")) {
                    if (filterDepth == 0) {
                        defer(new SqlException("42601", "@ is not allowed in root expressions"));
                    }
                    return new PathItem.Current();
                }
                throw error(t);
            case IDENT:
                if (t.isKeyword("null")) {
                    return new PathItem.Literal(JsonbValue.NULL);
                } else if (t.isKeyword("true")) {
                    return new PathItem.Literal(JsonbValue.TRUE);
                } else if (t.isKeyword("false")) {
                    return new PathItem.Literal(JsonbValue.FALSE);
                } else if (t.isKeyword("last")) {
                    if (subscriptDepth == 0) {
                        defer(new SqlException("42601", "LAST is allowed only in array subscripts"));
                    }
                    return new PathItem.Last();
                }
                throw error(t);
            default:
                throw error(t);
        }
    }

    private void defer(SqlException e) {
        if (deferred == null) {
            deferred = e;
        }
    }

    /** The next accessor, filter or method of a chain, or null when none follows. */
    private Step step() {
        Token t = peek();
        if (t.is("[")) {
            pos++;
            return subscripts();
        }
        if (t.is("?")) {
            pos++;
            expect("(");
            filterDepth++;
            PathItem p = predicate(or());
            filterDepth--;
            expect(")");
            return new PathItem.Filter(p);
        }
        if (!t.is(".")) {
            return null;
        }
        pos++;
        Token k = take();
        if (k.kind() == Kind.STRING) {
            return new PathItem.Key(k.text());
        }
        if (k.is("*")) {
            return new PathItem.AnyKey();
        }
        if (k.is("**")) {
            return anyPath();
        }
        if (k.kind() != Kind.IDENT) {
            throw error(k);
        }
        String lower = k.text().toLowerCase(java.util.Locale.ROOT);
        if (peek().is("(") && METHODS.contains(lower)) {
            pos++;
            expect(")");
            return new PathItem.Method(lower);
        }
        if (peek().is("(") && lower.equals("datetime")) {
            pos++;
            String template = null;
            if (peek().kind() == Kind.STRING) {
                template = take().text();
            }
            expect(")");
            return new PathItem.DateTime(template);
        }
        return new PathItem.Key(k.text());
    }

    private Step subscripts() {
        if (peek().is("*")) {
            pos++;
            expect("]");
            return new PathItem.AnyArray();
        }
        subscriptDepth++;
        List<PathItem.Subscript> list = new ArrayList<>();
        while (true) {
            noExists();
            PathItem from = expression(or());
            PathItem to = null;
            if (peek().isKeyword("to")) {
                pos++;
                noExists();
                to = expression(or());
            }
            list.add(new PathItem.Subscript(from, to));
            if (peek().is(",")) {
                pos++;
                continue;
            }
            expect("]");
            break;
        }
        subscriptDepth--;
        return new PathItem.Index(list);
    }

    private Step anyPath() {
        if (!peek().is("{")) {
            return new PathItem.AnyPath(0, PathItem.AnyPath.LAST);
        }
        pos++;
        long first = level();
        long last = first;
        if (peek().isKeyword("to")) {
            pos++;
            last = level();
        }
        expect("}");
        return new PathItem.AnyPath(first, last);
    }

    private long level() {
        Token t = take();
        if (t.isKeyword("last")) {
            return PathItem.AnyPath.LAST;
        }
        if (t.kind() == Kind.NUMBER && t.number().scale() == 0 && t.text().chars().allMatch(Character::isDigit)) {
            BigDecimal v = t.number();
            if (v.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                throw new SqlException("22003", "value \"" + t.text() + "\" is out of range for type integer");
            }
            return v.longValue();
        }
        throw error(t);
    }
}
