package io.pgsight.sql.builtin.datetime;

import io.pgsight.sql.api.SqlException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * to_char templates (formatting.c): date/time patterns (YYYY, MM, DD, HH24, MI, SS, MS, US, Mon, Month,
 * Dy, Day, AM, TZ, Q, WW, IW, J ... with the FM prefix, TH suffix, quoted text) and numeric patterns
 * (9, 0, ., D, ",", G, S, MI, PL, SG, PR, FM).
 */
public final class ToChar {
    private static final String[] DT_PATTERNS = {"A.M.", "a.m.", "P.M.", "p.m.", "B.C.", "b.c.", "A.D.", "a.d.",
            "HH24", "HH12", "HH", "MI", "SSSSS", "SSSS", "SS", "MS", "US", "AM", "am", "PM", "pm", "BC", "bc", "AD", "ad",
            "Y,YYY", "YYYY", "yyyy", "YYY", "YY", "Y", "IYYY", "IYY", "IY", "I", "MONTH", "Month", "month", "MON", "Mon",
            "mon", "MM", "DAY", "Day", "day", "DY", "Dy", "dy", "DDD", "DD", "D", "ID", "IDDD", "W", "WW", "IW", "CC",
            "J", "Q", "TZ", "tz", "OF", "FF1", "FF2", "FF3", "FF4", "FF5", "FF6"};

    private ToChar() {
    }

