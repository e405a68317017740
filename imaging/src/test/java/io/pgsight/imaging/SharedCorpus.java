package io.pgsight.imaging;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates ../shared (system property pgsight.shared); tests skip when it is absent. */
final class SharedCorpus {
    private SharedCorpus() {
    }

    static Path root() {
        String p = System.getProperty("pgsight.shared");
        Path path = p == null ? null : Path.of(p);
        Assumptions.assumeTrue(path != null && Files.isDirectory(path.resolve("testdata")),
                "shared corpus not found (set -Dpgsight.shared=<repo>/../shared)");
        return path;
    }

    static Path testdata() {
        return root().resolve("testdata");
    }

    static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
