package io.pgsight.sql.exec;

import io.pgsight.sql.api.SqlException;

/**
 * The memory one statement holds in sorts, hash tables, aggregate inputs and other buffered rows,
 * counted against {@code pgsight.max_statement_mem}. pgsight does not spill to disk, so where
 * PostgreSQL would go to temporary files past work_mem, a statement that would pass this bound fails
 * with PostgreSQL's 53200 instead of exhausting the heap shared by every session. Counts only grow
 * during a statement (conservative: memory released by a finished sort is not credited back).
 * One per session; touched only by the thread running the session's statement.
 */
public final class StatementMemory {
    private long limit = Long.MAX_VALUE;
    private long used;

    /** Starts a statement's count. */
    public void reset(long limitBytes) {
        limit = limitBytes;
        used = 0;
    }

    public long used() {
        return used;
    }

    /** Gives back {@code bytes} an operator no longer holds. */
    public void release(long bytes) {
        used = Math.max(0, used - bytes);
    }

    /** Accounts {@code bytes} more; throws 53200 (the statement fails, the session goes on) past the bound. */
    public void reserve(long bytes) {
        used += bytes;
        if (used > limit) {
            long request = bytes;
            used = 0; // the failing statement's buffers are dropped with it
            throw outOfMemory(request, "ExecutorState");
        }
    }

    /** PostgreSQL's MaxAllocSize: no single value (text, bytea, array) reaches 1 GB. */
    public static final long MAX_ALLOC = 0x3fffffffL;

    /** A value of {@code size} bytes about to be made: PostgreSQL's palloc refuses past {@link #MAX_ALLOC}. */
    public static void checkAllocation(long size) {
        if (size > MAX_ALLOC) {
            throw new SqlException("XX000", "invalid memory alloc request size " + size);
        }
    }

    /** A string buffer of {@code length} bytes about to grow by {@code more} (string_agg): PostgreSQL's StringInfo limit. */
    public static void checkStringBuffer(long length, long more) {
        if (more >= MAX_ALLOC - length) {
            throw new SqlException("53200", "out of memory")
                    .withDetail("Cannot enlarge string buffer containing " + length + " bytes by " + more + " more bytes.");
        }
    }

    /** PostgreSQL's error for a failed allocation in a memory context. */
    public static SqlException outOfMemory(long request, String context) {
        return new SqlException("53200", "out of memory")
                .withDetail("Failed on request of size " + request + " in memory context \"" + context + "\".");
    }
}
