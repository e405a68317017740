package io.pgsight.sql.builtin;

import io.pgsight.sql.spi.FunctionContext;
import io.pgsight.sql.spi.PgType;

/** Prints a bytea literal with bytea_output = escape. */
final class ByteaText {
    private ByteaText() {
    }

    static String escapeOf(PgType bytea, String literal) {
        FunctionContext escape = new FunctionContext() {
            @Override
            public void notice(String severity, String message) {
            }

            @Override
            public String setting(String name) {
                return name.equals("bytea_output") ? "escape" : null;
            }

            @Override
            public void checkCancelled() {
            }
        };
        return bytea.output(bytea.input(literal, -1), escape);
    }
}
