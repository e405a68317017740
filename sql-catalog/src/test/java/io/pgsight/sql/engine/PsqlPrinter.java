package io.pgsight.sql.engine;

import io.pgsight.sql.api.ResultColumn;
import io.pgsight.sql.api.SqlException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Prints results and errors the way psql -a -q does (aligned format), for comparing with expected outputs. */
final class PsqlPrinter {
    private static final Set<Integer> RIGHT = Set.of(20, 21, 23, 26, 700, 701, 790, 1700);

    private PsqlPrinter() {
    }

    static int width(String s) {
        int w = 0;
        for (int cp : s.codePoints().toArray()) {
            w += isWide(cp) ? 2 : 1;
        }
        return w;
    }

    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) || (cp >= 0x1F900 && cp <= 0x1F9FF)
                || (cp >= 0x20000 && cp <= 0x3FFFD);
    }

    /** psql's rendering of a cell: tabs to the next multiple of 8, other control characters as \\xNN. */
    static String display(String v) {
        StringBuilder sb = new StringBuilder();
        int col = 0;
        for (int cp : v.codePoints().toArray()) {
            if (cp == '\t') {
                int n = 8 - (col % 8);
                sb.append(" ".repeat(n));
                col += n;
            } else if (cp < 0x20 && cp != '\n') {
                sb.append(String.format("\\x%02x", cp));
                col += 4;
            } else {
                sb.appendCodePoint(cp);
                col += isWide(cp) ? 2 : 1;
            }
        }
        return sb.toString();
    }

    static String table(List<ResultColumn> cols, List<byte[][]> rows) {
        int n = cols.size();
        int[] w = new int[n];
        List<String[][]> text = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            w[i] = width(cols.get(i).name());
        }
        for (byte[][] r : rows) {
            String[][] t = new String[n][];
            for (int i = 0; i < n; i++) {
                // a cell with line breaks spans several output lines, as psql's aligned format prints it
                t[i] = (r[i] == null ? "" : display(new String(r[i], StandardCharsets.UTF_8))).split("\n", -1);
                for (String line : t[i]) {
                    w[i] = Math.max(w[i], width(line));
                }
            }
            text.add(t);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String h = cols.get(i).name();
            int pad = w[i] - width(h);
            int left = pad / 2;
            sb.append(i == 0 ? " " : " ").append(" ".repeat(left)).append(h).append(" ".repeat(pad - left));
            sb.append(i < n - 1 ? " |" : " ");
        }
        sb.append('\n');
        for (int i = 0; i < n; i++) {
            sb.append("-".repeat(w[i] + 2));
            if (i < n - 1) {
                sb.append('+');
            }
        }
        sb.append('\n');
        for (String[][] t : text) {
            int height = 1;
            for (String[] cell : t) {
                height = Math.max(height, cell.length);
            }
            for (int k = 0; k < height; k++) {
                for (int i = 0; i < n; i++) {
                    boolean right = RIGHT.contains(cols.get(i).typeOid());
                    String line = k < t[i].length ? t[i][k] : "";
                    boolean more = k < t[i].length - 1;
                    int pad = w[i] - width(line);
                    sb.append(' ');
                    if (right) {
                        sb.append(" ".repeat(pad)).append(line);
                    } else {
                        sb.append(line);
                        if (i < n - 1 || more) {
                            sb.append(" ".repeat(pad));
                        }
                    }
                    if (more) {
                        sb.append('+');
                    }
                    if (i < n - 1) {
                        sb.append(more ? "|" : " |");
                    }
                }
                sb.append('\n');
            }
        }
        sb.append(rows.size() == 1 ? "(1 row)" : "(" + rows.size() + " rows)").append("\n\n");
        return sb.toString();
    }

    static String error(String file, int line, String statement, SqlException e) {
        return message(file, line, statement, e, true);
    }

    /** A notice as psql prints it: psql's SHOW_CONTEXT defaults to "errors", so no CONTEXT line. */
    static String notice(String file, int line, SqlException e) {
        return message(file, line, "", e, false);
    }

    private static String message(String file, int line, String statement, SqlException e, boolean withContext) {
        StringBuilder sb = new StringBuilder();
        sb.append("psql:").append(file).append(':').append(line).append(": ").append(e.severity()).append(":  ")
                .append(e.getMessage()).append('\n');
        if (e.position() > 0) {
            sb.append(position(statement, e.position()));
        } else if (e.internalQuery() != null && e.internalPosition() > 0) {
            sb.append(position(e.internalQuery(), e.internalPosition()));
        }
        if (e.detail() != null) {
            sb.append("DETAIL:  ").append(e.detail()).append('\n');
        }
        if (e.hint() != null) {
            sb.append("HINT:  ").append(e.hint()).append('\n');
        }
        if (e.internalQuery() != null) {
            sb.append("QUERY:  ").append(e.internalQuery()).append('\n');
        }
        if (withContext && e.context() != null) {
            sb.append("CONTEXT:  ").append(e.context()).append('\n');
        }
        return sb.toString();
    }

    private static final int DISPLAY_SIZE = 60;
    private static final int MIN_RIGHT_CUT = 10;

    /**
     * The LINE and caret lines libpq prints for an error position (1-based, in characters): the query line that
     * holds it, cut to about 60 screen columns around the position with "..." where cut.
     */
    static String position(String query, int position) {
        int[] cps = query.codePoints().toArray();
        int loc = position - 1;
        int n = cps.length;
        int[] scr = new int[n + 1];
        int lineNo = 1;
        int ibeg = 0;
        int iend = -1;
        int cno;
        int scroffset = 0;
        for (cno = 0; cno < n; cno++) {
            int ch = cps[cno];
            scr[cno] = scroffset;
            if (ch == '\t') {
                cps[cno] = ' ';
            } else if (ch == '\r' || ch == '\n') {
                if (cno < loc) {
                    if (ch == '\r' || cno == 0 || cps[cno - 1] != '\r') {
                        lineNo++;
                    }
                    ibeg = cno + 1;
                } else {
                    iend = cno;
                    break;
                }
            }
            scroffset += Math.max(1, width(new String(cps, cno, 1)));
        }
        if (iend < 0) {
            iend = cno;
            scr[iend] = scroffset;
        }
        if (loc > cno) {
            return "";
        }
        boolean begTrunc = false;
        boolean endTrunc = false;
        if (scr[iend] - scr[ibeg] > DISPLAY_SIZE) {
            if (scr[ibeg] + DISPLAY_SIZE >= scr[loc] + MIN_RIGHT_CUT) {
                while (scr[iend] - scr[ibeg] > DISPLAY_SIZE) {
                    iend--;
                }
                endTrunc = true;
            } else {
                while (scr[loc] + MIN_RIGHT_CUT < scr[iend]) {
                    iend--;
                    endTrunc = true;
                }
                while (scr[iend] - scr[ibeg] > DISPLAY_SIZE) {
                    ibeg++;
                    begTrunc = true;
                }
            }
        }
        String prefix = "LINE " + lineNo + ": " + (begTrunc ? "..." : "");
        StringBuilder sb = new StringBuilder(prefix).append(new String(cps, ibeg, iend - ibeg));
        if (endTrunc) {
            sb.append("...");
        }
        sb.append('\n');
        sb.append(" ".repeat(width(prefix) + scr[loc] - scr[ibeg])).append("^\n");
        return sb.toString();
    }
}
