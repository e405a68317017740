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
        long n;
        try {
            n = Math.addExact(last, increment);
        } catch (ArithmeticException e) {
            n = increment > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        if (n > max || n < min) {
            if (!cycle) {
                throw new SqlException("2200H", "nextval: reached " + (increment > 0 ? "maximum" : "minimum")
                        + " value of sequence \"" + name + "\" (" + (increment > 0 ? max : min) + ")");
            }
            n = increment > 0 ? min : max;
        }
        last = n;
        return n;
    }

    public synchronized long setValue(long v, boolean isCalled) {
        if (v < min || v > max) {
            throw new SqlException("22003", "setval: value " + v + " is out of bounds for sequence \"" + name + "\" ("
                    + min + ".." + max + ")");
        }
        last = v;
        called = isCalled;
        return v;
    }

    public synchronized void restart() {
        last = start;
        called = false;
    }
}
