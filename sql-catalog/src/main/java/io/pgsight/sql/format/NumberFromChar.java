package io.pgsight.sql.format;

import io.pgsight.sql.api.SqlException;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * to_number(text, template): reads digits at the template's 9/0 positions, the decimal point at . or D, skips
 * group separators (, G), currency (L), ordinal suffixes (TH) and literal characters, and takes the sign from a
 * '-' anywhere or from &lt;angle brackets&gt; with PR. The result scale is the number of fraction digits read.
 */
public final class NumberFromChar {
    private NumberFromChar() {
    }

    public static PgNumeric toNumber(String text, String format) {
        String f = format.toUpperCase(Locale.ROOT);
        boolean negative = text.indexOf('-') >= 0 || (f.contains("PR") && text.indexOf('<') >= 0);
        String in = text.replace("-", "").replace("<", "").replace(">", "").replace("+", "");
        StringBuilder intDigits = new StringBuilder();
        StringBuilder fracDigits = new StringBuilder();
        boolean point = false;
        int p = 0;
        int i = 0;
        while (i < f.length()) {
            char c = f.charAt(i);
            if (f.startsWith("FM", i) || f.startsWith("PR", i) || f.startsWith("MI", i) || f.startsWith("PL", i)
                    || f.startsWith("SG", i)) {
                i += 2;
                continue;
            }
            if (f.startsWith("TH", i)) {
                while (p < in.length() && Character.isLetter(in.charAt(p))) {
                    p++;
                }
                i += 2;
                continue;
            }
            if (f.startsWith("EEEE", i)) {
                throw new SqlException(PgErrors.FEATURE_NOT_SUPPORTED,
                        "\"EEEE\" not supported for input");
            }
            switch (c) {
                case '9':
                case '0':
                    while (p < in.length() && in.charAt(p) == ' ' && !point && intDigits.length() == 0) {
                        p++;
                    }
                    if (p < in.length() && Character.isDigit(in.charAt(p))) {
                        (point ? fracDigits : intDigits).append(in.charAt(p++));
                    }
                    break;
                case '.':
                case 'D':
                    if (p < in.length() && in.charAt(p) == '.') {
                        p++;
                    }
                    point = true;
                    break;
                case ',':
                case 'G':
                    if (p < in.length() && in.charAt(p) == ',') {
                        p++;
                    }
                    break;
                case 'L':
                    while (p < in.length() && !Character.isDigit(in.charAt(p)) && in.charAt(p) != '.') {
                        p++;
                    }
                    break;
                case 'S':
                case 'V':
                case 'B':
                    break;
                default:
                    if (p < in.length() && !Character.isDigit(in.charAt(p))) {
                        p++;
                    }
            }
            i++;
        }
        if (intDigits.length() == 0 && fracDigits.length() == 0) {
            if (text.isBlank() || !text.chars().anyMatch(Character::isDigit)) {
                throw new SqlException(PgErrors.INVALID_TEXT_REPRESENTATION,
                        "invalid input syntax for type numeric: \" \"");
            }
            return PgNumeric.ZERO;
        }
        String digits = (intDigits.length() == 0 ? "0" : intDigits.toString())
                + (fracDigits.length() > 0 ? "." + fracDigits : "");
        BigDecimal v = new BigDecimal(digits);
        return PgNumeric.of(negative ? v.negate() : v);
    }
}
