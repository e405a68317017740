package io.pgsight.bench;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Command-line options of {@link VectorBench}. A null host means: start an embedded server. */
record BenchOptions(String dataset, int rows, String host, int port, String user, String password,
                    List<String> indexes, int warmup, int queries) {

    static final String USAGE = """
            Usage: java -jar bench/target/pgsight-bench.jar [options]

            Loads a generated data set through COPY, builds indexes and measures KNN queries
            (recall@10 against exact brute force, QPS, p50/p99 latency) from one pgjdbc client.

              --dataset seed004|gauss128   data set (default gauss128)
              --rows N                     rows to generate (default: the data set's full size)
              --host H --port P            measure an external server (PostgreSQL + pgvector too);
                                           without --host an embedded pgsight is started (heap measured)
              --user U --password W        credentials for an external server (default postgres)
              --indexes hnsw,ivfflat       which indexes to build (default both)
              --warmup N                   warm-up queries before measuring each setting, cycling
                                           through the query set (default 2000: JIT steady state)
              --queries N                  measured queries per setting, cycling through the query
                                           set (default: the larger of the set's size and 2000)
            """;

    static BenchOptions parse(String[] args) {
        Map<String, String> o = BenchCommand.options(args, Set.of("--dataset", "--rows", "--host", "--port",
                "--user", "--password", "--indexes", "--warmup", "--queries"));
        if (o == null) {
            return null;
        }
        String dataset = o.getOrDefault("--dataset", "gauss128");
        if (!dataset.equals("seed004") && !dataset.equals("gauss128")) {
            throw new IllegalArgumentException("unknown data set " + dataset);
        }
        List<String> indexes = o.containsKey("--indexes") ? List.of(o.get("--indexes").split(","))
                : List.of("hnsw", "ivfflat");
        return new BenchOptions(dataset, BenchCommand.intOption(o, "--rows", -1), o.get("--host"),
                BenchCommand.intOption(o, "--port", 5432), o.getOrDefault("--user", "postgres"), o.get("--password"),
                indexes, BenchCommand.intOption(o, "--warmup", 2000), BenchCommand.intOption(o, "--queries", -1));
    }
}
