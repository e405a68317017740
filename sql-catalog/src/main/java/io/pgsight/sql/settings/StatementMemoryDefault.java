package io.pgsight.sql.settings;

/**
 * The default of pgsight.max_statement_mem: half the heap the JVM may grow to, at least 64MB. The rows
 * an operator holds often share their values with stored rows, which the estimate counts anyway.
 */
final class StatementMemoryDefault {
    private StatementMemoryDefault() {
    }

    static String shown() {
        long kb = Math.max(64L << 10, Runtime.getRuntime().maxMemory() / 2 / 1024);
        kb = Math.min(kb, Integer.MAX_VALUE);
        return (kb % 1024 == 0 ? (kb / 1024) + "MB" : kb + "kB");
    }
}
