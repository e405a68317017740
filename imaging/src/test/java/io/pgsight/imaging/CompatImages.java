package io.pgsight.imaging;

import io.pgsight.imaging.resample.Resampler;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** imgsmlr's 12 sample images from shared/compat/data, decoded as the scripts do (id % 3 picks the decoder). */
final class CompatImages {
    private CompatImages() {
    }

    static Path dir() {
        return SharedCorpus.root().resolve("compat");
    }

    static String fileOf(int id) {
        return id + (id % 3 == 1 ? ".jpg" : id % 3 == 2 ? ".png" : ".gif");
    }

    static byte[] bytes(String file) {
        return SharedCorpus.read(dir().resolve("data").resolve(file));
    }

    static String decoderOf(int id) {
        return id % 3 == 1 ? "jpeg" : id % 3 == 2 ? "png" : "gif";
    }

    /** Unshuffled patterns of images 1..12. */
    static Map<Integer, Pattern> patterns(Resampler resampler) {
        Map<Integer, Pattern> m = new TreeMap<>();
        for (int id = 1; id <= 12; id++) {
            m.put(id, GoldenImages.compute(decoderOf(id), bytes(fileOf(id)), resampler));
        }
        return m;
    }

    static PsqlOutput expected(String script) {
        return new PsqlOutput(SharedCorpus.text(dir().resolve("expected").resolve(script + ".out")));
    }
}
