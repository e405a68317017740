package io.pgsight.imaging.bench;

import io.pgsight.imaging.ImagingOptions;
import io.pgsight.imaging.ImgsmlrFunctions;
import io.pgsight.imaging.Signature;
import io.pgsight.imaging.decode.GdImage;
import io.pgsight.imaging.decode.TrueColorImage;
import io.pgsight.imaging.resample.Resampler;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Signatures as imgsmlr users get them, for index benchmarks (not a test). A signature comes out of
 * the real pipeline (box-filter resize to 64x64, RMS intensity, min-max normalisation, Haar,
 * pattern2signature), applied to random images rather than drawn uniformly in a 16-D cube:
 * <ul>
 *   <li>{@code shapes}: synthetic scenes (a colour gradient, 1 to 12 rectangles and discs of random
 *       colour, size and place, optional fine noise), drawn at 64x64 to 128x128;</li>
 *   <li>{@code variants}: random crops, mirror images, contrast/brightness changes and noise of the
 *       sample images in shared/testdata (halved to at most 128 pixels a side first) (near-duplicate collections, as photo libraries are).</li>
 * </ul>
 * Usage: {@code SignatureCorpus rows mode(shapes|variants|mixed) out.f32 [out.tsv]}. {@code out.f32}
 * holds 16 little-endian float32 per row; {@code out.tsv} (optional) is {@code id<TAB>signature text}
 * for COPY into a table with a signature column. Reads -Dpgsight.shared for the variants.
 */
