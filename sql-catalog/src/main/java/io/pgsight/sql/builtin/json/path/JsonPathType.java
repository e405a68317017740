package io.pgsight.sql.builtin.json.path;

import io.pgsight.sql.builtin.json.VersionedText;
import io.pgsight.sql.builtin.types.BaseType;

/** The type jsonpath (4072): a parsed {@link JsonPath}; binary form a version byte 1 and then its text. */
public final class JsonPathType extends BaseType {
    public JsonPathType() {
        super("jsonpath", 4072, 4073, -1, 'U', false);
    }

    @Override
    public Object input(String text, int typmod) {
        return JsonPath.parse(text);
    }

    @Override
    public String output(Object value) {
        return value.toString();
    }

    @Override
    public Object receive(byte[] data, int typmod) {
        return input(VersionedText.receive(data, "unsupported jsonpath version number: "), typmod);
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
