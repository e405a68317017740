package io.pgsight.index.internal;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Arrays to and from a {@link DataOutput} / {@link DataInput} in big-endian order (what
 * writeFloat/writeLong produce, so either side may use the per-element methods), but moved
 * through a 64 KiB byte buffer: one write or readFully per buffer instead of one call per byte.
 */
public final class BulkIo {
    private static final int CHUNK = 1 << 16;

    private BulkIo() {
    }

    public static void writeFloats(DataOutput out, float[] values, int offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(Math.min(CHUNK, Math.max(4, length * 4))).order(ByteOrder.BIG_ENDIAN);
        int perChunk = buffer.capacity() / 4;
        for (int done = 0; done < length; ) {
            int count = Math.min(perChunk, length - done);
            buffer.clear();
            buffer.asFloatBuffer().put(values, offset + done, count);
            out.write(buffer.array(), 0, count * 4);
            done += count;
        }
    }

    public static void readFloats(DataInput in, float[] values, int offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(Math.min(CHUNK, Math.max(4, length * 4))).order(ByteOrder.BIG_ENDIAN);
        int perChunk = buffer.capacity() / 4;
        for (int done = 0; done < length; ) {
            int count = Math.min(perChunk, length - done);
            in.readFully(buffer.array(), 0, count * 4);
            buffer.clear();
            buffer.asFloatBuffer().get(values, offset + done, count);
            done += count;
        }
    }

    public static void writeInts(DataOutput out, int[] values, int offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(Math.min(CHUNK, Math.max(4, length * 4))).order(ByteOrder.BIG_ENDIAN);
        int perChunk = buffer.capacity() / 4;
        for (int done = 0; done < length; ) {
            int count = Math.min(perChunk, length - done);
            buffer.clear();
            buffer.asIntBuffer().put(values, offset + done, count);
            out.write(buffer.array(), 0, count * 4);
            done += count;
        }
    }

    public static void readInts(DataInput in, int[] values, int offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(Math.min(CHUNK, Math.max(4, length * 4))).order(ByteOrder.BIG_ENDIAN);
        int perChunk = buffer.capacity() / 4;
        for (int done = 0; done < length; ) {
            int count = Math.min(perChunk, length - done);
            in.readFully(buffer.array(), 0, count * 4);
            buffer.clear();
            buffer.asIntBuffer().get(values, offset + done, count);
            done += count;
        }
    }

    public static void writeLongs(DataOutput out, long[] values, int offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(Math.min(CHUNK, Math.max(8, length * 8))).order(ByteOrder.BIG_ENDIAN);
        int perChunk = buffer.capacity() / 8;
        for (int done = 0; done < length; ) {
            int count = Math.min(perChunk, length - done);
            buffer.clear();
            buffer.asLongBuffer().put(values, offset + done, count);
            out.write(buffer.array(), 0, count * 8);
            done += count;
        }
    }

    public static void readLongs(DataInput in, long[] values, int offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(Math.min(CHUNK, Math.max(8, length * 8))).order(ByteOrder.BIG_ENDIAN);
        int perChunk = buffer.capacity() / 8;
        for (int done = 0; done < length; ) {
            int count = Math.min(perChunk, length - done);
            in.readFully(buffer.array(), 0, count * 8);
            buffer.clear();
            buffer.asLongBuffer().get(values, offset + done, count);
            done += count;
        }
    }
}
