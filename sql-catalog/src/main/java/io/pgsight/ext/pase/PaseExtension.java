package io.pgsight.ext.pase;

import io.pgsight.sql.spi.Extension;
import io.pgsight.sql.spi.ExtensionRegistry;
import java.util.List;

/** Alibaba PASE 0.0.1: the pase query type, L2²/IP distances and the pase_hnsw / pase_ivfflat indexes. */
public final class PaseExtension implements Extension {
    @Override
    public String name() {
        return "pase";
    }

    @Override
    public String version() {
        return "0.0.1";
    }

    @Override
    public String comment() {
        return "ant ai similarity search";
    }

    @Override
    public void register(ExtensionRegistry registry) {
        registry.type(PaseType.INSTANCE);
        PaseFunctions.register(registry);
        PaseIndexes.register(registry);
    }

    /** pase's PL/pgSQL helpers, run by the engine after {@link #register}. */
    @Override
    public List<String> sqlScript() {
        return PaseHelperFunctions.STATEMENTS;
    }
}
