package io.pgsight.imaging;

import io.pgsight.imaging.decode.DecodeLimits;
import io.pgsight.imaging.decode.ImageDecodeException;
import io.pgsight.imaging.decode.ImageFormat;
import io.pgsight.imaging.decode.ImageTooLargeException;
import io.pgsight.imaging.decode.ReaderPins;
import io.pgsight.imaging.resample.Resampler;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reader pinning, format sniffing, failures and the pixel limit. */
class DecodeTest {
    private static final ImagingOptions GD = ImagingOptions.defaults();

    @Test
    void twelveMonkeysJpegIsRegisteredButNotUsed() throws Exception {
        boolean tmRegistered = false;
        for (Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("jpeg"); it.hasNext(); ) {
            tmRegistered |= it.next().getOriginatingProvider().getClass().getName().startsWith("com.twelvemonkeys");
        }
        assertTrue(tmRegistered, "TwelveMonkeys JPEG reader should be on the classpath for this test to mean something");
        assertEquals("com.sun.imageio.plugins.jpeg.JPEGImageReaderSpi",
                ReaderPins.JDK_JPEG.provider().orElseThrow().getClass().getName());
        assertTrue(ReaderPins.TWELVEMONKEYS_WEBP.provider().isPresent());
    }

    @Test
    void imageToPatternEqualsFormatSpecificFunction() throws Exception {
        for (GoldenImages.Row row : GoldenImages.rows().values()) {
            byte[] data = SharedCorpus.read(GoldenImages.image(row.file()));
            assertEquals(GoldenImages.patterns().get(row.file()), ImgsmlrFunctions.imageToPattern(data, GD), row.file());
        }
    }

