package io.pgsight.index;

/**
 * A build input the index cannot work with (bad clustering parameters, unreadable centroid file,
 * wrong dimensions). The message is worded for the end user; the SQL layer chooses the SQLSTATE.
 */
public final class IndexBuildException extends RuntimeException {
    public IndexBuildException(String message) {
        super(message);
    }
}
