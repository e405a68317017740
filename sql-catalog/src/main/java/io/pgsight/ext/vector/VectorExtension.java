package io.pgsight.ext.vector;

import io.pgsight.sql.spi.Extension;
import io.pgsight.sql.spi.ExtensionRegistry;

/** pgvector 0.8.6: vector, halfvec, sparsevec, bit distances, ivfflat and hnsw. */
public final class VectorExtension implements Extension {
    @Override
    public String name() {
        return "vector";
    }

    @Override
    public String version() {
        return "0.8.6";
    }

    @Override
    public String comment() {
        return "vector data type and ivfflat and hnsw access methods";
    }

    @Override
    public void register(ExtensionRegistry registry) {
        registry.type(VectorType.INSTANCE);
        registry.type(HalfVecType.INSTANCE);
        registry.type(SparseVecType.INSTANCE);
        Registrar c = new Registrar(registry);
        VectorFunctions.register(c);
        HalfVecFunctions.register(c);
        SparseVecFunctions.register(c);
        BitFunctions.register(c);
        VectorAggregates.register(c);
        VectorCasts.register(registry);
        VectorSettings.register(registry);
        VectorIndexes.register(registry);
    }
}
