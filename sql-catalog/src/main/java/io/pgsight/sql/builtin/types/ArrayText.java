package io.pgsight.sql.builtin.types;

import io.pgsight.sql.api.SqlException;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses array literals ({@code {1,2}}, {@code {{a,"b c"},{NULL,d}}}, {@code [0:1]={x,y}}) into
 * dimensions, lower bounds and element strings (null for NULL), with array_in's error messages.
 */
final class ArrayText {
    record Parsed(int[] dims, int[] lowerBounds, String[] elements) {
    }

    private final String text;
    private int pos;
    private final List<String> elements = new ArrayList<>();
    private final int[] dimAt = {-1, -1, -1, -1, -1, -1};
    private int leafLevel = -1;

    private ArrayText(String text) {
        this.text = text;
    }

    static SqlException malformed(String text, String detail) {
        return new SqlException("22P02", "malformed array literal: \"" + text + "\"").withDetail(detail);
    }

    static Parsed parse(String text) {
        return new ArrayText(text).run();
    }

    private Parsed run() {
        skipSpace();
        List<int[]> bounds = new ArrayList<>();
        while (pos < text.length() && text.charAt(pos) == '[') {
            int close = text.indexOf(']', pos);
            if (close < 0) {
                throw malformed(text, "Missing \"]\" after array dimensions.");
            }
            String inner = text.substring(pos + 1, close).strip();
            int colon = inner.indexOf(':');
            try {
                int lo = colon < 0 ? 1 : Integer.parseInt(inner.substring(0, colon).strip());
                int hi = Integer.parseInt((colon < 0 ? inner : inner.substring(colon + 1)).strip());
                if (hi < lo - 1) {
                    throw new SqlException("2202E", "upper bound cannot be less than lower bound");
                }
                bounds.add(new int[] {lo, hi});
            } catch (NumberFormatException e) {
                throw malformed(text, "\"[\" must introduce explicitly-specified array dimensions.");
            }
            pos = close + 1;
            skipSpace();
        }
        if (!bounds.isEmpty()) {
            if (pos >= text.length() || text.charAt(pos) != '=') {
                throw malformed(text, "Missing \"=\" after array dimensions.");
            }
            pos++;
            skipSpace();
        }
        if (pos >= text.length() || text.charAt(pos) != '{') {
            if (bounds.isEmpty()) {
                throw malformed(text, "Array value must start with \"{\" or dimension information.");
            }
            throw malformed(text, "Array contents must start with \"{\".");
        }
        readLevel(0);
        skipSpace();
        if (pos != text.length()) {
            throw malformed(text, "Junk after closing right brace.");
        }
        int n = leafLevel + 1;
        if (n == 1 && dimAt[0] == 0) {
            if (!bounds.isEmpty() && !(bounds.size() == 1 && bounds.get(0)[1] - bounds.get(0)[0] + 1 == 0)) {
                throw malformed(text, "Specified array dimensions do not match array contents.");
            }
            return new Parsed(new int[0], new int[0], new String[0]);
        }
        int[] d = new int[n];
        int[] lb = new int[n];
        for (int i = 0; i < n; i++) {
            d[i] = dimAt[i];
            lb[i] = 1;
        }
        if (!bounds.isEmpty()) {
            if (bounds.size() != n) {
                throw malformed(text, "Specified array dimensions do not match array contents.");
            }
            for (int i = 0; i < n; i++) {
                if (bounds.get(i)[1] - bounds.get(i)[0] + 1 != d[i]) {
                    throw malformed(text, "Specified array dimensions do not match array contents.");
                }
                lb[i] = bounds.get(i)[0];
            }
        }
        return new Parsed(d, lb, elements.toArray(new String[0]));
    }

    private void skipSpace() {
        while (pos < text.length() && isSpace(text.charAt(pos))) {
            pos++;
        }
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f';
    }

    /** Reads one {...} at nesting {@code level}; records or checks that level's length. */
    private void readLevel(int level) {
        if (level >= 6) {
            throw new SqlException("54000", "number of array dimensions (7) exceeds the maximum allowed (6)");
        }
        pos++; // '{'
        skipSpace();
        int count = 0;
        boolean nested = false;
        if (pos < text.length() && text.charAt(pos) == '}') {
            pos++;
            recordDim(level, 0, false);
            return;
        }
        while (true) {
            skipSpace();
            if (pos >= text.length()) {
                throw malformed(text, "Unexpected end of input.");
            }
            char c = text.charAt(pos);
            if (c == '{') {
                if (count > 0 && !nested) {
                    throw malformed(text, "Unexpected \"{\" character.");
                }
                nested = true;
                readLevel(level + 1);
            } else {
                if (nested) {
                    throw malformed(text, "Unexpected array element.");
                }
                if (c == '}' || c == ',') {
                    throw malformed(text, "Unexpected \"" + c + "\" character.");
                }
                readElement();
            }
            count++;
            skipSpace();
            if (pos >= text.length()) {
                throw malformed(text, "Unexpected end of input.");
            }
            c = text.charAt(pos);
            if (c == ',') {
                pos++;
            } else if (c == '}') {
                pos++;
                break;
            } else {
                throw malformed(text, "Unexpected \"" + c + "\" character.");
            }
        }
        recordDim(level, count, nested);
    }

    private void recordDim(int level, int count, boolean nested) {
        if (dimAt[level] == -1) {
            dimAt[level] = count;
        } else if (dimAt[level] != count) {
            throw malformed(text, "Multidimensional arrays must have sub-arrays with matching dimensions.");
        }
        if (!nested) {
            if (leafLevel == -1) {
                leafLevel = level;
            } else if (leafLevel != level) {
                throw malformed(text, "Multidimensional arrays must have sub-arrays with matching dimensions.");
            }
        }
    }

    private void readElement() {
        StringBuilder sb = new StringBuilder();
        boolean quotedAny = false;
        int lastSignificant = 0; // length of sb up to the last quoted or escaped char
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"') {
                quotedAny = true;
                pos++;
                while (true) {
                    if (pos >= text.length()) {
                        throw malformed(text, "Unexpected end of input.");
                    }
                    char q = text.charAt(pos++);
                    if (q == '"') {
                        break;
                    }
                    if (q == '\\') {
                        if (pos >= text.length()) {
                            throw malformed(text, "Unexpected end of input.");
                        }
                        q = text.charAt(pos++);
                    }
                    sb.append(q);
                }
                lastSignificant = sb.length();
            } else if (c == '\\') {
                if (pos + 1 >= text.length()) {
                    throw malformed(text, "Unexpected end of input.");
                }
                sb.append(text.charAt(pos + 1));
                pos += 2;
                lastSignificant = sb.length();
                quotedAny = true;
            } else if (c == ',' || c == '}') {
                break;
            } else if (c == '{') {
                throw malformed(text, "Unexpected \"{\" character.");
            } else {
                sb.append(c);
                pos++;
                if (!isSpace(c)) {
                    lastSignificant = sb.length();
                }
            }
        }
        String value = sb.substring(0, Math.max(lastSignificant, 0));
        if (!quotedAny && value.equalsIgnoreCase("NULL")) {
            elements.add(null);
        } else {
            elements.add(value);
        }
    }
}
