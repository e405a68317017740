package io.pgsight.ext.vector;

import io.pgsight.sql.api.SqlException;
import java.util.Map;
import java.util.Set;

/** Reads index WITH (...) options the way PostgreSQL's reloptions code does, with its messages. */
public final class RelOptions {
    private final Map<String, String> options;

    public RelOptions(Map<String, String> options, Set<String> known) {
        this.options = options;
        for (String key : options.keySet()) {
            if (!known.contains(key)) {
                throw new SqlException("22023", "unrecognized parameter \"" + key + "\"");
            }
        }
    }

    public boolean has(String name) {
        return options.containsKey(name);
    }

    /** An integer option: parse_int rules (whitespace, 0x/0 prefixes, decimals rounded), then bounds. */
    public int integer(String name, int defaultValue, int min, int max) {
        String raw = options.get(name);
        if (raw == null) {
            return defaultValue;
        }
        Long parsed = parseInt(raw);
        if (parsed == null || parsed < Integer.MIN_VALUE || parsed > Integer.MAX_VALUE) {
            throw new SqlException("22023", "invalid value for integer option \"" + name + "\": " + raw);
        }
        if (parsed < min || parsed > max) {
            throw new SqlException("22023", "value " + raw + " out of bounds for option \"" + name + "\"")
                    .withDetail("Valid values are between \"" + min + "\" and \"" + max + "\".");
        }
        return (int) (long) parsed;
    }

    /** A string option (value as written). */
    public String string(String name, String defaultValue) {
        String raw = options.get(name);
        return raw == null ? defaultValue : raw;
    }

    static Long parseInt(String raw) {
        String s = raw.trim();
        if (s.isEmpty()) {
            return null;
        }
        try {
            boolean negative = s.startsWith("-");
            String body = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
            long v;
            if (body.startsWith("0x") || body.startsWith("0X")) {
                v = Long.parseLong(body.substring(2), 16);
            } else if (body.length() > 1 && body.startsWith("0") && body.chars().allMatch(Character::isDigit)) {
                v = Long.parseLong(body, 8);
            } else {
                v = Long.parseLong(body);
            }
            return negative ? -v : v;
        } catch (NumberFormatException e) {
            try {
                double d = Double.parseDouble(s);
                if (Double.isNaN(d) || Double.isInfinite(d) || s.endsWith("d") || s.endsWith("f")
                        || s.endsWith("D") || s.endsWith("F")) {
                    return null;
                }
                return (long) Math.rint(d);
            } catch (NumberFormatException e2) {
                return null;
            }
        }
    }
}
