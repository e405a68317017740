package io.pgsight.sql.persist;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An OS lock on {@code pgsight.lock} in the data directory (as PostgreSQL's postmaster.pid): two
 * servers writing one log would lose each other's commits. The OS drops the lock when the process dies.
 */
final class DirectoryLock {
    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DirectoryLock acquire(Path dir) {
        Path file = dir.resolve("pgsight.lock");
        FileChannel ch = null;
        try {
            Files.createDirectories(dir);
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l = ch.tryLock();
            if (l == null) {
                throw inUse(file);
            }
            return new DirectoryLock(ch, l);
        } catch (OverlappingFileLockException e) {
            close(ch);
            throw inUse(file);
        } catch (IOException e) {
            close(ch);
            throw new IllegalStateException("cannot lock data directory \"" + dir + "\": " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            close(ch);
            throw e;
        }
    }

    private static IllegalStateException inUse(Path file) {
        return new IllegalStateException("data directory is in use by another pgsight server (lock file \"" + file + "\")");
    }

    private static void close(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                // already failing
            }
        }
    }

    void release() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            channel.close();
        } catch (IOException e) {
            // the process exit releases it anyway
        }
    }
}
