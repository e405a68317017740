package io.pgsight.sql.spi;

/** A built-in extension, installed into a database by CREATE EXTENSION. */
public interface Extension {
    /** The name in CREATE EXTENSION, e.g. {@code vector}. */
    String name();

    /** The version reported in pg_extension / \dx, e.g. {@code 0.8.6}. */
    String version();

    /** The description \dx shows. */
    String comment();

    /** Registers every object of the extension. Called once per CREATE EXTENSION. */
    void register(ExtensionRegistry registry);

    /**
     * SQL statements the engine runs, in order, right after {@link #register} within the same
     * CREATE EXTENSION (e.g. PL/pgSQL helper functions an extension ships as SQL). Empty by default.
     */
    default java.util.List<String> sqlScript() {
        return java.util.List.of();
    }
}
