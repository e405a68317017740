package io.pgsight.sql.api;

import java.util.Map;

/**
 * Start-up configuration: initial values of settings by their PostgreSQL names (e.g.
 * {@code max_connections}, {@code pgsight.file_read_root}, {@code imgsmlr.resampler}) and an optional
 * data directory (null = in memory).
 */
public record EngineConfig(Map<String, String> settings, String dataDirectory) {
    public EngineConfig {
        settings = Map.copyOf(settings);
    }

    public static EngineConfig inMemory() {
        return new EngineConfig(Map.of(), null);
    }
}
