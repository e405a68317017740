package io.pgsight.bench;

import java.util.ArrayList;
import java.util.List;

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
        String dataset = "gauss128";
        int rows = -1;
        String host = null;
        int port = 5432;
        String user = "postgres";
        String password = null;
        List<String> indexes = List.of("hnsw", "ivfflat");
        int warmup = 2000;
        int queries = -1;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help")) {
                return null;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + a + " needs a value");
            }
            String v = args[++i];
            switch (a) {
                case "--dataset" -> dataset = v;
                case "--rows" -> rows = Integer.parseInt(v);
                case "--host" -> host = v;
                case "--port" -> port = Integer.parseInt(v);
                case "--user" -> user = v;
                case "--password" -> password = v;
                case "--indexes" -> indexes = new ArrayList<>(List.of(v.split(",")));
                case "--warmup" -> warmup = Integer.parseInt(v);
                case "--queries" -> queries = Integer.parseInt(v);
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (!dataset.equals("seed004") && !dataset.equals("gauss128")) {
            throw new IllegalArgumentException("unknown data set " + dataset);
        }
        return new BenchOptions(dataset, rows, host, port, user, password, List.copyOf(indexes), warmup, queries);
    }
}
