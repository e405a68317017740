package io.pgsight.index.internal;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Bulk reads and writes of primitive arrays through {@link DataInput}/{@link DataOutput}, in their
 * big-endian byte order but a block at a time: one {@code write(byte[])} per 64 kB instead of one
 * call per element, which is what makes multi-hundred-megabyte index snapshots take seconds.
 * One instance per snapshot (it owns its buffer); not thread-safe.
 */
public final class PrimitiveArrayIo {
    private static final int BLOCK = 1 << 16;
    private final ByteBuffer buffer = ByteBuffer.allocate(BLOCK);

    public void writeFloats(DataOutput out, float[] a, int off, int len) throws IOException {
        int end = off + len;
        while (off < end) {
            int n = Math.min(end - off, BLOCK / 4);
            buffer.clear();
            buffer.asFloatBuffer().put(a, off, n);
            out.write(buffer.array(), 0, n * 4);
            off += n;
        }
    }

    public void writeInts(DataOutput out, int[] a, int off, int len) throws IOException {
        int end = off + len;
        while (off < end) {
            int n = Math.min(end - off, BLOCK / 4);
            buffer.clear();
            buffer.asIntBuffer().put(a, off, n);
            out.write(buffer.array(), 0, n * 4);
            off += n;
        }
    }

    public void writeLongs(DataOutput out, long[] a, int off, int len) throws IOException {
        int end = off + len;
        while (off < end) {
            int n = Math.min(end - off, BLOCK / 8);
            buffer.clear();
            buffer.asLongBuffer().put(a, off, n);
            out.write(buffer.array(), 0, n * 8);
            off += n;
        }
    }

    public void readFloats(DataInput in, float[] a, int off, int len) throws IOException {
        int end = off + len;
        while (off < end) {
            int n = Math.min(end - off, BLOCK / 4);
            in.readFully(buffer.array(), 0, n * 4);
            buffer.clear();
            buffer.asFloatBuffer().get(a, off, n);
            off += n;
        }
    }

    public void readInts(DataInput in, int[] a, int off, int len) throws IOException {
        int end = off + len;
        while (off < end) {
            int n = Math.min(end - off, BLOCK / 4);
            in.readFully(buffer.array(), 0, n * 4);
            buffer.clear();
            buffer.asIntBuffer().get(a, off, n);
            off += n;
        }
    }

    public void readLongs(DataInput in, long[] a, int off, int len) throws IOException {
        int end = off + len;
        while (off < end) {
            int n = Math.min(end - off, BLOCK / 8);
            in.readFully(buffer.array(), 0, n * 8);
            buffer.clear();
            buffer.asLongBuffer().get(a, off, n);
            off += n;
        }
    }
}
