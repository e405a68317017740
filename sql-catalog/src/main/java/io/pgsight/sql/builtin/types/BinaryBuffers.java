package io.pgsight.sql.builtin.types;

import io.pgsight.sql.builtin.PgErrors;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/** Checks binary-format input lengths with PostgreSQL's messages. */
final class BinaryBuffers {
    private BinaryBuffers() {
    }

    static ByteBuffer exactly(byte[] data, int size) {
        if (data.length != size) {
            throw PgErrors.invalidBinary(data.length < size ? "insufficient data left in message"
                    : "incorrect binary data format");
        }
        return ByteBuffer.wrap(data);
    }

    static int getInt(ByteBuffer b) {
        try {
            return b.getInt();
        } catch (BufferUnderflowException e) {
            throw PgErrors.invalidBinary("insufficient data left in message");
        }
    }

    static short getShort(ByteBuffer b) {
        try {
            return b.getShort();
        } catch (BufferUnderflowException e) {
            throw PgErrors.invalidBinary("insufficient data left in message");
        }
    }
}
