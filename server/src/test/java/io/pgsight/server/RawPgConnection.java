package io.pgsight.server;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A bare protocol-3.0 client for fuzzing: builds frontend messages, reads backend ones, keeps errors. */
final class RawPgConnection implements AutoCloseable {
    /** An ErrorResponse's severity, SQLSTATE and message. */
    record Error(String severity, String sqlState, String message) {
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    RawPgConnection(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(30_000);
        socket.setTcpNoDelay(true);
        in = new DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
        out = socket.getOutputStream();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeInt(body, 196608);
        for (String s : new String[] {"user", "fuzz", "database", "postgres"}) {
            cstring(body, s);
        }
        body.write(0);
        byte[] b = body.toByteArray();
        ByteArrayOutputStream startup = new ByteArrayOutputStream();
        writeInt(startup, b.length + 4);
        startup.writeBytes(b);
        out.write(startup.toByteArray());
    }

    /** Writes the messages in one go (separate small writes would wait on Nagle and delayed ACKs). */
    void send(byte[]... messages) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] m : messages) {
            all.writeBytes(m);
        }
        out.write(all.toByteArray());
        out.flush();
    }

    /**
     * Reads until ReadyForQuery (returns true) or until the server closes the connection (false), adding
     * every ErrorResponse to {@code errors}.
     */
    boolean readUntilReady(List<Error> errors) throws IOException {
        while (true) {
            int type;
            try {
                type = in.read();
                if (type < 0) {
                    return false;
                }
                int len = in.readInt();
                byte[] body = new byte[len - 4];
                in.readFully(body);
                if (type == 'E') {
                    errors.add(error(body));
                } else if (type == 'Z') {
                    return true;
                }
            } catch (EOFException | java.net.SocketException e) {
                return false;
            }
        }
    }

    private static Error error(byte[] body) {
        String severity = null;
        String state = null;
        String message = null;
        int i = 0;
        while (i < body.length && body[i] != 0) {
            char field = (char) body[i];
            int end = i + 1;
            while (body[end] != 0) {
                end++;
            }
            String value = new String(body, i + 1, end - i - 1, StandardCharsets.UTF_8);
            switch (field) {
                case 'S' -> severity = value;
                case 'C' -> state = value;
                case 'M' -> message = value;
                default -> {
                }
            }
            i = end + 1;
        }
        return new Error(severity, state, message);
    }

    static byte[] query(String sql) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        cstring(b, sql);
        return typed('Q', b.toByteArray());
    }

    static byte[] parse(String name, String sql, int... types) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        cstring(b, name);
        cstring(b, sql);
        writeShort(b, types.length);
        for (int t : types) {
            writeInt(b, t);
        }
        return typed('P', b.toByteArray());
    }

    /** Bind with one format code for all parameters; null values are SQL NULL. */
    static byte[] bind(String portal, String statement, short format, List<byte[]> values) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        cstring(b, portal);
        cstring(b, statement);
        writeShort(b, 1);
        writeShort(b, format);
        writeShort(b, values.size());
        for (byte[] v : values) {
            writeInt(b, v == null ? -1 : v.length);
            if (v != null) {
                b.writeBytes(v);
            }
        }
        writeShort(b, 0);
        return typed('B', b.toByteArray());
    }

    static byte[] execute(String portal) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        cstring(b, portal);
        writeInt(b, 0);
        return typed('E', b.toByteArray());
    }

    static byte[] describe(char kind, String name) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(kind);
        cstring(b, name);
        return typed('D', b.toByteArray());
    }

    static byte[] sync() {
        return typed('S', new byte[0]);
    }

    static byte[] typed(char type, byte[] body) {
        return ByteBuffer.allocate(5 + body.length).put((byte) type).putInt(body.length + 4).put(body).array();
    }

    private static void cstring(ByteArrayOutputStream b, String s) {
        b.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        b.write(0);
    }

    private static void writeInt(ByteArrayOutputStream b, int v) {
        b.write(v >>> 24);
        b.write(v >>> 16);
        b.write(v >>> 8);
        b.write(v);
    }

    private static void writeShort(ByteArrayOutputStream b, int v) {
        b.write(v >>> 8);
        b.write(v);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    static List<Error> newErrors() {
        return new ArrayList<>();
    }
}
