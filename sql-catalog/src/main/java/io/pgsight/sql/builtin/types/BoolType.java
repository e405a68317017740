package io.pgsight.sql.builtin.types;

import io.pgsight.sql.builtin.PgErrors;

import java.util.Locale;

/** boolean: Java Boolean; text t/f, accepts PostgreSQL's spellings and unique prefixes. */
public final class BoolType extends BaseType {
    public BoolType() {
        super("bool", 16, 1000, 1, 'B', true);
    }

    @Override
    public Object input(String text, int typmod) {
        Boolean b = parse(text);
        if (b == null) {
            throw PgErrors.invalidSyntax("boolean", text);
        }
        return b;
    }

    /** PostgreSQL's parse_bool: null when the text is not a boolean. */
    public static Boolean parse(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            return null;
        }
        switch (s) {
            case "1":
                return true;
            case "0":
                return false;
            case "on":
                return true;
            case "of":
            case "off":
                return false;
            default:
                break;
        }
        if ("true".startsWith(s) || "yes".startsWith(s)) {
            return true;
        }
        if ("false".startsWith(s) || ("no".startsWith(s))) {
            return false;
        }
        return null;
    }

    @Override
    public String output(Object value) {
        return ((Boolean) value) ? "t" : "f";
    }

    @Override
    public Object receive(byte[] data, int typmod) {
        BinaryBuffers.exactly(data, 1);
        return data[0] != 0;
    }

    @Override
    public byte[] send(Object value) {
        return new byte[] {(byte) (((Boolean) value) ? 1 : 0)};
    }
}
