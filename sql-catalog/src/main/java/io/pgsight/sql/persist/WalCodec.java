package io.pgsight.sql.persist;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Binary form of {@link WalRecord}s: a kind byte, then length-prefixed UTF-8 strings and numbers. */
final class WalCodec {
    private static final byte DDL = 1;
    private static final byte SEQUENCE = 2;
    private static final byte COMMIT = 3;
    private static final byte CHECKPOINT_END = 4;
    private static final byte CHECKPOINT_START = 5;

    private WalCodec() {
    }

    static byte[] encode(WalRecord r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            if (r instanceof WalRecord.Ddl d) {
                out.writeByte(DDL);
                text(out, d.database());
                text(out, d.user());
                text(out, d.searchPath());
                text(out, d.sql());
                out.writeBoolean(d.discardRows());
            } else if (r instanceof WalRecord.SequenceValue s) {
                out.writeByte(SEQUENCE);
                text(out, s.database());
                text(out, s.schema());
                text(out, s.name());
                out.writeLong(s.last());
                out.writeBoolean(s.called());
            } else if (r instanceof WalRecord.Commit c) {
                out.writeByte(COMMIT);
                out.writeBoolean(c.more());
                out.writeInt(c.changes().size());
                for (WalRecord.RowChange ch : c.changes()) {
                    out.writeBoolean(ch.insert());
                    text(out, ch.database());
                    text(out, ch.schema());
                    text(out, ch.table());
                    out.writeLong(ch.rowId());
                    if (ch.insert()) {
                        out.writeInt(ch.encodedValues().length);
                        out.write(ch.encodedValues());
                    }
                }
            } else if (r instanceof WalRecord.CheckpointStart c) {
                out.writeByte(CHECKPOINT_START);
                out.writeLong(c.id());
            } else if (r instanceof WalRecord.CheckpointEnd c) {
                out.writeByte(CHECKPOINT_END);
                out.writeLong(c.id());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static WalRecord decode(DataInputStream in) throws IOException {
        byte kind = in.readByte();
        return switch (kind) {
            case DDL -> new WalRecord.Ddl(text(in), text(in), text(in), text(in), in.readBoolean());
            case SEQUENCE -> new WalRecord.SequenceValue(text(in), text(in), text(in), in.readLong(), in.readBoolean());
            case COMMIT -> {
                boolean more = in.readBoolean();
                int n = in.readInt();
                List<WalRecord.RowChange> changes = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    boolean insert = in.readBoolean();
                    String db = text(in);
                    String schema = text(in);
                    String table = text(in);
                    long rowId = in.readLong();
                    byte[] values = null;
                    if (insert) {
                        values = new byte[in.readInt()];
                        in.readFully(values);
                    }
                    changes.add(new WalRecord.RowChange(insert, db, schema, table, rowId, values));
                }
                yield new WalRecord.Commit(changes, more);
            }
            case CHECKPOINT_END -> new WalRecord.CheckpointEnd(checkpointId(in));
            case CHECKPOINT_START -> new WalRecord.CheckpointStart(checkpointId(in));
            default -> throw new IOException("unknown log record kind " + kind);
        };
    }

    /** Logs written before checkpoints had ids end their markers after the kind byte. */
    private static long checkpointId(DataInputStream in) throws IOException {
        return in.available() >= 8 ? in.readLong() : 0;
    }

    static void text(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String text(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