    /** to_char(timestamp, text); {@code offsetSeconds}/{@code zoneAbbrev} describe the zone (timestamptz). */
    public static String format(LocalDateTime t, String template, Integer offsetSeconds, String zoneAbbrev) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '"') {
                int end = i + 1;
                while (end < template.length() && template.charAt(end) != '"') {
                    if (template.charAt(end) == '\\' && end + 1 < template.length()) {
                        end++;
                    }
                    out.append(template.charAt(end));
                    end++;
                }
                i = end + 1;
                continue;
            }
            if (c == '\\' && i + 1 < template.length()) {
                out.append(template.charAt(i + 1));
                i += 2;
                continue;
            }
            boolean fm = false;
            if (template.startsWith("FM", i) || template.startsWith("fm", i)) {
                fm = true;
                i += 2;
            }
            String pattern = null;
            for (String p : DT_PATTERNS) {
                if (template.startsWith(p, i)) {
                    pattern = p;
                    break;
                }
            }
            if (pattern == null) {
                if (!fm) {
                    out.append(c);
                    i++;
                }
                continue;
            }
            i += pattern.length();
            String suffix = null;
            if (template.startsWith("TH", i) || template.startsWith("th", i)) {
                suffix = template.substring(i, i + 2);
                i += 2;
            }
            String value = field(t, pattern, fm, offsetSeconds, zoneAbbrev);
            out.append(value);
            if (suffix != null) {
                out.append(ordinal(value, suffix.equals("TH")));
            }
        }
        return out.toString();
    }

    private static String pad(long v, int width, boolean fm) {
        String s = Long.toString(Math.abs(v));
        if (!fm) {
            while (s.length() < width) {
                s = "0" + s;
            }
        }
        return v < 0 ? "-" + s : s;
    }

    private static String word(String s, String pattern, boolean fm, int width) {
        String cased = Character.isUpperCase(pattern.charAt(1)) ? s.toUpperCase(Locale.ROOT)
                : Character.isUpperCase(pattern.charAt(0)) ? s : s.toLowerCase(Locale.ROOT);
        if (fm || width == 0) {
            return cased;
        }
        return String.format("%-" + width + "s", cased);
    }

    private static String field(LocalDateTime t, String p, boolean fm, Integer offset, String abbrev) {
        int year = t.getYear() <= 0 ? 1 - t.getYear() : t.getYear();
        int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
        boolean pm = t.getHour() >= 12;
        switch (p) {
            case "HH24":
                return pad(t.getHour(), 2, fm);
            case "HH12", "HH":
                return pad(hour12, 2, fm);
            case "MI":
                return pad(t.getMinute(), 2, fm);
            case "SS":
                return pad(t.getSecond(), 2, fm);
            case "SSSS", "SSSSS":
                return Integer.toString(t.toLocalTime().toSecondOfDay());
            case "MS":
                return pad(t.getNano() / 1_000_000, 3, fm);
            case "US":
                return pad(t.getNano() / 1000, 6, fm);
            case "FF1", "FF2", "FF3", "FF4", "FF5", "FF6": {
                int digits = p.charAt(2) - '0';
                return String.format("%06d", t.getNano() / 1000).substring(0, digits);
            }
            case "AM", "PM":
                return pm ? "PM" : "AM";
            case "am", "pm":
                return pm ? "pm" : "am";
            case "A.M.", "P.M.":
                return pm ? "P.M." : "A.M.";
            case "a.m.", "p.m.":
                return pm ? "p.m." : "a.m.";
            case "BC", "AD":
                return t.getYear() <= 0 ? "BC" : "AD";
            case "bc", "ad":
                return t.getYear() <= 0 ? "bc" : "ad";
            case "B.C.", "A.D.":
                return t.getYear() <= 0 ? "B.C." : "A.D.";
            case "b.c.", "a.d.":
                return t.getYear() <= 0 ? "b.c." : "a.d.";
            case "Y,YYY":
                return String.format("%d,%03d", year / 1000, year % 1000);
            case "YYYY", "yyyy":
                return pad(year, 4, fm);
            case "YYY":
                return pad(year % 1000, 3, fm);
            case "YY":
                return pad(year % 100, 2, fm);
            case "Y":
                return Integer.toString(year % 10);
            case "IYYY":
                return pad(t.get(IsoFields.WEEK_BASED_YEAR), 4, fm);
            case "IYY":
                return pad(t.get(IsoFields.WEEK_BASED_YEAR) % 1000, 3, fm);
            case "IY":
                return pad(t.get(IsoFields.WEEK_BASED_YEAR) % 100, 2, fm);
            case "I":
                return Integer.toString(t.get(IsoFields.WEEK_BASED_YEAR) % 10);
            case "MONTH", "Month", "month":
                return word(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH), p, fm, 9);
            case "MON", "Mon", "mon":
                return word(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH), p, fm, 0);
            case "MM":
                return pad(t.getMonthValue(), 2, fm);
            case "DAY", "Day", "day":
                return word(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH), p, fm, 9);
            case "DY", "Dy", "dy":
                return word(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH), p, fm, 0);
            case "DDD":
                return pad(t.getDayOfYear(), 3, fm);
            case "IDDD":
                return pad((t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) - 1) * 7 + t.getDayOfWeek().getValue(), 3, fm);
            case "DD":
                return pad(t.getDayOfMonth(), 2, fm);
            case "D":
                return Integer.toString(t.getDayOfWeek() == DayOfWeek.SUNDAY ? 1 : t.getDayOfWeek().getValue() + 1);
            case "ID":
                return Integer.toString(t.getDayOfWeek().getValue());
            case "W":
                return Integer.toString((t.getDayOfMonth() - 1) / 7 + 1);
            case "WW":
                return pad((t.getDayOfYear() - 1) / 7 + 1, 2, fm);
            case "IW":
                return pad(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2, fm);
            case "CC": {
                int cc = t.getYear() > 0 ? (t.getYear() + 99) / 100 : -((99 - (t.getYear() - 1)) / 100);
                return pad(cc, 2, fm);
            }
            case "J":
                return Long.toString(t.getLong(ChronoField.EPOCH_DAY) + 2440588);
            case "Q":
                return Integer.toString((t.getMonthValue() + 2) / 3);
            case "TZ":
                return abbrev == null ? "" : abbrev.toUpperCase(Locale.ROOT);
            case "tz":
                return abbrev == null ? "" : abbrev.toLowerCase(Locale.ROOT);
            case "OF": {
                int o = offset == null ? 0 : offset;
                String s = (o < 0 ? "-" : "+") + pad(Math.abs(o) / 3600, 2, false);
                if (Math.abs(o) % 3600 != 0) {
                    s += ":" + pad(Math.abs(o) / 60 % 60, 2, false);
                }
                return s;
            }
            default:
                throw new SqlException("0A000", "formatting field \"" + p + "\" is not supported");
        }
    }

    private static String ordinal(String number, boolean upper) {
        String digits = number.strip();
        if (digits.isEmpty() || !Character.isDigit(digits.charAt(digits.length() - 1))) {
            return "";
        }
        int last = digits.charAt(digits.length() - 1) - '0';
        int lastTwo = digits.length() > 1 ? Integer.parseInt(digits.substring(digits.length() - 2)) : last;
        String s = (lastTwo >= 11 && lastTwo <= 13) ? "th" : last == 1 ? "st" : last == 2 ? "nd" : last == 3 ? "rd" : "th";
        return upper ? s.toUpperCase(Locale.ROOT) : s;
    }

    /** to_char(numeric, text) for digit templates. */
    public static String formatNumber(BigDecimal value, String template) {
        boolean fm = false;
        int intDigits = 0;
        int fracDigits = 0;
        boolean point = false;
        boolean zeroLead = false;
        String t = template;
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < t.length(); i++) {
            if (t.startsWith("FM", i) || t.startsWith("fm", i)) {
                fm = true;
                i++;
                continue;
            }
            body.append(t.charAt(i));
        }
        String f = body.toString();
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c == '9' || c == '0') {
                if (point) {
                    fracDigits++;
                } else {
                    intDigits++;
                    zeroLead |= c == '0' && intDigits == 1;
                }
            } else if (c == '.' || c == 'D' || c == 'd') {
                point = true;
            }
        }
        BigDecimal rounded = value.abs().setScale(fracDigits, RoundingMode.HALF_UP);
        String plain = rounded.toPlainString();
        String intPart = plain.contains(".") ? plain.substring(0, plain.indexOf('.')) : plain;
        String fracPart = plain.contains(".") ? plain.substring(plain.indexOf('.') + 1) : "";
        if (intPart.equals("0")) {
            intPart = "";
        }
        boolean overflow = intPart.length() > intDigits;
        boolean negative = value.signum() < 0 && rounded.signum() != 0;
        boolean explicitSign = f.contains("S") || f.contains("MI") || f.contains("PL") || f.contains("SG")
                || f.contains("PR");
        StringBuilder out = new StringBuilder();
        int slot = 0;
        int fracSlot = 0;
        boolean started = false;
        boolean inFraction = false;
        int lastSignificant = -1; // in FM mode, trailing 9-slot zeros of the fraction are dropped
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c == '9' || c == '0') {
                if (!inFraction) {
                    int digitIndex = slot - (intDigits - intPart.length());
                    slot++;
                    if (overflow) {
                        out.append('#');
                        continue;
                    }
                    if (digitIndex >= 0) {
                        if (!started) {
                            appendSign(out, negative, explicitSign, fm);
                            started = true;
                        }
                        out.append(intPart.charAt(digitIndex));
                    } else if (c == '0' || started || (slot == intDigits && !point && intPart.isEmpty())) {
                        if (!started) {
                            appendSign(out, negative, explicitSign, fm);
                            started = true;
                        }
                        out.append('0');
                    } else if (!fm) {
                        out.append(' ');
                    }
                } else {
                    if (overflow) {
                        out.append('#');
                        continue;
                    }
                    char d = fracPart.charAt(fracSlot++);
                    out.append(d);
                    if (c == '0' || d != '0') {
                        lastSignificant = out.length();
                    }
                }
            } else if (c == '.' || c == 'D' || c == 'd') {
                if (!started && !overflow) {
                    appendSign(out, negative, explicitSign, fm);
                    started = true;
                }
                out.append(overflow ? '#' : '.');
                inFraction = true;
                lastSignificant = out.length();
            } else if (c == ',' || c == 'G' || c == 'g') {
                if (started || overflow) {
                    out.append(',');
                } else if (!fm) {
                    out.append(' ');
                }
            } else if (c == 'S') {
                out.append(negative ? '-' : '+');
            } else if (f.startsWith("MI", i)) {
                out.append(negative ? "-" : (fm ? "" : " "));
                i++;
            } else if (f.startsWith("PL", i)) {
                out.append(negative ? "" : "+");
                i++;
            } else if (f.startsWith("SG", i)) {
                out.append(negative ? '-' : '+');
                i++;
            } else if (f.startsWith("PR", i)) {
                if (negative) {
                    out.insert(0, '<').append('>');
                } else if (!fm) {
                    out.insert(0, ' ').append(' ');
                }
                i++;
            } else {
                out.append(c);
            }
        }
        if (!started && !overflow) {
            appendSign(out, negative, explicitSign, fm);
        }
        if (fm && inFraction && lastSignificant >= 0 && lastSignificant < out.length()) {
            String tail = out.substring(lastSignificant);
            if (tail.chars().allMatch(ch -> ch == '0')) {
                out.setLength(lastSignificant);
            }
        }
        return out.toString();
    }

    private static void appendSign(StringBuilder out, boolean negative, boolean explicit, boolean fm) {
        if (explicit) {
            return;
        }
        if (negative) {
            out.append('-');
        } else if (!fm) {
            out.append(' ');
        }
    }
}
