package io.pgsight.sql.api;

/** Service-loader hook through which the engine implementation is found. */
public interface EngineProvider {
    Engine create(EngineConfig config);
}
