package io.pgsight.sql.builtin.json.path;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.builtin.types.BaseType;

import java.nio.charset.StandardCharsets;

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
        if (data.length == 0 || data[0] != 1) {
            throw new SqlException("XX000", "unsupported jsonpath version number: " + (data.length == 0 ? 0 : data[0]));
        }
        return input(new String(data, 1, data.length - 1, StandardCharsets.UTF_8), typmod);
    }

    @Override
    public byte[] send(Object value) {
        byte[] text = output(value).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[text.length + 1];
        out[0] = 1;
        System.arraycopy(text, 0, out, 1, text.length);
        return out;
    }

    @Override
    public char storage() {
        return 'x';
    }
}
