package io.pgsight.sql.persist;

import io.pgsight.sql.catalog.Column;
import io.pgsight.sql.spi.PgType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A stored row's values in the log: each slot in its column type's binary send format (exact for
 * floats and timestamps, independent of session settings), or its text output when a type has no
 * binary form. Slots are those of {@code RowVersion.values()}: dropped columns keep theirs.
 */
public final class RowCodec {
    private static final byte NULL = 0;
    private static final byte BINARY = 1;
    private static final byte TEXT = 2;

    private RowCodec() {
    }

    public static byte[] encode(Object[] values, List<Column> columns) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + values.length * 8);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeShort(values.length);
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                if (v == null) {
                    out.writeByte(NULL);
                    continue;
                }
                PgType type = columns.get(i).type();
                byte[] b = null;
                try {
                    b = type.send(v);
                } catch (RuntimeException e) {
                    b = null;
                }
                if (b != null) {
                    out.writeByte(BINARY);
                    out.writeInt(b.length);
                    out.write(b);
                } else {
                    out.writeByte(TEXT);
                    WalCodec.text(out, type.output(v));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static Object[] decode(byte[] data, List<Column> columns) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            Object[] values = new Object[in.readShort()];
            for (int i = 0; i < values.length; i++) {
                byte kind = in.readByte();
                if (kind == NULL) {
                    continue;
                }
                Column c = columns.get(i);
                if (kind == BINARY) {
                    byte[] b = new byte[in.readInt()];
                    in.readFully(b);
                    values[i] = c.type().receive(b, c.typmod());
                } else {
                    values[i] = c.type().input(WalCodec.text(in), c.typmod());
                }
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
