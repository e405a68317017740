package io.pgsight.imaging;

import io.pgsight.imaging.resample.Resampler;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** golden.tsv rows, with our patterns computed once per test run (libgd 2.3.3 resampler). */
final class GoldenImages {
    record Row(String file, String decoder, String signature, String shuffledSignature) {
    }

    private static Map<String, Row> rows;
    private static Map<String, Pattern> patterns;

    private GoldenImages() {
    }

    static synchronized Map<String, Row> rows() {
        if (rows == null) {
            Map<String, Row> m = new LinkedHashMap<>();
            List<String> lines = SharedCorpus.text(SharedCorpus.testdata().resolve("golden.tsv")).lines().toList();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t", -1);
                m.put(f[0], new Row(f[0], f[1], f[2], f[3]));
            }
            rows = m;
        }
        return rows;
    }

    static synchronized Map<String, Pattern> patterns() {
        if (patterns == null) {
            Map<String, Pattern> m = new LinkedHashMap<>();
            for (Row r : rows().values()) {
                m.put(r.file(), compute(r.decoder(), SharedCorpus.read(image(r.file())), Resampler.GD_2_3_3));
            }
            patterns = m;
        }
        return patterns;
    }

    static Path image(String file) {
        return SharedCorpus.testdata().resolve("images").resolve(file);
    }

    static Pattern compute(String decoder, byte[] data, Resampler resampler) {
        try {
            return switch (decoder) {
                case "jpeg" -> ImgsmlrFunctions.jpegToPattern(data, resampler);
                case "png" -> ImgsmlrFunctions.pngToPattern(data, resampler);
                case "gif" -> ImgsmlrFunctions.gifToPattern(data, resampler);
                default -> throw new IllegalArgumentException(decoder);
            };
        } catch (Exception e) {
            throw new AssertionError("decoding failed: " + e.getMessage(), e);
        }
    }
}
