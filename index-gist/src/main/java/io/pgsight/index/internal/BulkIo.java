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

    /** Moves {@code count} elements starting at element {@code from} between the array and the buffer. */
    private interface Move {
        void apply(ByteBuffer buffer, int from, int count);
    }

    public static void writeFloats(DataOutput out, float[] values, int offset, int length) throws IOException {
        write(out, length, Float.BYTES, (b, from, n) -> b.asFloatBuffer().put(values, offset + from, n));
    }

    public static void readFloats(DataInput in, float[] values, int offset, int length) throws IOException {
        read(in, length, Float.BYTES, (b, from, n) -> b.asFloatBuffer().get(values, offset + from, n));
    }

    public static void writeInts(DataOutput out, int[] values, int offset, int length) throws IOException {
        write(out, length, Integer.BYTES, (b, from, n) -> b.asIntBuffer().put(values, offset + from, n));
    }

    public static void readInts(DataInput in, int[] values, int offset, int length) throws IOException {
        read(in, length, Integer.BYTES, (b, from, n) -> b.asIntBuffer().get(values, offset + from, n));
    }

    public static void writeLongs(DataOutput out, long[] values, int offset, int length) throws IOException {
        write(out, length, Long.BYTES, (b, from, n) -> b.asLongBuffer().put(values, offset + from, n));
    }

    public static void readLongs(DataInput in, long[] values, int offset, int length) throws IOException {
        read(in, length, Long.BYTES, (b, from, n) -> b.asLongBuffer().get(values, offset + from, n));
    }

    private static void write(DataOutput out, int length, int width, Move fill) throws IOException {
        ByteBuffer buffer = buffer(length, width);
        int perChunk = buffer.capacity() / width;
        for (int done = 0; done < length; done += perChunk) {
            int count = Math.min(perChunk, length - done);
            buffer.clear();
            fill.apply(buffer, done, count);
            out.write(buffer.array(), 0, count * width);
        }
    }

    private static void read(DataInput in, int length, int width, Move drain) throws IOException {
        ByteBuffer buffer = buffer(length, width);
        int perChunk = buffer.capacity() / width;
        for (int done = 0; done < length; done += perChunk) {
            int count = Math.min(perChunk, length - done);
            in.readFully(buffer.array(), 0, count * width);
            buffer.clear();
            drain.apply(buffer, done, count);
        }
    }

    private static ByteBuffer buffer(int length, int width) {
        int bytes = (int) Math.min(CHUNK, Math.max(width, (long) length * width));
        return ByteBuffer.allocate(bytes).order(ByteOrder.BIG_ENDIAN);
    }
}
