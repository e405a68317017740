package io.pgsight.imaging;

/**
 * Text that is not a valid pattern/signature. The message is PostgreSQL's exact text
 * ({@code invalid input syntax for type pattern: "..."}); SQL reports it as SQLSTATE 22P02.
 */
public final class InvalidTextRepresentationException extends IllegalArgumentException {
    public InvalidTextRepresentationException(String typeName, String input) {
        super("invalid input syntax for type " + typeName + ": \"" + input + "\"");
    }
}
