package io.pgsight.sql.parser;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a psql script into the statements psql would send: backslash-command lines are handled by psql
 * ({@code \set} variables are substituted as {@code :name}), leading whitespace and comments are dropped, and a
 * statement ends at a semicolon outside quotes, dollar quotes, comments and parentheses.
 */
final class PsqlScript {
    /** One statement with the 1-based script line it starts on. */
    record Sent(String sql, int line) {
    }

    private PsqlScript() {
    }

    static List<Sent> split(String script) {
        Map<String, String> vars = new HashMap<>();
        List<Sent> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int startLine = 0;
        int depth = 0;
        String dollarTag = null;
        boolean inQuote = false;
        boolean inDoubleQuote = false;
        int blockComment = 0;
        String[] lines = script.split("\n", -1);
        for (int ln = 0; ln < lines.length; ln++) {
            String line = lines[ln];
            if (current.length() == 0 && line.stripLeading().startsWith("\\")) {
                String[] parts = line.strip().split("\\s+", 3);
                if (parts[0].equals("\\set") && parts.length == 3) {
                    vars.put(parts[1], parts[2]);
                }
                continue;
            }
            int i = 0;
            while (i < line.length()) {
                char c = line.charAt(i);
                if (dollarTag != null) {
                    if (line.startsWith(dollarTag, i)) {
                        current.append(dollarTag);
                        i += dollarTag.length();
                        dollarTag = null;
                    } else {
                        current.append(c);
                        i++;
                    }
                    continue;
                }
                if (inQuote) {
                    current.append(c);
                    if (c == '\'') {
                        inQuote = false;
                    }
                    i++;
                    continue;
                }
                if (inDoubleQuote) {
                    current.append(c);
                    if (c == '"') {
                        inDoubleQuote = false;
                    }
                    i++;
                    continue;
                }
                if (blockComment > 0) {
                    if (line.startsWith("*/", i)) {
                        blockComment--;
                        current.append("*/");
                        i += 2;
                    } else {
                        current.append(c);
                        i++;
                    }
                    continue;
                }
                if (line.startsWith("--", i)) {
                    if (current.length() > 0) {
                        current.append(line.substring(i));
                    }
                    break;
                }
                if (current.length() == 0 && Character.isWhitespace(c)) {
                    i++;
                    continue;
                }
                if (current.length() == 0) {
                    startLine = ln + 1;
                }
                if (line.startsWith("/*", i)) {
                    blockComment++;
                    current.append("/*");
                    i += 2;
                    continue;
                }
                if (c == '\'') {
                    inQuote = true;
                } else if (c == '"') {
                    inDoubleQuote = true;
                } else if (c == '$') {
                    int j = i + 1;
                    while (j < line.length() && (Character.isLetterOrDigit(line.charAt(j)) || line.charAt(j) == '_')) {
                        j++;
                    }
                    if (j < line.length() && line.charAt(j) == '$' && !(j > i + 1 && Character.isDigit(line.charAt(i + 1)))) {
                        dollarTag = line.substring(i, j + 1);
                        current.append(dollarTag);
                        i = j + 1;
                        continue;
                    }
                } else if (c == ':' && i + 1 < line.length() && Character.isLetter(line.charAt(i + 1))
                        && (i == 0 || line.charAt(i - 1) != ':')) {
                    int j = i + 1;
                    while (j < line.length() && (Character.isLetterOrDigit(line.charAt(j)) || line.charAt(j) == '_')) {
                        j++;
                    }
                    String name = line.substring(i + 1, j);
                    if (vars.containsKey(name)) {
                        current.append(vars.get(name));
                        i = j;
                        continue;
                    }
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                } else if (c == ';' && depth <= 0) {
                    current.append(';');
                    out.add(new Sent(current.toString(), startLine));
                    current.setLength(0);
                    depth = 0;
                    i++;
                    continue;
                }
                current.append(c);
                i++;
            }
            if (current.length() > 0) {
                current.append('\n');
            }
        }
        if (current.toString().strip().length() > 0) {
            out.add(new Sent(current.toString().strip(), startLine));
        }
        return out;
    }
}
