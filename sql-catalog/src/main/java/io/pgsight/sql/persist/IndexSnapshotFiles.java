package io.pgsight.sql.persist;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.FileOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * Index images in {@code <datadir>/index-snapshots/}, one file per index per checkpoint:
 * {@code magic, header, body, nextRowId, crc32, end magic}. The body is the access method's own
 * format; the CRC covers everything before it, so a torn or damaged file is refused as a whole.
 * Files are written to a temporary name, forced and renamed, and named after their checkpoint id
 * so images of another checkpoint are never taken for this one's.
 */
public final class IndexSnapshotFiles {
    static final String DIR = "index-snapshots";
    private static final byte[] MAGIC = "PGSIDX01".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "PGSIDXOK".getBytes(StandardCharsets.US_ASCII);
    private static final int TRAILER = 8 + 4 + END.length;

    /** Which index an image holds, as the catalog names it at the checkpoint. */
    public record Key(String database, String schema, String table, String index, String accessMethod) {
    }

    /** Writes an index's body; returns nothing, throws when the index cannot be written. */
    @FunctionalInterface
    public interface BodyWriter {
        void write(DataOutput out) throws IOException;
    }

    /** Reads a body back into an index. */
    @FunctionalInterface
    public interface BodyReader<T> {
        T read(DataInput in) throws IOException;
    }

    /** A restored index and the row-id bound its image was taken under (every id in it is below). */
    public record Restored<T>(T index, long nextRowId) {
    }

    private final Path dir;

    public IndexSnapshotFiles(Path dataDir) {
        this.dir = dataDir.resolve(DIR);
    }

    private static String prefix(long checkpointId) {
        return Long.toHexString(checkpointId) + "-";
    }

    /**
     * Writes the image of one index for {@code checkpointId}; {@code nextRowId} is asked after the body
     * is written, so it bounds every row id the body holds. Returns the file's size.
     */
    public long write(long checkpointId, int number, Key key, BodyWriter body, java.util.function.LongSupplier nextRowId)
            throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(prefix(checkpointId) + number + ".idx");
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        // a stream, not a channel: an interrupt (shutdown of the checkpointer) must not abort the write
        try (FileOutputStream stream = new FileOutputStream(tmp.toFile())) {
            OutputStream raw = new BufferedOutputStream(stream, 1 << 16);
            CRC32 crc = new CRC32();
            DataOutputStream out = new DataOutputStream(new CheckedOutputStream(raw, crc));
            out.write(MAGIC);
            out.writeLong(checkpointId);
            out.writeUTF(key.database());
            out.writeUTF(key.schema());
            out.writeUTF(key.table());
            out.writeUTF(key.index());
            out.writeUTF(key.accessMethod());
            body.write(out);
            out.writeLong(nextRowId.getAsLong());
            out.flush();
            DataOutputStream trailer = new DataOutputStream(raw);
            trailer.writeInt((int) crc.getValue());
            trailer.write(END);
            trailer.flush();
            stream.getFD().sync();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        WriteAheadLog.forceDirectory(dir);
        return Files.size(file);
    }

    /** The images written for {@code checkpointId}, by index (files whose header cannot be read are left out). */
    public Map<Key, Path> find(long checkpointId) {
        Map<Key, Path> out = new HashMap<>();
        if (checkpointId == 0 || !Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, prefix(checkpointId) + "*.idx")) {
            for (Path f : files) {
                try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(f), 4096))) {
                    Key k = readHeader(in, checkpointId);
                    if (k != null) {
                        out.put(k, f);
                    }
                } catch (IOException e) {
                    // unreadable header: the index is rebuilt
                }
            }
        } catch (IOException e) {
            // no usable images: every index is rebuilt
        }
        return out;
    }

    private static Key readHeader(DataInputStream in, long checkpointId) throws IOException {
        byte[] magic = new byte[MAGIC.length];
        in.readFully(magic);
        if (!Arrays.equals(magic, MAGIC) || in.readLong() != checkpointId) {
            return null;
        }
        return new Key(in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF());
    }

    /**
     * Reads an image back. Throws IOException when the file is not whole (size, checksum, end marker)
     * or the body reader fails or leaves bytes unread; {@code progress} gets the bytes read so far.
     */
    public <T> Restored<T> read(Path file, long checkpointId, Key key, BodyReader<T> body, LongConsumer progress)
            throws IOException {
        long size = Files.size(file);
        if (size < MAGIC.length + TRAILER) {
            throw new IOException("index image \"" + file + "\" is truncated");
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            CRC32 crc = new CRC32();
            CountingInput counted = new CountingInput(raw, size - TRAILER + 8, progress);
            DataInputStream in = new DataInputStream(new CheckedInputStream(counted, crc));
            if (!key.equals(readHeader(in, checkpointId))) {
                throw new IOException("index image \"" + file + "\" belongs to another index or checkpoint");
            }
            counted.limit -= 8; // the body ends where nextRowId begins
            T index = body.read(in);
            if (counted.read != counted.limit) {
                throw new IOException("index image \"" + file + "\": body ends at byte " + counted.read + " of "
                        + counted.limit);
            }
            counted.limit += 8;
            long nextRowId = in.readLong();
            DataInputStream tail = new DataInputStream(raw);
            int stored = tail.readInt();
            byte[] end = new byte[END.length];
            tail.readFully(end);
            if (stored != (int) crc.getValue() || !Arrays.equals(end, END)) {
                throw new IOException("index image \"" + file + "\" has a bad checksum");
            }
            return new Restored<>(index, nextRowId);
        } catch (EOFException e) {
            throw new IOException("index image \"" + file + "\" is truncated", e);
        } catch (RuntimeException e) {
            // a reader that trips over damaged bytes (negative sizes, bad ids) must not stop start-up
            throw new IOException("index image \"" + file + "\" is unreadable: " + e, e);
        }
    }

    /** Deletes images of every checkpoint but {@code keep}, and leftovers of interrupted writes. */
    public void removeAllBut(long keep) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        String kept = prefix(keep);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (!name.startsWith(kept) || name.endsWith(".tmp")) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            // stale images are ignored at start-up anyway
        }
    }

    /** Counts bytes and ends at {@code limit}, so a body reader cannot run into the trailer. */
    private static final class CountingInput extends FilterInputStream {
        long read;
        long limit;
        private final LongConsumer progress;
        private long reported;

        CountingInput(InputStream in, long limit, LongConsumer progress) {
            super(in);
            this.limit = limit;
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            if (read >= limit) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                advance(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (read >= limit) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, limit - read));
            if (n > 0) {
                advance(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(Math.min(n, limit - read));
            advance(s);
            return s;
        }

        private void advance(long n) {
            read += n;
            if (read - reported >= (16 << 20)) {
                reported = read;
                progress.accept(read);
            }
        }
    }
}
