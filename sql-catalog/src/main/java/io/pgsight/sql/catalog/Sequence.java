package io.pgsight.sql.catalog;

import io.pgsight.sql.api.SqlException;

/**
 * A sequence: non-transactional counter, as in PostgreSQL (nextval is never rolled back).
 * Synchronised per sequence, never globally.
 */
public final class Sequence {
    private final int oid;
    private final String schema;
    private final String name;
    private final long increment;
    private final long min;
    private final long max;
    private final long start;
    private final boolean cycle;
    private final String dataType;
    private long last;
    private boolean called;
    /**
     * Values nextval may still hand out that the durable log already covers (PostgreSQL's log_cnt): the log
     * holds a state {@link #LOG_AHEAD} values ahead, so only every 32nd nextval writes a record.
     */
    private int logCount;
    /** Log position of that covering record (for the commit of a session that got a covered value). */
    private long logPosition;

    /** PostgreSQL's SEQ_LOG_VALS: after a crash the sequence resumes up to this many values further on. */
    public static final int LOG_AHEAD = 32;

    public Sequence(int oid, String schema, String name, String dataType, long start, long increment, long min, long max,
                    boolean cycle) {
        this.oid = oid;
        this.schema = schema;
        this.name = name;
        this.dataType = dataType;
        this.start = start;
        this.increment = increment;
        this.min = min;
        this.max = max;
        this.cycle = cycle;
        this.last = start;
    }

    public int oid() {
        return oid;
    }

    public String schema() {
        return schema;
    }

    public String name() {
        return name;
    }

    public String dataType() {
        return dataType;
    }

    /** {@code {last value, 1 if called}} read atomically, for the durable log. */
    public synchronized long[] state() {
        return new long[] {last, called ? 1 : 0};
    }

    public synchronized long next() {
        if (!called) {
            called = true;
            return last;
        }
        Long n = following(last);
        if (n == null) {
            throw new SqlException("2200H", "nextval: reached " + (increment > 0 ? "maximum" : "minimum")
                    + " value of sequence \"" + name + "\" (" + (increment > 0 ? max : min) + ")");
        }
        last = n;
        return n;
    }

    /** The value after {@code v}, wrapping when the sequence cycles; null past the end of one that does not. */
    private Long following(long v) {
        long n;
        try {
            n = Math.addExact(v, increment);
        } catch (ArithmeticException e) {
            n = increment > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        if (n > max || n < min) {
            if (!cycle) {
                return null;
            }
            n = increment > 0 ? min : max;
        }
        return n;
    }

    /**
     * nextval when the durable log already covers the value: {value, log position of the covering record};
     * null (nothing done) when a record must be written first ({@link #nextLogged}).
     */
    public synchronized long[] nextCovered() {
        if (logCount <= 0) {
            return null;
        }
        long v = next();
        logCount--;
        return new long[] {v, logPosition};
    }

    /**
     * nextval with a record to log: {value, last of the state to log}. The state is {@link #LOG_AHEAD} values
     * ahead (fewer at the end of a non-cycling sequence), so a restart from the log never repeats a value
     * handed out before the next record. The caller writes it while holding this sequence's lock and then
     * passes the record's position to {@link #logged}.
     */
    public synchronized long[] nextLogged() {
        long v = next();
        long ahead = last;
        int steps = 0;
        while (steps < LOG_AHEAD) {
            Long n = following(ahead);
            if (n == null) {
                break;
            }
            ahead = n;
            steps++;
        }
        logCount = steps;
        return new long[] {v, ahead};
    }

    public synchronized void logged(long position) {
        logPosition = position;
    }

    /** {@link #state()} for a checkpoint, which holds the exact value: the next nextval logs again. */
    public synchronized long[] checkpointState() {
        logCount = 0;
        return state();
    }

    public synchronized long setValue(long v, boolean isCalled) {
        if (v < min || v > max) {
            throw new SqlException("22003", "setval: value " + v + " is out of bounds for sequence \"" + name + "\" ("
                    + min + ".." + max + ")");
        }
        last = v;
        called = isCalled;
        logCount = 0;
        return v;
    }

    /** The same sequence back at its start, as a new object (TRUNCATE ... RESTART IDENTITY replaces the old one, which a rollback puts back). */
    public Sequence restarted() {
        return new Sequence(oid, schema, name, dataType, start, increment, min, max, cycle);
    }

    public synchronized void restart() {
        last = start;
        called = false;
        logCount = 0;
    }
}
