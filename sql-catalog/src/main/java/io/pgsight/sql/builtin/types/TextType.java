package io.pgsight.sql.builtin.types;

import io.pgsight.sql.api.SqlException;

import java.nio.charset.StandardCharsets;

/**
 * The string types, all Java String: text, varchar(n), bpchar(n) (blank-padded), name (63 bytes),
 * "char" (one byte), unknown (the type of an undecorated literal), cstring.
 * Binary form is the UTF-8 bytes. Length typmods are PostgreSQL's n + 4.
 */
public final class TextType extends BaseType {
    private enum Kind { TEXT, VARCHAR, BPCHAR, NAME, CHAR, PLAIN }

    private final Kind kind;

    private TextType(String name, int oid, int arrayOid, int length, char category, boolean preferred, Kind kind) {
        super(name, oid, arrayOid, length, category, preferred);
        this.kind = kind;
    }

    public static TextType text() {
        return new TextType("text", 25, 1009, -1, 'S', true, Kind.TEXT);
    }

    public static TextType varchar() {
        return new TextType("varchar", 1043, 1015, -1, 'S', false, Kind.VARCHAR);
    }

    public static TextType bpchar() {
        return new TextType("bpchar", 1042, 1014, -1, 'S', false, Kind.BPCHAR);
    }

    public static TextType nameType() {
        return new TextType("name", 19, 1003, 64, 'S', false, Kind.NAME);
    }

    public static TextType singleChar() {
        return new TextType("char", 18, 1002, 1, 'Z', false, Kind.CHAR);
    }

    public static TextType unknown() {
        return new TextType("unknown", 705, 0, -2, 'X', false, Kind.PLAIN);
    }

    public static TextType cstring() {
        return new TextType("cstring", 2275, 1263, -2, 'P', false, Kind.PLAIN);
    }

    @Override
    public Object input(String text, int typmod) {
        return switch (kind) {
            case NAME -> truncateName(text);
            case CHAR -> text.isEmpty() ? "" : text.substring(0, text.offsetByCodePoints(0, 1));
            case VARCHAR, BPCHAR -> applyTypmod(text, typmod, false);
            default -> text;
        };
    }

    /** name keeps at most 63 bytes, cut at a character boundary. */
    public static String truncateName(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length <= 63) {
            return s;
        }
        int end = s.length();
        while (s.substring(0, end).getBytes(StandardCharsets.UTF_8).length > 63) {
            end = s.offsetByCodePoints(end, -1);
        }
        return s.substring(0, end);
    }

    @Override
    public String output(Object value) {
        return (String) value;
    }

    @Override
    public Object receive(byte[] data, int typmod) {
        return input(new String(data, StandardCharsets.UTF_8), typmod);
    }

    @Override
    public byte[] send(Object value) {
        return ((String) value).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int typmodIn(int[] modifiers) {
        if (kind != Kind.VARCHAR && kind != Kind.BPCHAR) {
            return BaseTypeModifiers.refuse(name());
        }
        String sqlName = kind == Kind.VARCHAR ? "VARCHAR" : "CHAR";
        if (modifiers.length != 1) {
            throw new SqlException("22023", "invalid type modifier");
        }
        if (modifiers[0] < 1) {
            throw new SqlException("22023", "length for type " + sqlName.toLowerCase() + " must be at least 1");
        }
        if (modifiers[0] > 10485760) {
            throw new SqlException("22023", "length for type " + sqlName.toLowerCase() + " cannot exceed 10485760");
        }
        return modifiers[0] + 4;
    }

    @Override
    public String typmodOut(int typmod) {
        return typmod < 4 ? "" : "(" + (typmod - 4) + ")";
    }

    @Override
    public Object applyTypmod(Object value, int typmod, boolean explicit) {
        if (typmod < 4 || (kind != Kind.VARCHAR && kind != Kind.BPCHAR)) {
            return value;
        }
        int max = typmod - 4;
        String s = (String) value;
        int chars = s.codePointCount(0, s.length());
        if (chars > max) {
            int cut = s.offsetByCodePoints(0, max);
            if (!explicit && !onlySpaces(s.substring(cut))) {
                throw new SqlException("22001", "value too long for type "
                        + (kind == Kind.VARCHAR ? "character varying(" : "character(") + max + ")");
            }
            return s.substring(0, cut);
        }
        if (kind == Kind.BPCHAR && chars < max) {
            return s + " ".repeat(max - chars);
        }
        return s;
    }

    private static boolean onlySpaces(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != ' ') {
                return false;
            }
        }
        return true;
    }
}
