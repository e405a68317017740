package io.pgsight.pgwire.protocol;

import io.netty.buffer.ByteBuf;
import io.pgsight.pgwire.backend.ColumnDescription;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Encoders for backend messages; each appends one complete message to {@code out}. */
public final class BackendMessages {
    private BackendMessages() {
    }

    public static void authenticationOk(ByteBuf out) {
        authentication(out, 0, null);
    }

    public static void authenticationCleartextPassword(ByteBuf out) {
        authentication(out, 3, null);
    }

    public static void authenticationMd5Password(ByteBuf out, byte[] salt) {
        authentication(out, 5, salt);
    }

    /** AuthenticationSASL with the offered mechanisms. */
    public static void authenticationSasl(ByteBuf out, List<String> mechanisms) {
        int start = begin(out, 'R');
        out.writeInt(10);
        for (String m : mechanisms) {
            writeCString(out, m);
        }
        out.writeByte(0);
        end(out, start);
    }

    public static void authenticationSaslContinue(ByteBuf out, byte[] data) {
        authentication(out, 11, data);
    }

    public static void authenticationSaslFinal(ByteBuf out, byte[] data) {
        authentication(out, 12, data);
    }

    private static void authentication(ByteBuf out, int code, byte[] extra) {
        int start = begin(out, 'R');
        out.writeInt(code);
        if (extra != null) {
            out.writeBytes(extra);
        }
        end(out, start);
    }

    public static void parameterStatus(ByteBuf out, String name, String value) {
        int start = begin(out, 'S');
        writeCString(out, name);
        writeCString(out, value);
        end(out, start);
    }

    public static void backendKeyData(ByteBuf out, int processId, int secretKey) {
        int start = begin(out, 'K');
        out.writeInt(processId);
        out.writeInt(secretKey);
        end(out, start);
    }

    public static void negotiateProtocolVersion(ByteBuf out, int newestMinor, List<String> unrecognizedOptions) {
        int start = begin(out, 'v');
        out.writeInt(newestMinor);
        out.writeInt(unrecognizedOptions.size());
        for (String option : unrecognizedOptions) {
            writeCString(out, option);
        }
        end(out, start);
    }

    public static void readyForQuery(ByteBuf out, char transactionStatus) {
        int start = begin(out, 'Z');
        out.writeByte(transactionStatus);
        end(out, start);
    }

    public static void rowDescription(ByteBuf out, List<ColumnDescription> columns) {
        int start = begin(out, 'T');
        out.writeShort(columns.size());
        for (ColumnDescription c : columns) {
            writeCString(out, c.name());
            out.writeInt(c.tableOid());
            out.writeShort(c.columnAttribute());
            out.writeInt(c.typeOid());
            out.writeShort(c.typeSize());
            out.writeInt(c.typeModifier());
            out.writeShort(c.formatCode());
        }
        end(out, start);
    }

    public static void dataRow(ByteBuf out, byte[][] values) {
        int start = begin(out, 'D');
        out.writeShort(values.length);
        for (byte[] v : values) {
            if (v == null) {
                out.writeInt(-1);
            } else {
                out.writeInt(v.length);
                out.writeBytes(v);
            }
        }
        end(out, start);
    }

    public static void commandComplete(ByteBuf out, String tag) {
        int start = begin(out, 'C');
        writeCString(out, tag);
        end(out, start);
    }

    public static void emptyQueryResponse(ByteBuf out) {
        empty(out, 'I');
    }

    public static void parseComplete(ByteBuf out) {
        empty(out, '1');
    }

    public static void bindComplete(ByteBuf out) {
        empty(out, '2');
    }

    public static void closeComplete(ByteBuf out) {
        empty(out, '3');
    }

    public static void noData(ByteBuf out) {
        empty(out, 'n');
    }

    public static void portalSuspended(ByteBuf out) {
        empty(out, 's');
    }

    public static void copyDone(ByteBuf out) {
        empty(out, 'c');
    }

    public static void parameterDescription(ByteBuf out, int[] typeOids) {
        int start = begin(out, 't');
        out.writeShort(typeOids.length);
        for (int oid : typeOids) {
            out.writeInt(oid);
        }
        end(out, start);
    }

    /** ErrorResponse ('E') or NoticeResponse ('N') with the fields in map order. */
    public static void errorOrNotice(ByteBuf out, boolean error, Map<Character, String> fields) {
        int start = begin(out, error ? 'E' : 'N');
        for (Map.Entry<Character, String> f : fields.entrySet()) {
            if (f.getValue() == null) {
                continue;
            }
            out.writeByte(f.getKey());
            writeCString(out, f.getValue());
        }
        out.writeByte(0);
        end(out, start);
    }

    /** CopyInResponse ('G') or CopyOutResponse ('H'): overall format and per-column formats. */
    public static void copyResponse(ByteBuf out, boolean in, boolean binary, int columnCount) {
        int start = begin(out, in ? 'G' : 'H');
        out.writeByte(binary ? 1 : 0);
        out.writeShort(columnCount);
        for (int i = 0; i < columnCount; i++) {
            out.writeShort(binary ? 1 : 0);
        }
        end(out, start);
    }

    public static void copyData(ByteBuf out, byte[] data, int offset, int length) {
        out.writeByte('d');
        out.writeInt(length + 4);
        out.writeBytes(data, offset, length);
    }

    private static void empty(ByteBuf out, char type) {
        out.writeByte(type);
        out.writeInt(4);
    }

    private static int begin(ByteBuf out, char type) {
        out.writeByte(type);
        int start = out.writerIndex();
        out.writeInt(0);
        return start;
    }

    private static void end(ByteBuf out, int lengthIndex) {
        out.setInt(lengthIndex, out.writerIndex() - lengthIndex);
    }

    private static void writeCString(ByteBuf out, String s) {
        // NUL cannot be sent inside a C string; PostgreSQL never produces one in these fields.
        out.writeCharSequence(s.indexOf('\0') >= 0 ? s.replace("\0", "") : s, StandardCharsets.UTF_8);
        out.writeByte(0);
    }
}
