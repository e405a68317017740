package io.pgsight.server;

import io.pgsight.sql.api.EngineProvider;

import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Tests that need the real SQL engine skip until one is on the class path. */
final class RealEngine {
    private RealEngine() {
    }

    static void assumePresent() {
        assumeTrue(ServiceLoader.load(EngineProvider.class).findFirst().isPresent(),
                "no EngineProvider on the class path (engine not merged yet): skipping");
    }
}
