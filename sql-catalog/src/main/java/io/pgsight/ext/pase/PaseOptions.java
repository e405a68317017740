package io.pgsight.ext.pase;

import io.pgsight.ext.vector.RelOptions;
import java.util.Map;
import io.pgsight.ext.vector.RelOptions.IntSpec;

/** WITH (...) options of pase_hnsw and pase_ivfflat: names, defaults and ranges of pase's reloptions. */
final class PaseOptions {
    private PaseOptions() {
    }

    record Hnsw(int dim, int baseNbNum, int efBuild, int efSearch, boolean base64) {
        static Hnsw parse(Map<String, String> with) {
            RelOptions r = new RelOptions(with, Map.of("dim", new IntSpec(256, 8, 512),
                    "base_nb_num", new IntSpec(16, 5, 64), "ef_build", new IntSpec(40, 10, 320),
                    "ef_search", new IntSpec(50, 10, 400), "base64_encoded", new IntSpec(0, 0, 1)));
            return new Hnsw(r.integer("dim"), r.integer("base_nb_num"), r.integer("ef_build"), r.integer("ef_search"),
                    r.integer("base64_encoded") == 1);
        }
    }

    /** {@code given} is false when CREATE INDEX had no WITH clause (pase then refuses to build). */
    record IvfFlat(boolean given, int clusteringType, int distanceType, int dimension, boolean openOmp,
                   int ompThreadNum, boolean base64, String clusteringParams) {
        static IvfFlat parse(Map<String, String> with) {
            int cores = Runtime.getRuntime().availableProcessors();
            RelOptions r = new RelOptions(with, Map.of("clustering_type", new IntSpec(0, 0, 1),
                    "distance_type", new IntSpec(0, 0, 2), "dimension", new IntSpec(with.isEmpty() ? 256 : 1, 1, 1024),
                    "open_omp", new IntSpec(0, 0, 1), "omp_thread_num", new IntSpec(0, 1, cores),
                    "base64_encoded", new IntSpec(0, 0, 1), "clustering_params", new RelOptions.StringSpec("")));
            return new IvfFlat(!with.isEmpty(), r.integer("clustering_type"), r.integer("distance_type"),
                    r.integer("dimension"), r.integer("open_omp") == 1, r.integer("omp_thread_num"),
                    r.integer("base64_encoded") == 1, r.string("clustering_params"));
        }
    }
}
