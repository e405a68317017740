package io.pgsight.server.lab;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * docker/docker-entrypoint.sh run directly, as the image's main process: the server comes from this
 * test's class path (PGSIGHT_CLASSPATH) because the runnable jar is built after the tests.
 */
final class EntrypointRun implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final List<ProcessHandle> children;

    private EntrypointRun(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.children = new java.util.ArrayList<>();
    }

    /** The entrypoint script of this checkout, found from the module directory upwards. */
    static Optional<Path> script() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docker/docker-entrypoint.sh");
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Starts the script with {@code env} on top of a clean environment (no PG* variables inherited). */
    static EntrypointRun start(Path script, Map<String, String> env, Path log, String... args) throws IOException {
        List<String> cmd = new java.util.ArrayList<>(List.of("bash", script.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(name -> name.startsWith("PG") || name.startsWith("POSTGRES_"));
        pb.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        pb.environment().put("JAVA_OPTS", "-Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        pb.environment().put("PGSIGHT_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().putAll(env);
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return new EntrypointRun(pb.start(), log);
    }

    /** Waits until the log shows {@code text} after {@code from} characters; false if the script ended first. */
    boolean awaitLog(String text, int from, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            rememberChildren();
            String out = log();
            if (out.length() > from && out.substring(from).contains(text)) {
                return true;
            }
            if (!process.isAlive()) {
                return false;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** The processes the script started (the JVM), remembered while they run to check they end with it. */
    private void rememberChildren() {
        process.descendants().filter(h -> !children.contains(h)).forEach(children::add);
    }

    List<ProcessHandle> children() {
        rememberChildren();
        return List.copyOf(children);
    }

    /** SIGTERM to the script alone, as {@code docker stop} sends it; returns the script's exit status. */
    int terminate() throws InterruptedException {
        rememberChildren();
        process.destroy();
        return awaitExit(90);
    }

    int awaitExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            close();
            throw new AssertionError("entrypoint did not exit within " + seconds + " s:\n" + log());
        }
        return process.exitValue();
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        rememberChildren();
        children.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
