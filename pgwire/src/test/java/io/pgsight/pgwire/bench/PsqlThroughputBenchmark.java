package io.pgsight.pgwire.bench;

import io.pgsight.pgwire.testing.RunningTestServer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Not a test: a manual benchmark of bulk traffic through the wire layer with the real psql and the
 * scripted test backend: \copy of 500,000 lines in, 1,000,000 rows out.
 * Run: java -cp <test classpath> io.pgsight.pgwire.bench.PsqlThroughputBenchmark
 */
public final class PsqlThroughputBenchmark {
    private PsqlThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (RunningTestServer server = new RunningTestServer()) {
            Path file = Files.createTempFile("pgsight-copy", ".txt");
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < 500_000; i++) {
                lines.append("name-").append(i).append('\n');
            }
            Files.writeString(file, lines);
            long t = System.nanoTime();
            String out = psql(server, "\\copy items (name) from '" + file + "'");
            System.out.printf("%s: %d bytes in %.0f ms (psql start included)%n", out.strip(), Files.size(file),
                    (System.nanoTime() - t) / 1e6);
            t = System.nanoTime();
            long rows = psql(server, "SELECT generate_series(1, 1000000)").lines().count();
            System.out.printf("psql read %d rows in %.0f ms%n", rows, (System.nanoTime() - t) / 1e6);
            Files.delete(file);
        }
    }

    private static String psql(RunningTestServer server, String command) throws Exception {
        Process p = new ProcessBuilder("psql", "-X", "-At", "-h", "127.0.0.1", "-p", Integer.toString(server.port()),
                "-U", "postgres", "-c", command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
