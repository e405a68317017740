package io.pgsight.sql.format;

/** boolean text I/O: output t/f; input true/false/yes/no/on/off/1/0 and unique prefixes, any case, trimmed. */
public final class BoolFormat {
    private BoolFormat() {
    }

    public static String out(boolean b) {
        return b ? "t" : "f";
    }

    /** boolin. */
    public static boolean in(String text) {
        Boolean b = parse(text.strip());
        if (b == null) {
            throw PgErrors.invalidInput("boolean", text);
        }
        return b;
    }

    /** parse_bool: null when the text is not a boolean. */
    public static Boolean parse(String v) {
        int len = v.length();
        if (len == 0) {
            return null;
        }
        switch (Character.toLowerCase(v.charAt(0))) {
            case 't':
                return prefixOf(v, "true", 1) ? Boolean.TRUE : null;
            case 'f':
                return prefixOf(v, "false", 1) ? Boolean.FALSE : null;
            case 'y':
                return prefixOf(v, "yes", 1) ? Boolean.TRUE : null;
            case 'n':
                return prefixOf(v, "no", 1) ? Boolean.FALSE : null;
            case 'o':
                if (prefixOf(v, "on", 2)) {
                    return Boolean.TRUE;
                }
                return prefixOf(v, "off", 2) ? Boolean.FALSE : null;
            case '1':
                return len == 1 ? Boolean.TRUE : null;
            case '0':
                return len == 1 ? Boolean.FALSE : null;
            default:
                return null;
        }
    }

    private static boolean prefixOf(String v, String word, int minLength) {
        return v.length() >= minLength && v.length() <= word.length() && word.regionMatches(true, 0, v, 0, v.length());
    }
}
