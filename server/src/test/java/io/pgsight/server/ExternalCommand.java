package io.pgsight.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a client program (python3, node, npm, pgbench) and collects its exit status and output. */
record ExternalCommand(int exitCode, String output) {
    static ExternalCommand run(List<String> command, Map<String, String> env, Path dir, long timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        pb.environment().putAll(env);
        Path out = Files.createTempFile("pgsight-client", ".log");
        pb.redirectOutput(out.toFile());
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor();
            String text = Files.readString(out, StandardCharsets.UTF_8);
            Files.deleteIfExists(out);
            return new ExternalCommand(124, text + "\n(timed out after " + timeoutSeconds + " s)");
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        Files.deleteIfExists(out);
        return new ExternalCommand(p.exitValue(), text);
    }

    /** Whether {@code command} runs and exits 0 (used to find clients; never throws). */
    static boolean works(List<String> command, Map<String, String> env) {
        try {
            return run(command, env, null, 60).exitCode() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A test resource copied to a temporary file (scripts run from the file system). */
    static Path resource(String name) throws IOException {
        Path p = Files.createTempFile("pgsight-", "-" + name.substring(name.lastIndexOf('/') + 1));
        try (var in = ExternalCommand.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            Files.copy(in, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return p;
    }
}
