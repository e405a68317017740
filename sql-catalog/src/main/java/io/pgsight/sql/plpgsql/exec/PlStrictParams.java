package io.pgsight.sql.plpgsql.exec;

import io.pgsight.sql.spi.PgType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code #print_strict_params on}: the DETAIL of a STRICT INTO error names the statement's variables and values. */
final class PlStrictParams {
    private static final int TEXT = 25;
    private static final java.util.regex.Pattern WORDS =
            java.util.regex.Pattern.compile("'(?:[^']|'')*'|\"[^\"]*\"|[A-Za-z_][A-Za-z0-9_$]*");

    private PlStrictParams() {
    }

    /** {@code parameters: name = 'value', ...} for the variables the statement uses, in declaration order. */
    static String detail(String text, PlVariables vars, int foundSlot, PlHost host, PlSql sql) {
        java.util.TreeMap<Integer, String> used = new java.util.TreeMap<>();
        java.util.regex.Matcher m = WORDS.matcher(text);
        while (m.find()) {
            String word = m.group();
            if (word.startsWith("'") || word.startsWith("\"")) {
                continue;
            }
            int slot = vars.lookup(word.toLowerCase(Locale.ROOT));
            if (slot >= 0 && slot != foundSlot && !(vars.values[slot] instanceof PlRow)) {
                used.put(slot, word.toLowerCase(Locale.ROOT));
            }
        }
        List<String> parts = new ArrayList<>();
        PgType text25 = host.catalog().typeByOid(TEXT);
        used.forEach((slot, name) -> {
            Object v = vars.values[slot];
            String shown = v == null ? "NULL"
                    : "'" + String.valueOf(sql.convert(v, vars.types[slot], text25, -1)).replace("'", "''") + "'";
            parts.add(name + " = " + shown);
        });
        return "parameters: " + String.join(", ", parts);
    }
}
