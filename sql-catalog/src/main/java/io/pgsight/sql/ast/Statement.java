package io.pgsight.sql.ast;

/**
 * One statement of a (possibly multi-statement) query string, with where it was written.
 *
 * @param command  what the statement says
 * @param start    0-based char index of the statement's first token in the parsed string
 * @param end      0-based char index just past its last token (the terminating semicolon is not included)
 * @param text     the statement's source text, {@code sql.substring(start, end)}
 * @param location 1-based character position of the first token (what error positions count from)
 */
public record Statement(Command command, int start, int end, String text, int location) {
}
