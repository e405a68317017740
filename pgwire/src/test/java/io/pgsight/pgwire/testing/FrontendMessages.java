package io.pgsight.pgwire.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Builds frontend messages byte by byte, for tests that speak the protocol without a driver. */
public final class FrontendMessages {
    private FrontendMessages() {
    }

    public static byte[] startup(int version, Map<String, String> params) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeInt(body, version);
        params.forEach((k, v) -> {
            cstring(body, k);
            cstring(body, v);
        });
        body.write(0);
        return withLength(body.toByteArray());
    }

    public static byte[] startup(Map<String, String> params) {
        return startup(196608, params);
    }

    public static byte[] sslRequest() {
        return withLength(ByteBuffer.allocate(4).putInt(80877103).array());
    }

    public static byte[] gssEncRequest() {
        return withLength(ByteBuffer.allocate(4).putInt(80877104).array());
    }

    public static byte[] cancelRequest(int pid, int secret) {
        return withLength(ByteBuffer.allocate(12).putInt(80877102).putInt(pid).putInt(secret).array());
    }

    public static byte[] query(String sql) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        cstring(b, sql);
        return typed('Q', b.toByteArray());
    }

    public static byte[] parse(String name, String sql, int... types) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        cstring(b, name);
        cstring(b, sql);
        writeShort(b, types.length);
        for (int t : types) {
            writeInt(b, t);
        }
        return typed('P', b.toByteArray());
    }

    /** Bind with text parameters (null = SQL NULL) and all-text results. */
    public static byte[] bind(String portal, String statement, String... params) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        cstring(b, portal);
        cstring(b, statement);
        writeShort(b, 0);
        writeShort(b, params.length);
        for (String p : params) {
            if (p == null) {
                writeInt(b, -1);
            } else {
                byte[] v = p.getBytes(StandardCharsets.UTF_8);
                writeInt(b, v.length);
                b.writeBytes(v);
            }
        }
        writeShort(b, 0);
        return typed('B', b.toByteArray());
    }

    public static byte[] describe(char kind, String name) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(kind);
        cstring(b, name);
        return typed('D', b.toByteArray());
    }

    public static byte[] execute(String portal, int maxRows) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        cstring(b, portal);
        writeInt(b, maxRows);
        return typed('E', b.toByteArray());
    }

    public static byte[] close(char kind, String name) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(kind);
        cstring(b, name);
        return typed('C', b.toByteArray());
    }

    public static byte[] sync() {
        return typed('S', new byte[0]);
    }

    public static byte[] flush() {
        return typed('H', new byte[0]);
    }

    public static byte[] terminate() {
        return typed('X', new byte[0]);
    }

    public static byte[] password(String password) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        cstring(b, password);
        return typed('p', b.toByteArray());
    }

    public static byte[] typed(char type, byte[] body) {
        return ByteBuffer.allocate(5 + body.length).put((byte) type).putInt(4 + body.length).put(body).array();
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }

    private static byte[] withLength(byte[] body) {
        return ByteBuffer.allocate(4 + body.length).putInt(4 + body.length).put(body).array();
    }

    private static void cstring(ByteArrayOutputStream b, String s) {
        b.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        b.write(0);
    }

    private static void writeInt(ByteArrayOutputStream b, int v) {
        b.writeBytes(ByteBuffer.allocate(4).putInt(v).array());
    }

    private static void writeShort(ByteArrayOutputStream b, int v) {
        b.write((v >>> 8) & 0xFF);
        b.write(v & 0xFF);
    }
}
