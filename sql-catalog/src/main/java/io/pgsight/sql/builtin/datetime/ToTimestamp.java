package io.pgsight.sql.builtin.datetime;

import io.pgsight.sql.api.SqlException;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;

/**
 * to_timestamp(text, template) and to_date(text, template) for the common numeric and name fields
 * (YYYY YY MM DD DDD HH24 HH12 HH MI SS MS US Mon Month Dy Day AM PM, FM, quoted text); separators in
 * the template skip any non-alphanumeric characters of the input.
 */
public final class ToTimestamp {
    private static final String[] MONTHS = {"january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december"};
    private static final String[] DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

    private ToTimestamp() {
    }

    private static final class Fields {
        int year = 1;
        int month = 1;
        int day = 1;
        int dayOfYear = -1;
        int hour;
        int minute;
        int second;
        long micros;
        Boolean pm;
        boolean bc;
    }

    public static LocalDateTime parse(String input, String template) {
        Fields f = new Fields();
        int[] pos = {0};
        int i = 0;
        while (i < template.length()) {
            if (template.startsWith("FM", i) || template.startsWith("fm", i)) {
                i += 2;
                continue;
            }
            char c = template.charAt(i);
            if (c == '"') {
                int end = template.indexOf('"', i + 1);
                end = end < 0 ? template.length() : end;
                pos[0] = Math.min(input.length(), pos[0] + (end - i - 1));
                i = end + 1;
                continue;
            }
            String p = match(template, i);
            if (p == null) {
                if (!Character.isLetterOrDigit(c)) {
                    while (pos[0] < input.length() && !Character.isLetterOrDigit(input.charAt(pos[0]))) {
                        pos[0]++;
                    }
                } else if (pos[0] < input.length()) {
                    pos[0]++;
                }
                i++;
                continue;
            }
            i += p.length();
            skipSpaces(input, pos);
            switch (p.toUpperCase(Locale.ROOT)) {
                case "YYYY" -> f.year = number(input, pos, 4, template, p, true);
                case "YYY" -> f.year = 1000 + number(input, pos, 3, template, p, false);
                case "YY" -> {
                    int y = number(input, pos, 2, template, p, false);
                    f.year = y < 70 ? 2000 + y : 1900 + y;
                }
                case "MM" -> f.month = number(input, pos, 2, template, p, false);
                case "DDD" -> f.dayOfYear = number(input, pos, 3, template, p, false);
                case "DD" -> f.day = number(input, pos, 2, template, p, false);
                case "HH24" -> f.hour = number(input, pos, 2, template, p, false);
                case "HH12", "HH" -> f.hour = number(input, pos, 2, template, p, false);
                case "MI" -> f.minute = number(input, pos, 2, template, p, false);
                case "SS" -> f.second = number(input, pos, 2, template, p, false);
                case "MS" -> f.micros += number(input, pos, 3, template, p, false) * 1000L;
                case "US" -> f.micros += number(input, pos, 6, template, p, false);
                case "MONTH", "MON" -> f.month = name(input, pos, MONTHS, p.length() == 3) + 1;
                case "DAY", "DY" -> name(input, pos, DAYS, p.length() == 2);
                case "AM", "PM" -> f.pm = word(input, pos, 2).equalsIgnoreCase("PM");
                case "A.M.", "P.M." -> f.pm = word(input, pos, 4).equalsIgnoreCase("P.M.");
                case "BC", "AD" -> f.bc = word(input, pos, 2).equalsIgnoreCase("BC");
                default -> throw new SqlException("0A000", "formatting field \"" + p + "\" is only supported in to_char");
            }
        }
        if (f.pm != null) {
            if (f.hour < 1 || f.hour > 12) {
                throw new SqlException("22008", "hour \"" + f.hour + "\" is invalid for the 12-hour clock")
                        .withHint("Use the 24-hour clock, or give an hour between 1 and 12.");
            }
            f.hour = f.hour % 12 + (f.pm ? 12 : 0);
        }
        int year = f.bc ? 1 - f.year : f.year;
        try {
            LocalDate date = f.dayOfYear > 0 ? LocalDate.ofYearDay(year, f.dayOfYear) : LocalDate.of(year, f.month, f.day);
            return date.atTime(f.hour, f.minute, f.second).plusNanos(f.micros * 1000);
        } catch (DateTimeException e) {
            throw new SqlException("22008", "date/time field value out of range: \"" + input + "\"");
        }
    }

    private static String match(String template, int i) {
        String[] patterns = {"HH24", "HH12", "HH", "MI", "SS", "MS", "US", "YYYY", "YYY", "YY", "MONTH", "MON", "MM",
                "DDD", "DD", "DAY", "DY", "A.M.", "P.M.", "AM", "PM", "BC", "AD"};
        for (String p : patterns) {
            if (template.regionMatches(true, i, p, 0, p.length())) {
                return template.substring(i, i + p.length());
            }
        }
        return null;
    }

    private static void skipSpaces(String input, int[] pos) {
        while (pos[0] < input.length() && input.charAt(pos[0]) == ' ') {
            pos[0]++;
        }
    }

    private static int number(String input, int[] pos, int width, String template, String field, boolean greedy) {
        int start = pos[0];
        boolean negative = false;
        if (start < input.length() && input.charAt(start) == '-' && greedy) {
            negative = true;
            pos[0]++;
            start++;
        }
        while (pos[0] < input.length() && Character.isDigit(input.charAt(pos[0]))
                && (greedy || pos[0] - start < width)) {
            pos[0]++;
        }
        if (pos[0] == start) {
            String rest = input.substring(Math.min(start, input.length()));
            throw new SqlException("22007", "invalid value \"" + (rest.isEmpty() ? "" : rest.substring(0,
                    Math.min(rest.length(), width))) + "\" for \"" + field + "\"")
                    .withDetail("Value must be an integer.");
        }
        int v = Integer.parseInt(input.substring(start, pos[0]));
        return negative ? -v : v;
    }

    private static int name(String input, int[] pos, String[] names, boolean abbreviated) {
        String rest = input.substring(pos[0]).toLowerCase(Locale.ROOT);
        for (int k = 0; k < names.length; k++) {
            String n = abbreviated ? names[k].substring(0, 3) : names[k];
            if (rest.startsWith(n)) {
                pos[0] += n.length();
                return k;
            }
        }
        throw new SqlException("22007", "invalid value \"" + rest + "\" for \"" + (abbreviated ? "Mon" : "Month")
                + "\"").withDetail("The given value did not match any of the allowed values for this field.");
    }

    private static String word(String input, int[] pos, int length) {
        int end = Math.min(input.length(), pos[0] + length);
        String w = input.substring(pos[0], end);
        pos[0] = end;
        return w;
    }
}
