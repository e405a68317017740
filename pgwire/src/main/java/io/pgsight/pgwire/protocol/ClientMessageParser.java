package io.pgsight.pgwire.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a frame (type byte, body) or a startup packet body into a {@link ClientMessage}. */
public final class ClientMessageParser {
    public static final int SSL_REQUEST_CODE = 80877103;
    public static final int GSSENC_REQUEST_CODE = 80877104;
    public static final int CANCEL_REQUEST_CODE = 80877102;

    private ClientMessageParser() {
    }

    /** A startup-phase packet: {@code body} excludes the length word but includes the code/version. */
    public static ClientMessage parseStartupPacket(byte[] body) {
        MessageBody in = new MessageBody(body);
        int code = in.readInt();
        switch (code) {
            case SSL_REQUEST_CODE:
                in.expectEnd();
                return new ClientMessage.SslRequest();
            case GSSENC_REQUEST_CODE:
                in.expectEnd();
                return new ClientMessage.GssEncRequest();
            case CANCEL_REQUEST_CODE: {
                int pid = in.readInt();
                int secret = in.readInt();
                in.expectEnd();
                return new ClientMessage.CancelRequest(pid, secret);
            }
            default:
                return new ClientMessage.Startup(code, readStartupParameters(in));
        }
    }

    private static Map<String, String> readStartupParameters(MessageBody in) {
        Map<String, String> params = new LinkedHashMap<>();
        while (true) {
            if (in.remaining() == 0) {
                throw new ProtocolViolation("invalid startup packet layout: expected terminator as last byte");
            }
            String name = in.readCString();
            if (name.isEmpty()) {
                if (in.remaining() != 0) {
                    throw new ProtocolViolation("invalid startup packet layout: expected terminator as last byte");
                }
                return params;
            }
            String value = in.readCString();
            params.put(name, value);
        }
    }

    /** A regular message after startup. */
    public static ClientMessage parse(byte type, byte[] body) {
        MessageBody in = new MessageBody(body);
        ClientMessage message = switch (type) {
            case 'Q' -> new ClientMessage.Query(in.readCString());
            case 'P' -> parseParse(in);
            case 'B' -> parseBind(in);
            case 'D' -> new ClientMessage.Describe(readKind(in), in.readCString());
            case 'E' -> new ClientMessage.Execute(in.readCString(), in.readInt());
            case 'C' -> new ClientMessage.Close(readKind(in), in.readCString());
            case 'S' -> new ClientMessage.Sync();
            case 'H' -> new ClientMessage.Flush();
            case 'X' -> new ClientMessage.Terminate();
            case 'd' -> new ClientMessage.CopyData(in.readBytes(in.remaining()));
            case 'c' -> new ClientMessage.CopyDone();
            case 'f' -> new ClientMessage.CopyFail(in.readCString());
            case 'p' -> new ClientMessage.AuthenticationResponse(in.readBytes(in.remaining()));
            case 'F' -> {
                in.readBytes(in.remaining());
                yield new ClientMessage.FunctionCall();
            }
            default -> throw new ProtocolViolation("invalid frontend message type " + (type & 0xFF));
        };
        in.expectEnd();
        return message;
    }

    /** The type byte a message arrived with ('?' for startup-phase packets and internal markers). */
    public static char typeOf(ClientMessage m) {
        if (m instanceof ClientMessage.Query) {
            return 'Q';
        } else if (m instanceof ClientMessage.Parse) {
            return 'P';
        } else if (m instanceof ClientMessage.Bind) {
            return 'B';
        } else if (m instanceof ClientMessage.Describe) {
            return 'D';
        } else if (m instanceof ClientMessage.Execute) {
            return 'E';
        } else if (m instanceof ClientMessage.Close) {
            return 'C';
        } else if (m instanceof ClientMessage.Sync) {
            return 'S';
        } else if (m instanceof ClientMessage.Flush) {
            return 'H';
        } else if (m instanceof ClientMessage.Terminate) {
            return 'X';
        } else if (m instanceof ClientMessage.CopyData) {
            return 'd';
        } else if (m instanceof ClientMessage.CopyDone) {
            return 'c';
        } else if (m instanceof ClientMessage.CopyFail) {
            return 'f';
        } else if (m instanceof ClientMessage.AuthenticationResponse) {
            return 'p';
        } else if (m instanceof ClientMessage.FunctionCall) {
            return 'F';
        }
        return '?';
    }

    private static char readKind(MessageBody in) {
        byte kind = in.readByte();
        if (kind != 'S' && kind != 'P') {
            throw new ProtocolViolation("invalid DESCRIBE/CLOSE message subtype " + (kind & 0xFF));
        }
        return (char) kind;
    }

    private static ClientMessage parseParse(MessageBody in) {
        String name = in.readCString();
        String sql = in.readCString();
        int n = in.readCount(4);
        int[] types = new int[n];
        for (int i = 0; i < n; i++) {
            types[i] = in.readInt();
        }
        return new ClientMessage.Parse(name, sql, types);
    }

    private static ClientMessage parseBind(MessageBody in) {
        String portal = in.readCString();
        String statement = in.readCString();
        short[] paramFormats = readFormats(in);
        int n = in.readCount(4);
        List<byte[]> params = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int len = in.readInt();
            if (len < -1) {
                throw new ProtocolViolation("invalid message format");
            }
            params.add(len == -1 ? null : in.readBytes(len));
        }
        if (paramFormats.length > 1 && paramFormats.length != n) {
            throw new ProtocolViolation("bind message has " + paramFormats.length
                    + " parameter formats but " + n + " parameters");
        }
        short[] resultFormats = readFormats(in);
        return new ClientMessage.Bind(portal, statement, paramFormats, params, resultFormats);
    }

    private static short[] readFormats(MessageBody in) {
        int n = in.readCount(2);
        short[] formats = new short[n];
        for (int i = 0; i < n; i++) {
            short f = in.readShort();
            if (f != 0 && f != 1) {
                throw new ProtocolViolation("unsupported format code: " + f);
            }
            formats[i] = f;
        }
        return formats;
    }
}
