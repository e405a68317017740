package io.pgsight.sql.engine;

import io.pgsight.sql.api.Engine;
import io.pgsight.sql.api.EngineConfig;
import io.pgsight.sql.api.EngineProvider;

/** ServiceLoader entry for the in-memory engine. */
public final class EngineProviderImpl implements EngineProvider {
    @Override
    public Engine create(EngineConfig config) {
        return new EngineImpl(config);
    }
}
