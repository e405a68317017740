package io.pgsight.imaging.decode;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The baseline rewrite of progressive JPEGs decodes to exactly the pixels the JDK reader gives for
 * the progressive original (its last pass), for the sample files and for progressive files the JDK
 * writer makes (spectral selection and successive approximation, grey and colour, odd sizes).
 */
class ProgressiveJpegTest {

    @Test
    void sampleProgressiveFilesKeepTheirPixels() throws Exception {
        String shared = System.getProperty("pgsight.shared");
        Path images = shared == null ? null : Path.of(shared, "testdata", "images");
        Assumptions.assumeTrue(images != null && Files.isDirectory(images), "shared corpus not found");
        int progressive = 0;
        try (var files = Files.list(images)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jpg")).sorted().toList()) {
                byte[] data = Files.readAllBytes(f);
                if (!ProgressiveJpeg.isProgressive(data)) {
                    assertNull(ProgressiveJpeg.toBaseline(data), f + " is not progressive");
                    continue;
                }
                progressive++;
                assertSamePixels(data, f.getFileName().toString());
            }
        }
        assertTrue(progressive >= 3, "the corpus has progressive JPEGs");
    }

    @Test
    void writerMadeProgressiveFilesKeepTheirPixels() throws Exception {
        SplittableRandom rnd = new SplittableRandom(7);
        int[][] sizes = {{1, 1}, {8, 8}, {9, 17}, {17, 9}, {64, 48}, {200, 166}, {121, 200}, {333, 77}};
        for (int[] s : sizes) {
            for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_BYTE_GRAY}) {
                BufferedImage image = new BufferedImage(s[0], s[1], type);
                for (int y = 0; y < s[1]; y++) {
                    for (int x = 0; x < s[0]; x++) {
                        int base = (x * 255 / Math.max(1, s[0] - 1)) ^ (y * 7);
                        int noise = rnd.nextInt(40);
                        image.setRGB(x, y, ((base + noise) & 0xff) << 16 | ((y * 3 + noise) & 0xff) << 8 | ((x + y) & 0xff));
                    }
                }
                for (float quality : new float[] {0.3f, 0.75f, 1.0f}) {
                    byte[] progressive = write(image, quality);
                    assertTrue(ProgressiveJpeg.isProgressive(progressive));
                    assertSamePixels(progressive, s[0] + "x" + s[1] + " type " + type + " q " + quality);
                }
            }
        }
    }

    @Test
    void restartIntervalsAreFollowed() throws Exception {
        SplittableRandom rnd = new SplittableRandom(9);
        for (int[] s : new int[][] {{77, 45}, {200, 166}}) {
            BufferedImage image = new BufferedImage(s[0], s[1], BufferedImage.TYPE_3BYTE_BGR);
            for (int y = 0; y < s[1]; y++) {
                for (int x = 0; x < s[0]; x++) {
                    image.setRGB(x, y, rnd.nextInt(1 << 24) & 0x3f3f3f | (x * 3 & 0xff) << 16 | (y & 0xff));
                }
            }
            for (int interval : new int[] {1, 3, 7}) {
                byte[] progressive = write(image, 0.8f, interval);
                assertTrue(hasMarker(progressive, 0xDD), "the file has a DRI marker");
                assertSamePixels(progressive, s[0] + "x" + s[1] + " restart interval " + interval);
            }
        }
    }

    private static boolean hasMarker(byte[] data, int marker) {
        for (int i = 0; i + 1 < data.length; i++) {
            if ((data[i] & 0xff) == 0xFF && (data[i + 1] & 0xff) == marker) {
                return true;
            }
        }
        return false;
    }

    @Test
    void truncatedOrDamagedFilesAreLeftToTheJdkReader() throws Exception {
        BufferedImage image = new BufferedImage(120, 90, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 90; y++) {
            for (int x = 0; x < 120; x++) {
                image.setRGB(x, y, (x * 2) << 16 | (y * 2) << 8 | (x + y));
            }
        }
        byte[] data = write(image, 0.8f);
        assertNotNull(ProgressiveJpeg.toBaseline(data));
        for (int cut : new int[] {data.length / 3, data.length / 2, data.length - 3}) {
            byte[] truncated = Arrays.copyOf(data, cut);
            assertNull(ProgressiveJpeg.toBaseline(truncated), "truncated at " + cut);
        }
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < 200; i++) {
            byte[] damaged = data.clone();
            damaged[200 + rnd.nextInt(damaged.length - 200)] = (byte) rnd.nextInt(256);
            byte[] rewritten = ProgressiveJpeg.toBaseline(damaged); // must not throw
            if (rewritten != null) {
                try {
                    JpegDecoder.decodeWithJdk(rewritten, DecodeLimits.defaults());
                } catch (ImageDecodeException e) {
                    // a damaged file may well be undecodable; the point is no crash and no hang
                }
            }
        }
        assertFalse(ProgressiveJpeg.isProgressive(new byte[] {(byte) 0xFF, (byte) 0xD8}));
    }

    private static void assertSamePixels(byte[] progressive, String what) throws Exception {
        byte[] baseline = ProgressiveJpeg.toBaseline(progressive);
        assertNotNull(baseline, what + ": rewritten");
        assertFalse(ProgressiveJpeg.isProgressive(baseline), what + ": the rewrite is sequential");
        GdImage expected = JpegDecoder.decodeWithJdk(progressive, DecodeLimits.defaults());
        GdImage actual = JpegDecoder.decodeWithJdk(baseline, DecodeLimits.defaults());
        assertEquals(expected.width(), actual.width(), what);
        assertEquals(expected.height(), actual.height(), what);
        for (int y = 0; y < expected.height(); y++) {
            for (int x = 0; x < expected.width(); x++) {
                if (expected.pixel(x, y) != actual.pixel(x, y)) {
                    throw new AssertionError(what + ": pixel " + x + "," + y + " differs: "
                            + Integer.toHexString(expected.pixel(x, y)) + " vs " + Integer.toHexString(actual.pixel(x, y)));
                }
            }
        }
    }

    private static byte[] write(BufferedImage image, float quality) throws Exception {
        return write(image, quality, 0);
    }

    /** A progressive JPEG by the JDK writer; {@code restartInterval > 0} adds a DRI marker. */
    private static byte[] write(BufferedImage image, float quality, int restartInterval) throws Exception {
        ImageWriter writer = null;
        for (Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg"); it.hasNext(); ) {
            ImageWriter w = it.next();
            if (w.getClass().getName().startsWith("com.sun.")) {
                writer = w;
            }
        }
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        javax.imageio.metadata.IIOMetadata metadata = null;
        if (restartInterval > 0) {
            metadata = writer.getDefaultImageMetadata(new javax.imageio.ImageTypeSpecifier(image), param);
            String format = "javax_imageio_jpeg_image_1.0";
            javax.imageio.metadata.IIOMetadataNode root = (javax.imageio.metadata.IIOMetadataNode) metadata.getAsTree(format);
            javax.imageio.metadata.IIOMetadataNode dri = new javax.imageio.metadata.IIOMetadataNode("dri");
            dri.setAttribute("interval", Integer.toString(restartInterval));
            root.getElementsByTagName("markerSequence").item(0).appendChild(dri);
            metadata.setFromTree(format, root);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(image, null, metadata), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
