package io.pgsight.sql.parser;

import io.pgsight.sql.ast.Expr;

import java.util.ArrayList;
import java.util.List;

/**
 * INTERVAL field qualifiers ({@code YEAR}, {@code DAY TO SECOND(3)}, ...) encoded as PostgreSQL's interval typmod
 * list: a field mask built from its datetime field bits, then the optional seconds precision.
 */
final class IntervalFields {
    private IntervalFields() {
    }

    static final int MONTH = 1 << 1;
    static final int YEAR = 1 << 2;
    static final int DAY = 1 << 3;
    static final int HOUR = 1 << 10;
    static final int MINUTE = 1 << 11;
    static final int SECOND = 1 << 12;
    /** INTERVAL_FULL_RANGE. */
    static final int FULL_RANGE = 0x7FFF;

    /** Parses an optional field qualifier; returns the typmod expressions (empty when none). */
    static List<Expr> parse(ParserBase p) {
        Token t = p.peek();
        int at = p.loc(t);
        if (p.acceptWord("year")) {
            if (p.acceptWord("to")) {
                p.expectWord("month");
                return mask(YEAR | MONTH, at);
            }
            return mask(YEAR, at);
        }
        if (p.acceptWord("month")) {
            return mask(MONTH, at);
        }
        if (p.acceptWord("day")) {
            if (p.acceptWord("to")) {
                if (p.acceptWord("hour")) {
                    return mask(DAY | HOUR, at);
                }
                if (p.acceptWord("minute")) {
                    return mask(DAY | HOUR | MINUTE, at);
                }
                return second(p, DAY | HOUR | MINUTE | SECOND, at);
            }
            return mask(DAY, at);
        }
        if (p.acceptWord("hour")) {
            if (p.acceptWord("to")) {
                if (p.acceptWord("minute")) {
                    return mask(HOUR | MINUTE, at);
                }
                return second(p, HOUR | MINUTE | SECOND, at);
            }
            return mask(HOUR, at);
        }
        if (p.acceptWord("minute")) {
            if (p.acceptWord("to")) {
                return second(p, MINUTE | SECOND, at);
            }
            return mask(MINUTE, at);
        }
        if (p.atWord("second")) {
            return second(p, SECOND, at);
        }
        return List.of();
    }

    private static List<Expr> second(ParserBase p, int mask, int at) {
        p.expectWord("second");
        if (p.at(TokenKind.LPAREN)) {
            p.next();
            Token n = p.peek();
            int precision = p.integerConstant();
            p.expect(TokenKind.RPAREN);
            List<Expr> out = new ArrayList<>(mask(mask, at));
            out.add(new Expr.NumberLiteral(String.valueOf(precision), p.loc(n)));
            return out;
        }
        return mask(mask, at);
    }

    private static List<Expr> mask(int mask, int at) {
        return List.of(new Expr.NumberLiteral(String.valueOf(mask), at));
    }
}
