package io.pgsight.sql.plpgsql;

/**
 * A SQL fragment of a PL/pgSQL body, verbatim.
 *
 * @param text     the fragment as written (for SQL statements, an INTO clause is blanked out with spaces)
 * @param location 1-based character position of its first character in the original string (0 if empty and
 *                 unknown)
 * @param line     the body line it starts on (1 = the line the body starts on)
 */
public record PlExpr(String text, int location, int line) {
    /** The query PostgreSQL runs for an expression: {@code SELECT <text>}. */
    public String asSelect() {
        return "SELECT " + text;
    }

    /**
     * The position offset to pass to {@link io.pgsight.sql.parser.SqlParser#parse(String, int)} for
     * {@link #asSelect()} so that positions land in the original string.
     */
    public int selectPositionOffset() {
        return location - 1 - "SELECT ".length();
    }

    /** The offset for parsing {@link #text()} itself. */
    public int positionOffset() {
        return location - 1;
    }
}
