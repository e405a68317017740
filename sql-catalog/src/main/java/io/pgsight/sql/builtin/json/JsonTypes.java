package io.pgsight.sql.builtin.json;

import io.pgsight.sql.builtin.types.BaseType;

import java.nio.charset.StandardCharsets;

/**
 * The types json (114: the input text kept verbatim once it parses) and jsonb (3802: a normalized
 * {@link JsonbValue}). Binary forms: json is its UTF-8 text, jsonb a version byte 1 and then its text.
 */
public final class JsonTypes {
    private JsonTypes() {
    }

    public static BaseType json() {
        return new Json();
    }

    public static BaseType jsonb() {
        return new Jsonb();
    }

    private static final class Json extends BaseType {
        Json() {
            super("json", 114, 199, -1, 'U', false);
        }

        @Override
        public Object input(String text, int typmod) {
            JsonParser.parseSyntax(text, false);
            return text;
        }

        @Override
        public String output(Object value) {
            return value instanceof JsonbValue v ? JsonbOutput.text(v) : (String) value;
        }

        @Override
        public Object receive(byte[] data, int typmod) {
            return input(new String(data, StandardCharsets.UTF_8), typmod);
        }

        @Override
        public byte[] send(Object value) {
            return output(value).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public char storage() {
            return 'x';
        }
    }

    private static final class Jsonb extends BaseType {
        Jsonb() {
            super("jsonb", 3802, 3807, -1, 'U', false);
        }

        @Override
        public Object input(String text, int typmod) {
            return JsonParser.parseJsonb(text);
        }

        @Override
        public String output(Object value) {
            return JsonbOutput.text((JsonbValue) value);
        }

        @Override
        public Object receive(byte[] data, int typmod) {
            return input(VersionedText.receive(data, "unsupported jsonb version number "), typmod);
        }

        @Override
        public byte[] send(Object value) {
            return VersionedText.send(output(value));
        }

        @Override
        public char storage() {
            return 'x';
        }
    }
}
