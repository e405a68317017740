package io.pgsight.ext.imgsmlr;

import io.pgsight.sql.api.SqlException;

import java.util.Locale;
import java.util.Map;

/** GiST's reloptions (fillfactor 10..100, buffering on/off/auto), validated with PostgreSQL's messages. */
record GistOptions(int fillfactor, String buffering) {
    static GistOptions parse(Map<String, String> options) {
        int fillfactor = 90;
        String buffering = "auto";
        for (Map.Entry<String, String> e : options.entrySet()) {
            String key = e.getKey();
            String value = e.getValue();
            switch (key) {
                case "fillfactor" -> fillfactor = fillfactor(value);
                case "buffering" -> buffering = buffering(value);
                default -> throw new SqlException("22023", "unrecognized parameter \"" + key + "\"");
            }
        }
        return new GistOptions(fillfactor, buffering);
    }

    private static int fillfactor(String value) {
        int v;
        try {
            v = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new SqlException("22023", "invalid value for integer option \"fillfactor\": " + value);
        }
        if (v < 10 || v > 100) {
            throw new SqlException("22023", "value " + value + " out of bounds for option \"fillfactor\"")
                    .withDetail("Valid values are between \"10\" and \"100\".");
        }
        return v;
    }

    private static String buffering(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        if (!v.equals("on") && !v.equals("off") && !v.equals("auto")) {
            throw new SqlException("22023", "invalid value for enum option \"buffering\": " + value)
                    .withDetail("Valid values are \"on\", \"off\", and \"auto\".");
        }
        return v;
    }
}
