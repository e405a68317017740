package io.pgsight.imaging;

import io.pgsight.imaging.decode.ImageDecodeException;
import io.pgsight.imaging.decode.ImageTooLargeException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Damaged inputs (random byte changes, truncations) never escape as anything but a pattern or the
 * "Error loading ..." outcome (or the pixel-limit error when a damaged header claims a huge image).
 */
class CorruptionFuzzTest {
    @Test
    void mutatedImagesNeverCrash() {
        ImagingOptions options = ImagingOptions.defaults();
        SplittableRandom rnd = new SplittableRandom(99);
        int patterns = 0;
        int failures = 0;
        for (String file : new String[] {"imgsmlr_1.jpg", "imgsmlr_10.jpg", "imgsmlr_2.png", "imgsmlr_11.png",
            "imgsmlr_3.gif", "chelsea_interlaced.gif", "rocket_cmyk.jpg", "horse_gray_alpha.png"}) {
            byte[] original = SharedCorpus.read(GoldenImages.image(file));
            String decoder = GoldenImages.rows().get(file).decoder();
            for (int trial = 0; trial < 40; trial++) {
                byte[] data = original.clone();
                int edits = 1 + rnd.nextInt(8);
                for (int e = 0; e < edits; e++) {
                    // bias edits towards the headers, where structure lives
                    int pos = rnd.nextInt(rnd.nextBoolean() ? Math.min(400, data.length) : data.length);
                    data[pos] = (byte) rnd.nextInt(256);
                }
                if (rnd.nextInt(4) == 0) {
                    data = Arrays.copyOf(data, rnd.nextInt(data.length));
                }
                try {
                    Pattern p = switch (decoder) {
                        case "jpeg" -> ImgsmlrFunctions.jpegToPattern(data, options);
                        case "png" -> ImgsmlrFunctions.pngToPattern(data, options);
                        default -> ImgsmlrFunctions.gifToPattern(data, options);
                    };
                    assertEquals(4096, p.toArray().length);
                    ImgsmlrFunctions.imageToPattern(data, options);
                    patterns++;
                } catch (ImageDecodeException e) {
                    assertTrue(e.getMessage().startsWith("Error loading "), e.getMessage());
                    failures++;
                } catch (ImageTooLargeException e) {
                    failures++;
                }
            }
        }
        assertEquals(8 * 40, patterns + failures);
        assertTrue(patterns > 0 && failures > 0, patterns + " patterns, " + failures + " failures");
    }
}
