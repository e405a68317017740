package io.pgsight.imaging.resample;

import io.pgsight.imaging.decode.GdImage;
import io.pgsight.imaging.decode.TrueColorImage;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * The opaque fast path of the float resampler gives exactly the pixels of libgd's tap-by-tap loop,
 * for downscaling, upscaling and odd sizes, in both float generations.
 */
class OpaqueBoxFilterTest {
    private static final int[][] SIZES = {
        {1, 1}, {3, 7}, {63, 65}, {64, 64}, {65, 63}, {100, 37}, {200, 166}, {121, 200}, {300, 262},
        {640, 480}, {1023, 17}, {127, 129},
    };

    @Test
    void sameBitsAsTheTapByTapLoop() {
        SplittableRandom rnd = new SplittableRandom(42);
        for (int[] size : SIZES) {
            for (int kind = 0; kind < 3; kind++) {
                GdImage image = image(size[0], size[1], kind, rnd);
                for (boolean round : new boolean[] {false, true}) {
                    int[] fast = OpaqueBoxFilter.thumbnail(image, round);
                    int[] reference = GdCopyResampled.floatVariantGeneric(notOpaque(image), round);
                    assertArrayEquals(reference, fast, size[0] + "x" + size[1] + " kind " + kind + " round " + round);
                }
            }
        }
    }

    /** kind 0: noise, 1: smooth gradients, 2: saturated extremes (255/0), all opaque. */
    private static GdImage image(int w, int h, int kind, SplittableRandom rnd) {
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r;
                int g;
                int b;
                switch (kind) {
                    case 0 -> {
                        r = rnd.nextInt(256);
                        g = rnd.nextInt(256);
                        b = rnd.nextInt(256);
                    }
                    case 1 -> {
                        r = x * 255 / Math.max(1, w - 1);
                        g = y * 255 / Math.max(1, h - 1);
                        b = (x + y) * 255 / Math.max(1, w + h - 2);
                    }
                    default -> {
                        r = rnd.nextBoolean() ? 255 : 0;
                        g = 255;
                        b = rnd.nextInt(2) * 254;
                    }
                }
                px[y * w + x] = GdImage.argb(r, g, b, 0);
            }
        }
        return new TrueColorImage(w, h, px);
    }

    /** The same pixels without the opaque promise, so the resampler takes its general path. */
    private static GdImage notOpaque(GdImage image) {
        return new GdImage() {
            @Override
            public int width() {
                return image.width();
            }

            @Override
            public int height() {
                return image.height();
            }

            @Override
            public int pixel(int x, int y) {
                return image.pixel(x, y);
            }
        };
    }
}
