package io.pgsight.server.lab;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * docker/docker-compose.yml validated by the compose CLI (`docker compose config`, or Debian's
 * docker-compose 1.29, which checks the Compose Specification schema), and kept consistent with the
 * Dockerfile and the entrypoint: the paths and port they share.
 */
class ComposeFileTest {

    private static Path dockerDir() {
        Path script = EntrypointRun.script().orElse(null);
        assumeTrue(script != null, "docker/ not found above " + Path.of("").toAbsolutePath());
        return script.getParent();
    }

    @Test
    void composeCliAcceptsTheFile() throws Exception {
        Path dir = dockerDir();
        List<String> cli;
        if (EntrypointRun.onPath("docker") && run(dir, List.of("docker", "compose", "version")).status == 0) {
            cli = List.of("docker", "compose");
        } else if (EntrypointRun.onPath("docker-compose")) {
            cli = List.of("docker-compose");
        } else {
            cli = null;
        }
        assumeTrue(cli != null, "neither `docker compose` nor docker-compose is installed: compose file not validated");
        List<String> cmd = new ArrayList<>(cli);
        cmd.addAll(List.of("-f", "docker-compose.yml", "config"));
        Result config = run(dir, cmd);
        assertEquals(0, config.status, config.output);
        assertTrue(config.output.contains("target: 5432"), config.output);
        assertTrue(config.output.contains("/docker-entrypoint-initdb.d"), config.output);
        assertTrue(config.output.contains("pg_isready"), config.output);
        for (String variable : List.of("POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_DB")) {
            assertTrue(config.output.contains(variable + ":"), variable + " missing:\n" + config.output);
        }
    }

    @Test
    void composeDockerfileAndEntrypointAgree() throws IOException {
        Path dir = dockerDir();
        String compose = Files.readString(dir.resolve("docker-compose.yml"));
        String dockerfile = Files.readString(dir.resolve("Dockerfile"));
        String entrypoint = Files.readString(dir.resolve("docker-entrypoint.sh"));
        assertTrue(dockerfile.contains("PGDATA=/var/lib/pgsight/data"), "Dockerfile's PGDATA");
        assertTrue(dockerfile.contains("VOLUME /var/lib/pgsight/data"), "Dockerfile's data volume");
        assertTrue(compose.contains(":/var/lib/pgsight/data"), "compose mounts the data volume at PGDATA");
        assertTrue(compose.contains("./initdb.d:/docker-entrypoint-initdb.d"), "compose mounts the init folder");
        assertTrue(entrypoint.contains("INITDB_DIR=${PGSIGHT_INITDB_DIR:-/docker-entrypoint-initdb.d}"),
                "entrypoint reads the mounted init folder");
        assertTrue(compose.contains(":5432\""), "compose publishes the container's port 5432");
        assertTrue(dockerfile.contains("EXPOSE 5432") && dockerfile.contains("PGPORT=5432"), "image port");
        assertTrue(dockerfile.contains("docker-entrypoint.sh"), "image entrypoint");
        assertTrue(Files.isRegularFile(dir.resolve("initdb.d/01-extensions.sql")), "the lab's init file");
    }

    private record Result(int status, String output) {
    }

    private static Result run(Path dir, List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, out);
        }
        return new Result(p.exitValue(), out);
    }
}
