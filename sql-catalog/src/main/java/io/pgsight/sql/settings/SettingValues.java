package io.pgsight.sql.settings;

import io.pgsight.sql.api.SqlException;

import java.util.Locale;

/** Parses SET values per kind with PostgreSQL's messages, and prints them as SHOW does. */
public final class SettingValues {
    private SettingValues() {
    }

    public static String normalize(Setting s, String raw) {
        String v = raw.trim();
        switch (s.kind()) {
            case BOOL -> {
                Boolean b = parseBool(v);
                if (b == null) {
                    throw new SqlException("22023", "parameter \"" + s.name() + "\" requires a Boolean value");
                }
                return b ? "on" : "off";
            }
            case INTEGER -> {
                long n;
                try {
                    n = Long.parseLong(v);
                } catch (NumberFormatException e) {
                    throw invalid(s, raw);
                }
                checkRange(s, n);
                return Long.toString(n);
            }
            case REAL -> {
                double d;
                try {
                    d = Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    throw invalid(s, raw);
                }
                if (d < s.min() || d > s.max()) {
                    throw new SqlException("22023", fmt(d) + " is outside the valid range for parameter \"" + s.name()
                            + "\" (" + fmt(s.min()) + " .. " + fmt(s.max()) + ")");
                }
                return fmt(d);
            }
            case ENUM -> {
                for (String e : s.enumValues()) {
                    if (e.equalsIgnoreCase(v)) {
                        return e;
                    }
                }
                throw invalid(s, raw).withHint("Available values: " + String.join(", ", s.enumValues()) + ".");
            }
            case TIME_MS -> {
                long ms = parseUnits(s, v, true);
                checkRange(s, ms);
                return showTime(ms);
            }
            case MEMORY_KB -> {
                long kb = parseUnits(s, v, false);
                checkRange(s, kb);
                return showMemory(kb);
            }
            default -> {
                return raw;
            }
        }
    }

    private static void checkRange(Setting s, long n) {
        if (n < s.min() || n > s.max()) {
            throw new SqlException("22023", n + " is outside the valid range for parameter \"" + s.name() + "\" ("
                    + (long) s.min() + " .. " + (long) s.max() + ")");
        }
    }

    private static SqlException invalid(Setting s, String raw) {
        return new SqlException("22023", "invalid value for parameter \"" + s.name() + "\": \"" + raw + "\"");
    }

    public static Boolean parseBool(String v) {
        String l = v.toLowerCase(Locale.ROOT);
        return switch (l) {
            case "on", "true", "yes", "1", "t", "y", "tr", "tru", "ye" -> true;
            case "off", "false", "no", "0", "f", "n", "fa", "fal", "fals", "of" -> false;
            default -> null;
        };
    }

    private static long parseUnits(Setting s, String v, boolean time) {
        int i = 0;
        while (i < v.length() && (Character.isDigit(v.charAt(i)) || (i == 0 && v.charAt(i) == '-'))) {
            i++;
        }
        if (i == 0 || (i == 1 && v.charAt(0) == '-')) {
            throw invalid(s, v);
        }
        long n = Long.parseLong(v.substring(0, i));
        String unit = v.substring(i).trim();
        if (unit.isEmpty()) {
            return n;
        }
        long mult;
        if (time) {
            mult = switch (unit) {
                case "ms" -> 1;
                case "s" -> 1000;
                case "min" -> 60_000;
                case "h" -> 3_600_000;
                case "d" -> 86_400_000;
                default -> -1;
            };
        } else {
            mult = switch (unit) {
                case "kB" -> 1;
                case "MB" -> 1024;
                case "GB" -> 1024 * 1024;
                case "TB" -> 1024L * 1024 * 1024;
                default -> -1;
            };
        }
        if (mult < 0) {
            throw invalid(s, v).withHint(time ? "Valid units for this parameter are \"us\", \"ms\", \"s\", \"min\", \"h\", and \"d\"."
                    : "Valid units for this parameter are \"B\", \"kB\", \"MB\", \"GB\", and \"TB\".");
        }
        return n * mult;
    }

    static String showTime(long ms) {
        if (ms == 0) {
            return "0";
        }
        long[] f = {86_400_000, 3_600_000, 60_000, 1000, 1};
        String[] u = {"d", "h", "min", "s", "ms"};
        for (int k = 0; k < f.length; k++) {
            if (ms % f[k] == 0) {
                return ms / f[k] + u[k];
            }
        }
        return ms + "ms";
    }

    static String showMemory(long kb) {
        long[] f = {1024L * 1024 * 1024, 1024 * 1024, 1024, 1};
        String[] u = {"TB", "GB", "MB", "kB"};
        for (int k = 0; k < f.length; k++) {
            if (kb % f[k] == 0) {
                return kb / f[k] + u[k];
            }
        }
        return kb + "kB";
    }

    private static String fmt(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }

    /** Bytes of a MEMORY_KB setting's shown value ("64kB", "4MB", "1GB", "1TB"). */
    public static long bytes(String shown) {
        String[] u = {"kB", "MB", "GB", "TB"};
        for (int k = 0; k < u.length; k++) {
            if (shown.endsWith(u[k])) {
                return Long.parseLong(shown.substring(0, shown.length() - 2)) << (10 * (k + 1));
            }
        }
        return Long.parseLong(shown) << 10;
    }

    /** Milliseconds of a TIME_MS setting's shown value. */
    public static long millis(String shown) {
        if (shown == null || shown.equals("0")) {
            return 0;
        }
        String[] u = {"ms", "min", "s", "h", "d"};
        long[] f = {1, 60_000, 1000, 3_600_000, 86_400_000};
        for (int k = 0; k < u.length; k++) {
            if (shown.endsWith(u[k])) {
                return Long.parseLong(shown.substring(0, shown.length() - u[k].length())) * f[k];
            }
        }
        return Long.parseLong(shown);
    }
}
