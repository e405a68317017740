package io.pgsight.sql.parser;

/**
 * PostgreSQL 15's operator precedence (gram.y), lowest to highest. Levels marked non-associative reject a second
 * operator of the same level without parentheses ({@code a < b < c} is a syntax error).
 */
final class Precedence {
    private Precedence() {
    }

    static final int OR = 1;
    static final int AND = 2;
    /** Prefix NOT (right-associative). */
    static final int NOT = 3;
    /** IS, ISNULL, NOTNULL (non-associative). */
    static final int IS = 4;
    /** {@code < > = <= >= <>} (non-associative). */
    static final int COMPARISON = 5;
    /** BETWEEN, IN, LIKE, ILIKE, SIMILAR and their NOT forms (non-associative). */
    static final int IN = 6;
    /** ESCAPE of LIKE/SIMILAR; binds tighter than LIKE so the pattern stops before it. */
    static final int ESCAPE = 7;
    /** Any other operator, including OPERATOR(schema.op), prefix or infix (left-associative). */
    static final int OTHER_OP = 8;
    /** {@code + -}. */
    static final int ADD = 9;
    /** {@code * / %}. */
    static final int MUL = 10;
    /** {@code ^}. */
    static final int EXP = 11;
    /** AT TIME ZONE. */
    static final int AT = 12;
    /** COLLATE. */
    static final int COLLATE = 13;
    /** Unary minus and plus. */
    static final int UNARY = 14;
    /** {@code ::}. */
    static final int TYPECAST = 17;

    static boolean isNonAssociative(int level) {
        return level == IS || level == COMPARISON || level == IN;
    }

    /** The level of an infix operator symbol. */
    static int ofOperator(String symbol) {
        switch (symbol) {
            case "<", ">", "=", "<=", ">=", "<>":
                return COMPARISON;
            case "+", "-":
                return ADD;
            case "*", "/", "%":
                return MUL;
            case "^":
                return EXP;
            default:
                return OTHER_OP;
        }
    }

    /**
     * True for PostgreSQL's generic operator token (Op): operator characters, but not the one-character tokens
     * {@code + - * / % ^ < > =} nor {@code <= >= <> =>}, which the grammar only accepts in their own rules
     * (so they cannot be prefix operators).
     */
    static boolean isGenericOperator(String symbol) {
        switch (symbol) {
            case "+", "-", "*", "/", "%", "^", "<", ">", "=", "<=", ">=", "<>", "=>":
                return false;
            default:
                return isOperatorSymbol(symbol);
        }
    }

    /** True when the token text is made only of operator characters (and so can be an operator). */
    static boolean isOperatorSymbol(String symbol) {
        if (symbol.isEmpty()) {
            return false;
        }
        for (int i = 0; i < symbol.length(); i++) {
            if (!Lexer.isOpChar(symbol.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
