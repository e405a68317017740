package io.pgsight.index.pase;

import io.pgsight.index.IndexBuildException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * pase_ivfflat's centroid file (clustering_type = 0): one line {@code dim|count|v,v,v,...} with
 * count·dim comma-separated floats. Errors carry pase's texts.
 */
public final class CentroidFile {
    private CentroidFile() {
    }

    /** Reads the centroids (count·dimension floats, contiguous). */
    public static float[] read(String path, int dimension) {
        String text;
        try {
            text = Files.readString(Path.of(path), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new IndexBuildException("open centroid file[" + path + "] failed");
        }
        return parse(text, dimension);
    }

    static float[] parse(String text, int dimension) {
        int newline = text.indexOf('\n');
        String line = (newline >= 0 ? text.substring(0, newline) : text).strip();
        String[] parts = line.split("\\|", -1);
        if (parts.length != 3) {
            throw new IndexBuildException("centroid file format error, splits size:" + parts.length);
        }
        int dim = parsePositive(parts[0], "dim format[" + parts[0] + "] error");
        if (dim != dimension) {
            throw new IndexBuildException("centroids dim[" + dim + "] in file not equal to opts[" + dimension + "]");
        }
        int count = parsePositive(parts[1], "count format[" + parts[1] + "] error");
        String[] values = parts[2].split(",", -1);
        if ((long) count * dim != values.length) {
            throw new IndexBuildException("centroid file format error, splits size:" + values.length);
        }
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            String v = values[i].strip();
            try {
                out[i] = Float.parseFloat(v);
            } catch (NumberFormatException e) {
                throw new IndexBuildException("val[" + v + "] format error");
            }
        }
        return out;
    }

    private static int parsePositive(String s, String error) {
        try {
            int v = Integer.parseInt(s.strip());
            if (v <= 0) {
                throw new IndexBuildException(error);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IndexBuildException(error);
        }
    }
}
