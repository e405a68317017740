package io.pgsight.sql.settings;

/** The default of pgsight.max_statement_mem: a quarter of the heap the JVM may grow to, at least 64MB. */
final class StatementMemoryDefault {
    private StatementMemoryDefault() {
    }

    static String shown() {
        long kb = Math.max(64L << 10, Runtime.getRuntime().maxMemory() / 4 / 1024);
        kb = Math.min(kb, Integer.MAX_VALUE);
        return (kb % 1024 == 0 ? (kb / 1024) + "MB" : kb + "kB");
    }
}
