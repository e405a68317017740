package io.pgsight.imaging;

import java.util.ArrayList;
import java.util.List;

/** Reads result tables out of a psql -a transcript (compat/expected/*.out) for assertions. */
final class PsqlOutput {
    private final List<String> lines;

    PsqlOutput(String text) {
        this.lines = text.lines().toList();
    }

    /**
     * The data rows (cells trimmed) of the {@code occurrence}-th table printed after a line starting
     * with {@code statementStart}; header and separator lines are skipped.
     */
    List<String[]> table(String statementStart, int occurrence) {
        int seen = 0;
        for (int k = 0; k < lines.size(); k++) {
            if (lines.get(k).startsWith(statementStart) && seen++ == occurrence) {
                int p = k + 1;
                while (!lines.get(p).startsWith("---") && !lines.get(p).startsWith("-+")) {
                    p++;
                }
                List<String[]> rows = new ArrayList<>();
                for (p++; !lines.get(p).matches("\\(\\d+ rows?\\)"); p++) {
                    String[] cells = lines.get(p).split("\\|", -1);
                    for (int c = 0; c < cells.length; c++) {
                        cells[c] = cells[c].trim();
                    }
                    rows.add(cells);
                }
                return rows;
            }
        }
        throw new AssertionError("statement not found: " + statementStart);
    }

    List<String[]> table(String statementStart) {
        return table(statementStart, 0);
    }
}
