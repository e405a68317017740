package io.pgsight.sql.persist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class WriteAheadLogTest {
    private static final WalRecord.Ddl DDL = new WalRecord.Ddl("postgres", "postgres", "public", "CREATE TABLE t (x int)", false);

    private static WalRecord.Commit commit(long rowId, boolean more) {
        return new WalRecord.Commit(List.of(new WalRecord.RowChange(true, "postgres", "public", "t", rowId, new byte[] {1, 2})),
                more);
    }

    private static List<WalRecord> reopen(Path dir) throws Exception {
        List<WalRecord> seen = new ArrayList<>();
        WriteAheadLog.open(dir, seen::add, p -> { }).abandon();
        return seen;
    }

    @Test
    void recordsRoundTripAndSyncCoversEarlierAppends(@TempDir Path dir) throws Exception {
        WriteAheadLog log = WriteAheadLog.open(dir, r -> { }, p -> { });
        log.append(DDL);
        log.append(new WalRecord.SequenceValue("postgres", "public", "s", 41, true));
        long end = log.append(commit(7, false));
        log.sync(end);
        log.sync(end - 1); // already durable: returns at once
        log.close();
        List<WalRecord> seen = reopen(dir);
        assertEquals(3, seen.size());
        assertEquals(DDL, seen.get(0));
        assertEquals(new WalRecord.SequenceValue("postgres", "public", "s", 41, true), seen.get(1));
        WalRecord.Commit c = assertInstanceOf(WalRecord.Commit.class, seen.get(2));
        assertEquals(7, c.changes().get(0).rowId());
        assertArrayEquals(new byte[] {1, 2}, c.changes().get(0).encodedValues());
    }

    @Test
    void aTransactionWhoseLastRecordIsMissingIsCutOff(@TempDir Path dir) throws Exception {
        WriteAheadLog log = WriteAheadLog.open(dir, r -> { }, p -> { });
        long afterDdl = log.append(DDL);
        log.appendAll(List.of(commit(1, true), commit(2, true)).iterator());
        log.abandon(); // crash before the last part
        assertEquals(3, reopen(dir).size()); // read, then cut: the store applies parts only with their last one
        assertEquals(afterDdl, Files.size(dir.resolve(WriteAheadLog.FILE_NAME)));
        WriteAheadLog again = WriteAheadLog.open(dir, r -> { }, p -> { });
        again.append(commit(3, false));
        again.close();
        List<WalRecord> seen = reopen(dir);
        assertEquals(2, seen.size());
        assertEquals(3, ((WalRecord.Commit) seen.get(1)).changes().get(0).rowId());
    }

    @Test
    void corruptTailIsIgnored(@TempDir Path dir) throws Exception {
        WriteAheadLog log = WriteAheadLog.open(dir, r -> { }, p -> { });
        long end = log.append(DDL);
        log.append(commit(1, false));
        log.close();
        Path file = dir.resolve(WriteAheadLog.FILE_NAME);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 0x55; // a flipped bit in the last record fails its CRC
        Files.write(file, bytes, StandardOpenOption.TRUNCATE_EXISTING);
        assertEquals(List.of(DDL), reopen(dir));
        assertEquals(end, Files.size(file));
    }
}
