package io.pgsight.sql.api;

import java.util.ServiceLoader;

/** Finds the engine implementation on the class path. */
public final class Engines {
    private Engines() {
    }

    public static Engine create(EngineConfig config) {
        return ServiceLoader.load(EngineProvider.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no EngineProvider on the class path"))
                .create(config);
    }
}
