package io.pgsight.sql.builtin.json.path;

import io.pgsight.sql.builtin.json.JsonbValue;
import io.pgsight.sql.builtin.json.JsonbValue.JArray;
import io.pgsight.sql.builtin.json.JsonbValue.JNumber;
import io.pgsight.sql.builtin.json.JsonbValue.JObject;
import io.pgsight.sql.builtin.json.JsonbValue.JString;
import io.pgsight.sql.builtin.json.JsonbValue.Member;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Byte offsets of containers in PostgreSQL's on-disk jsonb, which .keyvalue() reports as part of its
 * "id". A container is a 4-byte header, a 4-byte entry per element (per key and per value for an
 * object), then the data: an object's keys before its values; numbers (numeric varlenas) and nested
 * containers start 4-aligned.
 */
final class JsonbLayout {
    private long found = -1;
    private final JsonbValue target;

    private JsonbLayout(JsonbValue target) {
        this.target = target;
    }

    /** Where {@code target} (by identity) starts inside {@code base}, or -1 when it is not there. */
    static long offsetOf(JsonbValue base, JsonbValue target) {
        if (base == target) {
            return 0;
        }
        JsonbLayout layout = new JsonbLayout(target);
        if (base instanceof JArray || base instanceof JObject) {
            layout.container(base, 0);
        }
        return layout.found;
    }

    private long container(JsonbValue c, long start) {
        if (c instanceof JArray a) {
            long pos = start + 4 + 4L * a.elements().size();
            for (JsonbValue e : a.elements()) {
                pos = value(e, pos);
                if (found >= 0) {
                    return pos;
                }
            }
            return pos;
        }
        JObject o = (JObject) c;
        long pos = start + 4 + 8L * o.members().size();
        for (Member m : o.members()) {
            pos += m.key().getBytes(StandardCharsets.UTF_8).length;
        }
        for (Member m : o.members()) {
            pos = value(m.value(), pos);
            if (found >= 0) {
                return pos;
            }
        }
        return pos;
    }

    private long value(JsonbValue v, long pos) {
        if (v instanceof JString s) {
            return pos + s.value().getBytes(StandardCharsets.UTF_8).length;
        } else if (v instanceof JNumber n) {
            return align(pos) + numericSize(n.value());
        } else if (v instanceof JArray || v instanceof JObject) {
            long start = align(pos);
            if (v == target) {
                found = start;
                return start;
            }
            return container(v, start);
        }
        return pos;
    }

    private static long align(long pos) {
        return (pos + 3) & ~3L;
    }

    /** A numeric varlena: 4-byte length, a 2-byte (short form) or 4-byte header, 2 bytes per base-10000 digit. */
    static int numericSize(BigDecimal value) {
        BigDecimal abs = value.abs();
        int dscale = Math.max(abs.scale(), 0);
        String plain = abs.toPlainString();
        int dot = plain.indexOf('.');
        String intPart = dot < 0 ? plain : plain.substring(0, dot);
        String fracPart = dot < 0 ? "" : plain.substring(dot + 1);
        intPart = intPart.replaceFirst("^0+", "");
        int intGroups = (intPart.length() + 3) / 4;
        StringBuilder digits = new StringBuilder();
        digits.append("0".repeat(intGroups * 4 - intPart.length())).append(intPart);
        int fracGroups = (fracPart.length() + 3) / 4;
        digits.append(fracPart).append("0".repeat(fracGroups * 4 - fracPart.length()));
        int groups = intGroups + fracGroups;
        int first = 0;
        while (first < groups && digits.substring(first * 4, first * 4 + 4).equals("0000")) {
            first++;
        }
        int last = groups - 1;
        while (last >= first && digits.substring(last * 4, last * 4 + 4).equals("0000")) {
            last--;
        }
        int ndigits = last >= first ? last - first + 1 : 0;
        int weight = ndigits == 0 ? 0 : intGroups - 1 - first;
        boolean shortForm = dscale <= 63 && weight <= 63 && weight >= -64;
        return 4 + (shortForm ? 2 : 4) + 2 * ndigits;
    }
}
