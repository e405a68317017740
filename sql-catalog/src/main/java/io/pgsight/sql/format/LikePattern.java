package io.pgsight.sql.format;

import io.pgsight.sql.api.SqlException;

/**
 * A compiled LIKE / ILIKE pattern: '%' matches any run of characters, '_' exactly one character (code point),
 * the escape character (default backslash; none when the ESCAPE string is empty) makes the next one literal.
 * Compile once per pattern and reuse; matching is linear-time with backtracking only to the last '%'.
 */
public final class LikePattern {
    private static final int ANY_ONE = -1;
    private static final int ANY_RUN = -2;

    private final int[] tokens;
    private final boolean caseInsensitive;

    private LikePattern(int[] tokens, boolean caseInsensitive) {
        this.tokens = tokens;
        this.caseInsensitive = caseInsensitive;
    }

    public static LikePattern compile(String pattern, boolean caseInsensitive) {
        return compile(pattern, "\\", caseInsensitive);
    }

    /** escape: null or one character; the empty string disables escaping. */
    public static LikePattern compile(String pattern, String escape, boolean caseInsensitive) {
        int esc;
        if (escape == null) {
            esc = '\\';
        } else if (escape.isEmpty()) {
            esc = -1;
        } else if (escape.codePointCount(0, escape.length()) == 1) {
            esc = escape.codePointAt(0);
        } else {
            throw new SqlException(PgErrors.INVALID_ESCAPE_SEQUENCE, "invalid escape string")
                    .withHint("Escape string must be empty or one character.");
        }
        int[] cps = pattern.codePoints().toArray();
        int[] out = new int[cps.length];
        int n = 0;
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            if (c == esc) {
                if (i + 1 >= cps.length) {
                    throw new SqlException(PgErrors.INVALID_ESCAPE_SEQUENCE,
                            "LIKE pattern must not end with escape character");
                }
                out[n++] = fold(cps[++i], caseInsensitive);
            } else if (c == '%') {
                if (n == 0 || out[n - 1] != ANY_RUN) {
                    out[n++] = ANY_RUN;
                }
            } else if (c == '_') {
                out[n++] = ANY_ONE;
            } else {
                out[n++] = fold(c, caseInsensitive);
            }
        }
        return new LikePattern(java.util.Arrays.copyOf(out, n), caseInsensitive);
    }

    private static int fold(int c, boolean ci) {
        return ci ? Character.toLowerCase(Character.toUpperCase(c)) : c;
    }

    public boolean matches(String s) {
        int[] text = s.codePoints().toArray();
        int t = 0;
        int p = 0;
        int starP = -1;
        int starT = -1;
        while (t < text.length) {
            if (p < tokens.length && tokens[p] != ANY_RUN
                    && (tokens[p] == ANY_ONE || tokens[p] == fold(text[t], caseInsensitive))) {
                t++;
                p++;
            } else if (p < tokens.length && tokens[p] == ANY_RUN) {
                starP = p++;
                starT = t;
            } else if (starP >= 0) {
                p = starP + 1;
                t = ++starT;
            } else {
                return false;
            }
        }
        while (p < tokens.length && tokens[p] == ANY_RUN) {
            p++;
        }
        return p == tokens.length;
    }

    /** One-shot convenience: s LIKE pattern. */
    public static boolean like(String s, String pattern) {
        return compile(pattern, false).matches(s);
    }

    public static boolean ilike(String s, String pattern) {
        return compile(pattern, true).matches(s);
    }
}
