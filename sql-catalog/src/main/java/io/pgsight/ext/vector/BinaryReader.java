package io.pgsight.ext.vector;

import io.pgsight.sql.api.SqlException;

/** Big-endian reads over a binary parameter, failing the way pq_getmsg* does on short input. */
final class BinaryReader {
    private final byte[] data;
    private int pos;

    BinaryReader(byte[] data) {
        this.data = data;
    }

    private void need(int n) {
        if (pos + n > data.length) {
            throw new SqlException("08P01", "insufficient data left in message");
        }
    }

    int uint16() {
        need(2);
        int v = ((data[pos] & 0xff) << 8) | (data[pos + 1] & 0xff);
        pos += 2;
        return v;
    }

    int int16() {
        return (short) uint16();
    }

    int int32() {
        need(4);
        int v = ((data[pos] & 0xff) << 24) | ((data[pos + 1] & 0xff) << 16) | ((data[pos + 2] & 0xff) << 8)
                | (data[pos + 3] & 0xff);
        pos += 4;
        return v;
    }

    float float32() {
        return Float.intBitsToFloat(int32());
    }
}
