package io.pgsight.ext.pase;

import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's SplitGUCList: items separated by a character, surrounding whitespace ignored, an
 * unquoted item ends at whitespace, double-quoted items may contain anything ("" is a quote), and
 * an empty item is an error. pase splits its text input with it.
 */
final class GucList {
    private GucList() {
    }

    /** The items, or null when the text is malformed. An empty (or all-blank) text gives no items. */
    static List<String> split(String text, char separator) {
        List<String> items = new ArrayList<>();
        int n = text.length();
        int i = skipSpace(text, 0);
        if (i >= n) {
            return items;
        }
        while (true) {
            StringBuilder item = new StringBuilder();
            if (text.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        return null;
                    }
                    char c = text.charAt(i);
                    if (c == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            item.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    item.append(c);
                    i++;
                }
            } else {
                int start = i;
                while (i < n && text.charAt(i) != separator && !isSpace(text.charAt(i))) {
                    i++;
                }
                if (i == start) {
                    return null;
                }
                item.append(text, start, i);
            }
            i = skipSpace(text, i);
            items.add(item.toString());
            if (i >= n) {
                return items;
            }
            if (text.charAt(i) != separator) {
                return null;
            }
            i = skipSpace(text, i + 1);
            if (i >= n) {
                return null; // a trailing separator leaves an empty item
            }
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f';
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** C's atoi: leading blanks, optional sign, digits; stops at anything else; overflow wraps like int. */
    static int atoi(String s) {
        int i = skipSpace(s, 0);
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        long v = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            v = v * 10 + (s.charAt(i) - '0');
            if (v > (1L << 40)) {
                break;
            }
            i++;
        }
        return (int) (negative ? -v : v);
    }
}
