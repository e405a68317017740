package io.pgsight.sql.persist;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * An append-only file of framed records ({@code length, crc32, payload}) behind a magic header.
 * Appends go to the OS at once; {@link #sync} forces them to disk, and concurrent callers share one
 * force (group commit): whoever syncs covers everything written before it started.
 */
final class WriteAheadLog implements AutoCloseable {
    static final String FILE_NAME = "pgsight.wal";
    private static final byte[] MAGIC = "PGSIGHT1".getBytes(StandardCharsets.US_ASCII);

    private final Path dir;
    private final Object appendLock = new Object();
    private final Object syncLock = new Object();
    private FileChannel channel;
    private volatile long written;
    private volatile long durable;

    private WriteAheadLog(Path dir, FileChannel channel, long end) {
        this.dir = dir;
        this.channel = channel;
        this.written = end;
        this.durable = end;
    }

    /**
     * Opens (or creates) the log in {@code dir}, feeding every intact record to {@code replay}; a torn
     * tail left by a crash is cut off so new records follow the last intact one.
     */
    static WriteAheadLog open(Path dir, Consumer<WalRecord> replay, java.util.function.LongConsumer progress) throws IOException {
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve(FILE_NAME + ".tmp"));
        Path file = dir.resolve(FILE_NAME);
        if (!Files.exists(file) || Files.size(file) < MAGIC.length) {
            writeFresh(dir, file, channel -> { });
        }
        long end = MAGIC.length;
        long complete = end;
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IOException("\"" + file + "\" is not a pgsight write-ahead log");
            }
            while (true) {
                byte[] payload = readFrame(in);
                if (payload == null) {
                    break;
                }
                WalRecord r = WalCodec.decode(new DataInputStream(new ByteArrayInputStream(payload)));
                replay.accept(r);
                end += 8 + payload.length;
                if (!(r instanceof WalRecord.Commit c && c.more())) {
                    complete = end;
                }
                progress.accept(end);
            }
        }
        end = complete; // the parts of a transaction whose last record never made it are cut off too
        FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.READ);
        if (ch.size() > end) {
            ch.truncate(end);
            ch.force(true);
        }
        ch.position(end);
        return new WriteAheadLog(dir, ch, end);
    }

    /** The next frame's payload, or null at the end or at a torn/corrupt frame. */
    private static byte[] readFrame(DataInputStream in) throws IOException {
        try {
            int length = in.readInt();
            int crc = in.readInt();
            if (length < 0 || length > (1 << 30)) {
                return null;
            }
            byte[] payload = new byte[length];
            in.readFully(payload);
            CRC32 c = new CRC32();
            c.update(payload);
            return (int) c.getValue() == crc ? payload : null;
        } catch (EOFException e) {
            return null;
        }
    }

    private static ByteBuffer frame(byte[] payload) {
        CRC32 c = new CRC32();
        c.update(payload);
        ByteBuffer b = ByteBuffer.allocate(8 + payload.length);
        b.putInt(payload.length).putInt((int) c.getValue()).put(payload).flip();
        return b;
    }

    /** Appends one record; returns the log position just past it (to pass to {@link #sync}). */
    long append(WalRecord r) throws IOException {
        ByteBuffer b = frame(WalCodec.encode(r));
        synchronized (appendLock) {
            while (b.hasRemaining()) {
                channel.write(b);
            }
            written = channel.position();
            return written;
        }
    }

    /**
     * Appends records back to back, none of another writer's in between; they are produced (encoded)
     * one at a time so a huge transaction never sits in memory whole. Returns the position past the last.
     */
    long appendAll(java.util.Iterator<? extends WalRecord> records) throws IOException {
        synchronized (appendLock) {
            while (records.hasNext()) {
                ByteBuffer b = frame(WalCodec.encode(records.next()));
                while (b.hasRemaining()) {
                    channel.write(b);
                }
            }
            written = channel.position();
            return written;
        }
    }

    /** Returns once everything up to {@code position} is on disk. */
    void sync(long position) throws IOException {
        if (durable >= position) {
            return;
        }
        synchronized (syncLock) {
            if (durable >= position) {
                return;
            }
            long target = written;
            channel.force(false);
            durable = target;
        }
    }

    long size() {
        return written;
    }

    interface Writer {
        void write(FileChannel channel) throws IOException;
    }

    /**
     * Replaces the log with a new one written by {@code contents} (a checkpoint): written to a temporary
     * file, forced, then renamed over the old log, so a crash leaves either the old or the new log whole.
     * Callers must keep appenders out meanwhile.
     */
    void replace(Writer contents) throws IOException {
        synchronized (appendLock) {
            synchronized (syncLock) {
                Path file = dir.resolve(FILE_NAME);
                writeFresh(dir, file, contents);
                channel.close();
                channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.READ);
                long end = channel.size();
                channel.position(end);
                written = end;
                durable = end;
            }
        }
    }

    private static void writeFresh(Path dir, Path file, Writer contents) throws IOException {
        Path tmp = dir.resolve(FILE_NAME + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(MAGIC));
            contents.write(ch);
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory(dir);
    }

    static void forceDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // not every platform can open a directory; the rename is still atomic there
        }
    }

    /** Writes a framed record to a checkpoint being built. */
    static void writeRecord(FileChannel ch, WalRecord r) throws IOException {
        ByteBuffer b = frame(WalCodec.encode(r));
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    /** Closes the file without forcing it (a simulated crash: the OS still has what was written). */
    void abandon() {
        synchronized (appendLock) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing to keep
            }
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (appendLock) {
            synchronized (syncLock) {
                if (channel.isOpen()) {
                    channel.force(false);
                    channel.close();
                }
            }
        }
    }
}
