package io.pgsight.sql.spi;

import java.util.Map;

/** The behaviour behind CREATE INDEX ... USING name. */
public interface IndexAccessMethod {
    /**
     * Validates WITH (...) options (keys lower-cased, values as written) and returns an immutable
     * options object; unknown or out-of-range options throw PostgreSQL's errors.
     */
    Object parseOptions(Map<String, String> options);

    /** Builds an index over the rows the context supplies. */
    IndexInstance build(IndexBuildContext context);
}
