package io.pgsight.sql.builtin.types;

/** record_out's layout: {@code (a,"b c",)} from the fields' text forms (null for NULL). */
public final class RecordText {
    private RecordText() {
    }

    public static String format(String[] fields) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            String f = fields[i];
            if (f == null) {
                continue;
            }
            boolean quote = f.isEmpty();
            for (int j = 0; j < f.length() && !quote; j++) {
                char c = f.charAt(j);
                quote = c == '"' || c == '\\' || c == '(' || c == ')' || c == ',' || ArrayText.isSpace(c);
            }
            if (!quote) {
                sb.append(f);
                continue;
            }
            sb.append('"');
            for (int j = 0; j < f.length(); j++) {
                char c = f.charAt(j);
                if (c == '"' || c == '\\') {
                    sb.append(c);
                }
                sb.append(c);
            }
            sb.append('"');
        }
        return sb.append(')').toString();
    }
}