    @Test
    void bmpAndTiffOfALosslessImageGiveThePngPattern() throws Exception {
        byte[] png = SharedCorpus.read(GoldenImages.image("coffee_rgb.png"));
        BufferedImage img = ImageIO.read(new java.io.ByteArrayInputStream(png));
        BufferedImage rgb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        rgb.getGraphics().drawImage(img, 0, 0, null);
        Pattern expected = ImgsmlrFunctions.pngToPattern(png, GD);
        for (String format : new String[] {"bmp", "tiff"}) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            assertTrue(ImageIO.write(rgb, format, bytes), format);
            byte[] data = bytes.toByteArray();
            assertEquals(format.equals("bmp") ? ImageFormat.BMP : ImageFormat.TIFF, ImageFormat.sniff(data));
            assertEquals(expected, ImgsmlrFunctions.imageToPattern(data, GD), format);
        }
    }

    /** A 1x1 lossless WebP (one transparent pixel) decodes through TwelveMonkeys like the same PNG. */
    @Test
    void webpThroughTwelveMonkeys() throws Exception {
        byte[] webp = {'R', 'I', 'F', 'F', 0x1a, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', 'L', 0x0d, 0, 0, 0, 0x2f, 0, 0,
            0, 0x10, 0x07, 0x10, 0x11, 0x11, (byte) 0x88, (byte) 0x88, (byte) 0xfe, 0x07, 0};
        assertEquals(ImageFormat.WEBP, ImageFormat.sniff(webp));
        BufferedImage one = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        Pattern expected = ImgsmlrFunctions.pngToPattern(encode(one, "png"), GD);
        assertEquals(expected, ImgsmlrFunctions.imageToPattern(webp, GD));
    }

    @Test
    void sniffing() {
        assertEquals(ImageFormat.WEBP, ImageFormat.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(ImageFormat.GIF, ImageFormat.sniff("GIF87a".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(null, ImageFormat.sniff("GIF88a".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(null, ImageFormat.sniff(new byte[0]));
        ImageDecodeException e = assertThrows(ImageDecodeException.class,
                () -> ImgsmlrFunctions.imageToPattern("hello".getBytes(StandardCharsets.US_ASCII), GD));
        assertEquals("Error loading image", e.getMessage());
        ImageDecodeException webp = assertThrows(ImageDecodeException.class,
                () -> ImgsmlrFunctions.imageToPattern("RIFF\0\0\0\0WEBPVP8 junk".getBytes(StandardCharsets.ISO_8859_1), GD));
        assertEquals("Error loading webp", webp.getMessage());
    }

    @Test
    void truncatedAndWrongMagic() throws Exception {
        byte[] png = SharedCorpus.read(GoldenImages.image("coins_rgb.png"));
        byte[] gif = SharedCorpus.read(GoldenImages.image("rocket.gif"));
        byte[] jpg = SharedCorpus.read(GoldenImages.image("coffee_444.jpg"));
        CompatTypesTest.assertNotice("Error loading png", () -> ImgsmlrFunctions.pngToPattern(Arrays.copyOf(png, png.length / 2), GD));
        CompatTypesTest.assertNotice("Error loading png", () -> ImgsmlrFunctions.pngToPattern(Arrays.copyOf(png, 20), GD));
        CompatTypesTest.assertNotice("Error loading gif", () -> ImgsmlrFunctions.gifToPattern(Arrays.copyOf(gif, 10), GD));
        CompatTypesTest.assertNotice("Error loading jpeg", () -> ImgsmlrFunctions.jpegToPattern(Arrays.copyOf(jpg, 100), GD));
        byte[] wrongMagic = png.clone();
        wrongMagic[1] = 'Q';
        CompatTypesTest.assertNotice("Error loading png", () -> ImgsmlrFunctions.pngToPattern(wrongMagic, GD));
        CompatTypesTest.assertNotice("Error loading gif", () -> ImgsmlrFunctions.gifToPattern(jpg, GD));
        // libjpeg only warns about a premature end of data and gd keeps the partial image, as we do
        Pattern partial = ImgsmlrFunctions.jpegToPattern(Arrays.copyOf(jpg, jpg.length / 2), GD);
        assertNotEquals(ImgsmlrFunctions.jpegToPattern(jpg, GD), partial);
    }

    /** A valid small image whose header is rewritten to claim 20000 x 20000: refused before decoding. */
    @Test
    void pixelLimitIsCheckedOnTheHeader() throws Exception {
        BufferedImage small = new BufferedImage(8, 8, BufferedImage.TYPE_3BYTE_BGR);
        byte[] png = encode(small, "png");
        putU32(png, 16, 20000);
        putU32(png, 20, 20000);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(png, 12, 17); // IHDR type + data: keep the chunk valid, as a real huge PNG would be
        putU32(png, 29, (int) crc.getValue());
        ImageTooLargeException e = assertThrows(ImageTooLargeException.class, () -> ImgsmlrFunctions.pngToPattern(png, GD));
        assertEquals("image is too large: 20000x20000 pixels", e.getMessage());

        byte[] jpg = encode(small, "jpeg");
        int sof = indexOfMarker(jpg, 0xC0);
        putU16(jpg, sof + 5, 20000);
        putU16(jpg, sof + 7, 20000);
        assertThrows(ImageTooLargeException.class, () -> ImgsmlrFunctions.jpegToPattern(jpg, GD));

        byte[] gif = encode(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_INDEXED), "gif");
        int desc = indexOf(gif, (byte) 0x2C);
        putU16le(gif, 6, 20000);
        putU16le(gif, 8, 20000);
        putU16le(gif, desc + 5, 20000);
        putU16le(gif, desc + 7, 20000);
        assertThrows(ImageTooLargeException.class, () -> ImgsmlrFunctions.gifToPattern(gif, GD));
        assertThrows(ImageTooLargeException.class, () -> ImgsmlrFunctions.imageToPattern(gif, GD));

        ImagingOptions tight = new ImagingOptions(Resampler.GD_2_3_3, new DecodeLimits(63));
        assertThrows(ImageTooLargeException.class, () -> ImgsmlrFunctions.pngToPattern(encode(small, "png"), tight));
        ImgsmlrFunctions.pngToPattern(encode(small, "png"), new ImagingOptions(Resampler.GD_2_3_3, new DecodeLimits(64)));
    }

    private static byte[] encode(BufferedImage img, String format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(img, format, out));
        return out.toByteArray();
    }

    private static int indexOfMarker(byte[] d, int marker) {
        for (int p = 2; p + 1 < d.length; p++) {
            if ((d[p] & 0xff) == 0xFF && (d[p + 1] & 0xff) == marker) {
                return p;
            }
        }
        throw new AssertionError("marker not found");
    }

    private static int indexOf(byte[] d, byte b) {
        for (int p = 13; p < d.length; p++) {
            if (d[p] == b) {
                return p;
            }
        }
        throw new AssertionError("byte not found");
    }

    private static void putU32(byte[] d, int p, int v) {
        d[p] = (byte) (v >>> 24);
        d[p + 1] = (byte) (v >>> 16);
        d[p + 2] = (byte) (v >>> 8);
        d[p + 3] = (byte) v;
    }

    private static void putU16(byte[] d, int p, int v) {
        d[p] = (byte) (v >>> 8);
        d[p + 1] = (byte) v;
    }

    private static void putU16le(byte[] d, int p, int v) {
        d[p] = (byte) v;
        d[p + 1] = (byte) (v >>> 8);
    }
}
