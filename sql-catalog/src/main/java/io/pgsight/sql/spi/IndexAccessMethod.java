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

    /**
     * Recreates an index from what {@link IndexInstance#writeSnapshot} wrote, for the same definition
     * ({@code context} as for {@link #build}, but {@link IndexBuildContext#forEachRow} must not be used:
     * rows changed since the image are applied afterwards through insert/remove). Throws IOException
     * when the image is unreadable; the engine then rebuilds the index from the rows.
     */
    default IndexInstance restore(IndexBuildContext context, java.io.DataInput in) throws java.io.IOException {
        throw new java.io.IOException(getClass().getSimpleName() + " cannot restore snapshots");
    }
}
