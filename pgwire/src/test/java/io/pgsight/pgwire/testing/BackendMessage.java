package io.pgsight.pgwire.testing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One backend message as a test sees it: type byte and body, with readers for common fields. */
public record BackendMessage(char type, byte[] body) {

    /** Splits a byte stream into messages (the stream must not start with an SSL answer byte). */
    public static List<BackendMessage> split(byte[] stream) {
        ByteBuffer in = ByteBuffer.wrap(stream);
        List<BackendMessage> out = new ArrayList<>();
        while (in.remaining() >= 5) {
            char type = (char) in.get();
            int len = in.getInt();
            byte[] body = new byte[len - 4];
            in.get(body);
            out.add(new BackendMessage(type, body));
        }
        if (in.hasRemaining()) {
            throw new IllegalStateException("trailing bytes: " + in.remaining());
        }
        return out;
    }

    /** ErrorResponse / NoticeResponse fields. */
    public Map<Character, String> fields() {
        Map<Character, String> f = new LinkedHashMap<>();
        int i = 0;
        while (i < body.length && body[i] != 0) {
            char code = (char) body[i++];
            int start = i;
            while (body[i] != 0) {
                i++;
            }
            f.put(code, new String(body, start, i - start, StandardCharsets.UTF_8));
            i++;
        }
        return f;
    }

    public String cstring() {
        return new String(body, 0, body.length - 1, StandardCharsets.UTF_8);
    }

    public int int32(int offset) {
        return ByteBuffer.wrap(body).getInt(offset);
    }

    @Override
    public String toString() {
        return type == 'E' || type == 'N' ? type + fields().toString() : type + "(" + body.length + ")";
    }

    /** The message types in order, e.g. "1 2 T D C Z". */
    public static String types(List<BackendMessage> messages) {
        StringBuilder sb = new StringBuilder();
        for (BackendMessage m : messages) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(m.type());
        }
        return sb.toString();
    }
}
