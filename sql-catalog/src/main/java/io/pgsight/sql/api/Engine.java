package io.pgsight.sql.api;

/** A running SQL engine: all databases, their catalogs and data. */
public interface Engine extends AutoCloseable {
    /**
     * Opens a session on {@code database} for {@code user}; {@code options} are startup options
     * (application_name, client_encoding, DateStyle, options="-c x=y" ...). Throws {@link SqlException}
     * (3D000 when the database does not exist).
     */
    EngineSession openSession(String user, String database, java.util.Map<String, String> options,
                              NoticeListener listener);

    /** Flushes and releases everything (clean shutdown). */
    @Override
    void close();
}
