package io.pgsight.sql.parser;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.ast.Expr;
import io.pgsight.sql.ast.TypeName;

import java.util.ArrayList;
import java.util.List;

/** Type names as PostgreSQL's grammar reads them (Typename, SimpleTypename, ConstTypename). */
final class TypeNames {
    private TypeNames() {
    }

    /** Typename: {@code [SETOF] SimpleTypename [ [] | [n] ]* | SimpleTypename ARRAY [ [n] ]}. */
    static TypeName parse(ExpressionParser p) {
        boolean setof = p.acceptWord("setof");
        TypeName base = standard(p, false);
        if (base == null) {
            base = generic(p);
        }
        List<Integer> bounds = new ArrayList<>();
        if (p.atWord("array")) {
            p.next();
            if (p.at(TokenKind.LBRACKET)) {
                p.next();
                bounds.add(p.integerConstant());
                p.expect(TokenKind.RBRACKET);
            } else {
                bounds.add(-1);
            }
        } else {
            while (p.at(TokenKind.LBRACKET)) {
                p.next();
                if (p.accept(TokenKind.RBRACKET)) {
                    bounds.add(-1);
                } else {
                    bounds.add(p.integerConstant());
                    p.expect(TokenKind.RBRACKET);
                }
            }
        }
        TypeName t = bounds.isEmpty() ? base : base.withArrayBounds(bounds);
        return setof ? t.withSetof(true) : t;
    }

    /** A SQL-standard type for a typed literal ({@code ConstTypename}), or null when none starts here. */
    static TypeName parseSimple(ExpressionParser p) {
        return standard(p, true);
    }

    /** GenericType: {@code type_function_name [.attr]* [%TYPE] [(typmods)]}. */
    private static TypeName generic(ExpressionParser p) {
        Token first = p.peek();
        if (!Keywords.isTypeFunctionName(first)) {
            throw p.syntaxError();
        }
        p.next();
        List<String> names = new ArrayList<>();
        names.add(first.value());
        while (p.at(TokenKind.DOT)) {
            p.next();
            Token n = p.peek();
            if (!Keywords.isColLabel(n)) {
                throw p.syntaxError();
            }
            p.next();
            names.add(n.value());
        }
        if (p.atOp("%") && p.atWord(1, "type")) {
            p.next();
            p.next();
            return new TypeName(names, List.of(), List.of(), false, true, p.loc(first));
        }
        List<Expr> typmods = List.of();
        if (p.at(TokenKind.LPAREN)) {
            p.next();
            typmods = p.exprList();
            p.expect(TokenKind.RPAREN);
        }
        return new TypeName(names, typmods, List.of(), false, false, p.loc(first));
    }

    /**
     * The SQL-standard spellings, mapped to PostgreSQL's internal names. {@code constant} selects ConstTypename
     * behaviour, where {@code bit} and {@code char} without a length stay unconstrained.
     */
    private static TypeName standard(ExpressionParser p, boolean constant) {
        Token t = p.peek();
        if (t.kind() != TokenKind.IDENT) {
            return null;
        }
        int at = p.loc(t);
        switch (t.value()) {
            case "int", "integer":
                p.next();
                return system("int4", List.of(), at);
            case "smallint":
                p.next();
                return system("int2", List.of(), at);
            case "bigint":
                p.next();
                return system("int8", List.of(), at);
            case "real":
                p.next();
                return system("float4", List.of(), at);
            case "float": {
                p.next();
                if (p.at(TokenKind.LPAREN)) {
                    p.next();
                    Token n = p.peek();
                    int bits = p.integerConstant();
                    p.expect(TokenKind.RPAREN);
                    if (bits < 1) {
                        throw new SqlException("ERROR", "22023", "precision for type float must be at least 1 bit",
                                null, null, p.loc(n), null);
                    }
                    if (bits > 53) {
                        throw new SqlException("ERROR", "22023",
                                "precision for type float must be less than 54 bits", null, null, p.loc(n), null);
                    }
                    return system(bits <= 24 ? "float4" : "float8", List.of(), at);
                }
                return system("float8", List.of(), at);
            }
            case "double":
                if (p.atWord(1, "precision")) {
                    p.next();
                    p.next();
                    return system("float8", List.of(), at);
                }
                return null;
            case "decimal", "dec", "numeric":
                p.next();
                return system("numeric", typmods(p), at);
            case "boolean":
                p.next();
                return system("bool", List.of(), at);
            case "bit": {
                p.next();
                boolean varying = p.acceptWord("varying");
                List<Expr> mods = typmods(p);
                if (mods.isEmpty() && !varying && !constant) {
                    mods = List.of(new Expr.NumberLiteral("1", at));
                }
                return system(varying ? "varbit" : "bit", mods, at);
            }
            case "character", "char", "varchar", "national", "nchar":
                return character(p, constant, at);
            case "timestamp", "time": {
                p.next();
                boolean ts = t.value().equals("timestamp");
                List<Expr> mods = List.of();
                if (p.at(TokenKind.LPAREN)) {
                    p.next();
                    Token n = p.peek();
                    int precision = p.integerConstant();
                    p.expect(TokenKind.RPAREN);
                    mods = List.of(new Expr.NumberLiteral(String.valueOf(precision), p.loc(n)));
                }
                boolean withZone = false;
                // WITH/WITHOUT followed by TIME commit to "... TIME ZONE" (PostgreSQL's WITH_LA lookahead token)
                if (p.atWord("with") && p.atWord(1, "time")) {
                    p.next();
                    p.next();
                    p.expectWord("zone");
                    withZone = true;
                } else if (p.atWord("without") && p.atWord(1, "time")) {
                    p.next();
                    p.next();
                    p.expectWord("zone");
                }
                String name = ts ? (withZone ? "timestamptz" : "timestamp") : (withZone ? "timetz" : "time");
                return system(name, mods, at);
            }
            case "interval": {
                p.next();
                if (p.at(TokenKind.LPAREN)) {
                    p.next();
                    Token n = p.peek();
                    int precision = p.integerConstant();
                    p.expect(TokenKind.RPAREN);
                    return system("interval", List.of(new Expr.NumberLiteral(String.valueOf(IntervalFields.FULL_RANGE),
                            p.loc(n)), new Expr.NumberLiteral(String.valueOf(precision), p.loc(n))), at);
                }
                return system("interval", IntervalFields.parse(p), at);
            }
            default:
                return null;
        }
    }

    private static TypeName character(ExpressionParser p, boolean constant, int at) {
        Token t = p.next();
        boolean varying;
        switch (t.value()) {
            case "varchar":
                varying = true;
                break;
            case "national":
                if (!(p.acceptWord("character") || p.acceptWord("char"))) {
                    throw p.syntaxError();
                }
                varying = p.acceptWord("varying");
                break;
            default:
                varying = p.acceptWord("varying");
                break;
        }
        List<Expr> mods = typmods(p);
        if (mods.isEmpty() && !varying && !constant) {
            mods = List.of(new Expr.NumberLiteral("1", at));
        }
        return system(varying ? "varchar" : "bpchar", mods, at);
    }

    private static List<Expr> typmods(ExpressionParser p) {
        if (!p.at(TokenKind.LPAREN)) {
            return List.of();
        }
        p.next();
        List<Expr> mods = p.exprList();
        p.expect(TokenKind.RPAREN);
        return mods;
    }

    private static TypeName system(String name, List<Expr> typmods, int at) {
        return new TypeName(List.of("pg_catalog", name), typmods, List.of(), false, false, at);
    }
}
