package io.pgsight.ext.pase;

import io.pgsight.ext.vector.RelOptions;
import java.util.Map;
import java.util.Set;

/** WITH (...) options of pase_hnsw and pase_ivfflat: names, defaults and ranges of pase's reloptions. */
final class PaseOptions {
    private PaseOptions() {
    }

    record Hnsw(int dim, int baseNbNum, int efBuild, int efSearch, boolean base64) {
        static Hnsw parse(Map<String, String> with) {
            RelOptions r = new RelOptions(with, Set.of("dim", "base_nb_num", "ef_build", "ef_search", "base64_encoded"));
            return new Hnsw(r.integer("dim", 256, 8, 512), r.integer("base_nb_num", 16, 5, 64),
                    r.integer("ef_build", 40, 10, 320), r.integer("ef_search", 50, 10, 400),
                    r.integer("base64_encoded", 0, 0, 1) == 1);
        }
    }

    /** {@code given} is false when CREATE INDEX had no WITH clause (pase then refuses to build). */
    record IvfFlat(boolean given, int clusteringType, int distanceType, int dimension, boolean openOmp,
                   int ompThreadNum, boolean base64, String clusteringParams) {
        static IvfFlat parse(Map<String, String> with) {
            RelOptions r = new RelOptions(with, Set.of("clustering_type", "distance_type", "dimension", "open_omp",
                    "omp_thread_num", "base64_encoded", "clustering_params"));
            int cores = Runtime.getRuntime().availableProcessors();
            return new IvfFlat(!with.isEmpty(), r.integer("clustering_type", 0, 0, 1),
                    r.integer("distance_type", 0, 0, 2), r.integer("dimension", with.isEmpty() ? 256 : 1, 1, 1024),
                    r.integer("open_omp", 0, 0, 1) == 1, r.integer("omp_thread_num", 0, 1, cores),
                    r.integer("base64_encoded", 0, 0, 1) == 1, r.string("clustering_params", ""));
        }
    }
}
