package io.pgsight.ext.vector;

import io.pgsight.sql.api.SqlException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Index WITH (...) options read the way PostgreSQL's reloptions code does: options are checked in
 * the order written, each either unknown ("unrecognized parameter"), malformed or out of bounds,
 * with PostgreSQL's messages; absent ones take their defaults.
 */
public final class RelOptions {
    /** What an option accepts. */
    public sealed interface Spec permits IntSpec, StringSpec {
    }

    /** An integer option with its default and inclusive bounds. */
    public record IntSpec(int defaultValue, int min, int max) implements Spec {
    }

    /** A string option with its default. */
    public record StringSpec(String defaultValue) implements Spec {
    }

    private final Map<String, Spec> specs;
    private final Map<String, Object> values = new HashMap<>();

    public RelOptions(Map<String, String> given, Map<String, Spec> specs) {
        this.specs = new LinkedHashMap<>(specs);
        for (Map.Entry<String, String> e : given.entrySet()) {
            Spec spec = specs.get(e.getKey());
            if (spec == null) {
                throw new SqlException("22023", "unrecognized parameter \"" + e.getKey() + "\"");
            }
            values.put(e.getKey(), spec instanceof IntSpec i ? parseInteger(e.getKey(), e.getValue(), i) : e.getValue());
        }
    }

    public int integer(String name) {
        Object v = values.get(name);
        return v != null ? (Integer) v : ((IntSpec) specs.get(name)).defaultValue();
    }

    public String string(String name) {
        Object v = values.get(name);
        return v != null ? (String) v : ((StringSpec) specs.get(name)).defaultValue();
    }

    private static int parseInteger(String name, String raw, IntSpec spec) {
        Long parsed = parseInt(raw);
        if (parsed == null || parsed < Integer.MIN_VALUE || parsed > Integer.MAX_VALUE) {
            throw new SqlException("22023", "invalid value for integer option \"" + name + "\": " + raw);
        }
        if (parsed < spec.min() || parsed > spec.max()) {
            throw new SqlException("22023", "value " + raw + " out of bounds for option \"" + name + "\"")
                    .withDetail("Valid values are between \"" + spec.min() + "\" and \"" + spec.max() + "\".");
        }
        return (int) (long) parsed;
    }

    /** PostgreSQL's parse_int: surrounding blanks, 0x/0 prefixes, and decimals rounded to an integer. */
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
