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
}