public final class SignatureCorpus {
    private SignatureCorpus() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args[0]);
        String mode = args[1];
        Path f32 = Path.of(args[2]);
        Path tsv = args.length > 3 ? Path.of(args[3]) : null;
        List<GdImage> samples = mode.equals("shapes") ? List.of() : sampleImages();
        long t0 = System.nanoTime();
        float[] all = new float[rows * Signature.SIZE];
        // one generator per row (seeded by the row number), so the corpus does not depend on threads
        java.util.stream.IntStream.range(0, rows).parallel().forEach(i -> {
            SplittableRandom rnd = new SplittableRandom(20261122L * 0x9E3779B97F4A7C15L + i);
            boolean shapes = mode.equals("shapes") || (mode.equals("mixed") && rnd.nextBoolean());
            GdImage image = shapes ? shapes(rnd) : variant(samples.get(rnd.nextInt(samples.size())), rnd);
            Signature s = ImgsmlrFunctions.patternToSignature(ImgsmlrFunctions.patternOf(image, Resampler.GD_2_3_3));
            for (int k = 0; k < Signature.SIZE; k++) {
                all[i * Signature.SIZE + k] = s.get(k);
            }
        });
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(f32), 1 << 20);
             PrintStream text = tsv == null ? null : new PrintStream(new BufferedOutputStream(Files.newOutputStream(tsv), 1 << 20), false)) {
            ByteBuffer buf = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < rows; i++) {
                buf.clear();
                float[] v = new float[Signature.SIZE];
                for (int k = 0; k < Signature.SIZE; k++) {
                    v[k] = all[i * Signature.SIZE + k];
                    buf.putFloat(v[k]);
                }
                raw.write(buf.array());
                if (text != null) {
                    text.print(i + 1);
                    text.print('\t');
                    text.println(Signature.of(v));
                }
            }
        }
        System.out.printf("%d %s signatures in %.1f s -> %s%s%n", rows, mode, (System.nanoTime() - t0) / 1e9, f32,
                tsv == null ? "" : " and " + tsv);
    }

    private static List<GdImage> sampleImages() throws Exception {
        Path dir = Path.of(System.getProperty("pgsight.shared", "../shared"), "testdata", "images");
        List<GdImage> out = new ArrayList<>();
        ImagingOptions options = ImagingOptions.defaults();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                byte[] data = Files.readAllBytes(f);
                String name = f.getFileName().toString();
                try {
                    // decode through the public functions' decoders, keep the decoded pixels
                    GdImage image = name.endsWith(".jpg") ? io.pgsight.imaging.decode.JpegDecoder.decode(data, options.limits())
                            : name.endsWith(".png") ? io.pgsight.imaging.decode.PngDecoder.decode(data, options.limits())
                            : io.pgsight.imaging.decode.GifDecoder.decode(data, options.limits());
                    out.add(copy(image));
                } catch (Exception e) {
                    // undecodable samples are skipped
                }
            }
        }
        return out;
    }

    /** The sample's pixels (alpha dropped), halved by 2x2 averaging while wider or taller than 128 (cheaper crops). */
    private static TrueColorImage copy(GdImage image) {
        int w = image.width();
        int h = image.height();
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                px[y * w + x] = image.pixel(x, y) & 0x00ffffff;
            }
        }
        while (w > 128 || h > 128) {
            int w2 = w / 2;
            int h2 = h / 2;
            int[] half = new int[w2 * h2];
            for (int y = 0; y < h2; y++) {
                for (int x = 0; x < w2; x++) {
                    int r = 0;
                    int g = 0;
                    int b = 0;
                    for (int k = 0; k < 4; k++) {
                        int p = px[(2 * y + k / 2) * w + 2 * x + k % 2];
                        r += (p >> 16) & 0xff;
                        g += (p >> 8) & 0xff;
                        b += p & 0xff;
                    }
                    half[y * w2 + x] = ((r / 4) << 16) | ((g / 4) << 8) | (b / 4);
                }
            }
            px = half;
            w = w2;
            h = h2;
        }
        return new TrueColorImage(w, h, px);
    }

    /** A random crop (50..100% per side), maybe mirrored, with contrast/brightness jitter and noise. */
    private static GdImage variant(GdImage src, SplittableRandom rnd) {
        int w = Math.max(8, (int) (src.width() * (0.5 + 0.5 * rnd.nextDouble())));
        int h = Math.max(8, (int) (src.height() * (0.5 + 0.5 * rnd.nextDouble())));
        int x0 = rnd.nextInt(src.width() - w + 1);
        int y0 = rnd.nextInt(src.height() - h + 1);
        boolean mirror = rnd.nextBoolean();
        double contrast = 0.7 + 0.6 * rnd.nextDouble();
        double brightness = rnd.nextDouble(-40, 40);
        int noise = rnd.nextInt(3) == 0 ? rnd.nextInt(1, 24) : 0;
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = src.pixel(mirror ? x0 + w - 1 - x : x0 + x, y0 + y);
                int n = noise == 0 ? 0 : rnd.nextInt(-noise, noise + 1);
                px[y * w + x] = GdImage.argb(adjust((p >> 16) & 0xff, contrast, brightness, n),
                        adjust((p >> 8) & 0xff, contrast, brightness, n), adjust(p & 0xff, contrast, brightness, n), 0);
            }
        }
        return new TrueColorImage(w, h, px);
    }

    private static int adjust(int c, double contrast, double brightness, int noise) {
        int v = (int) Math.round((c - 128) * contrast + 128 + brightness) + noise;
        return Math.max(0, Math.min(255, v));
    }

    /** A gradient background with random rectangles and discs. */
    private static GdImage shapes(SplittableRandom rnd) {
        int w = rnd.nextInt(64, 129);
        int h = rnd.nextInt(64, 129);
        int[] px = new int[w * h];
        int c0 = rnd.nextInt(1 << 24);
        int c1 = rnd.nextInt(1 << 24);
        boolean vertical = rnd.nextBoolean();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double t = vertical ? (double) y / h : (double) x / w;
                px[y * w + x] = mix(c0, c1, t);
            }
        }
        int shapes = rnd.nextInt(1, 13);
        for (int s = 0; s < shapes; s++) {
            int color = rnd.nextInt(1 << 24);
            int cx = rnd.nextInt(w);
            int cy = rnd.nextInt(h);
            int rx = rnd.nextInt(2, Math.max(3, w / 2));
            int ry = rnd.nextInt(2, Math.max(3, h / 2));
            boolean disc = rnd.nextBoolean();
            for (int y = Math.max(0, cy - ry); y < Math.min(h, cy + ry); y++) {
                for (int x = Math.max(0, cx - rx); x < Math.min(w, cx + rx); x++) {
                    double dx = (double) (x - cx) / rx;
                    double dy = (double) (y - cy) / ry;
                    if (!disc || dx * dx + dy * dy <= 1) {
                        px[y * w + x] = color;
                    }
                }
            }
        }
        if (rnd.nextInt(4) == 0) {
            int noise = rnd.nextInt(1, 32);
            for (int i = 0; i < px.length; i++) {
                int n = rnd.nextInt(-noise, noise + 1);
                int p = px[i];
                px[i] = (clamp(((p >> 16) & 0xff) + n) << 16) | (clamp(((p >> 8) & 0xff) + n) << 8) | clamp((p & 0xff) + n);
            }
        }
        return new TrueColorImage(w, h, px);
    }

    private static int mix(int a, int b, double t) {
        int r = (int) (((a >> 16) & 0xff) * (1 - t) + ((b >> 16) & 0xff) * t);
        int g = (int) (((a >> 8) & 0xff) * (1 - t) + ((b >> 8) & 0xff) * t);
        int bl = (int) ((a & 0xff) * (1 - t) + (b & 0xff) * t);
        return (r << 16) | (g << 8) | bl;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
