package io.pgsight.pgwire.backend;

import java.util.Map;

/** What the client said in its StartupMessage, plus where it came from. */
public record StartupParams(String user, String database, Map<String, String> options, String remoteAddress) {
    public StartupParams {
        options = Map.copyOf(options);
    }
}
