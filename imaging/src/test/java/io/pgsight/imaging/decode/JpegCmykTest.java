package io.pgsight.imaging.decode;

import org.junit.jupiter.api.Test;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.util.Iterator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Four-component JPEGs: without an Adobe marker libjpeg reads CMYK (not inverted); Adobe with
 * transform 0 is inverted CMYK; transform 2 is YCCK, converted to CMYK first. The file is written
 * by the JDK as raw 4-channel data; markers are spliced in after SOI.
 */
class JpegCmykTest {

    private static byte[] fourChannelJpeg() throws Exception {
        WritableRaster r = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 16, 16, 4, null);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                r.setSample(x, y, 0, x * 16);
                r.setSample(x, y, 1, y * 16);
                r.setSample(x, y, 2, 200 - x * 4);
                r.setSample(x, y, 3, (x + y) * 6);
            }
        }
        ImageWriter writer = null;
        for (Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg"); it.hasNext(); ) {
            ImageWriter w = it.next();
            if (w.getClass().getName().startsWith("com.sun.")) {
                writer = w;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(r, null, null), writer.getDefaultWriteParam());
        }
        return out.toByteArray();
    }

    private static byte[] withAdobe(byte[] jpeg, int transform) {
        byte[] app14 = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) transform};
        byte[] out = new byte[jpeg.length + app14.length];
        System.arraycopy(jpeg, 0, out, 0, 2);
        System.arraycopy(app14, 0, out, 2, app14.length);
        System.arraycopy(jpeg, 2, out, 2 + app14.length, jpeg.length - 2);
        return out;
    }

    private static Raster rawSamples(byte[] jpeg) throws Exception {
        ImageReader reader = ReaderPins.JDK_JPEG.open(jpeg);
        try {
            return reader.readRaster(0, null);
        } finally {
            reader.dispose();
        }
    }

    private static int gdCmyk(int c, int m, int y, int k, boolean inverted) {
        if (inverted) {
            c = 255 - c;
            m = 255 - m;
            y = 255 - y;
            k = 255 - k;
        }
        return GdImage.argb((255 - c) * (255 - k) / 255, (255 - m) * (255 - k) / 255, (255 - y) * (255 - k) / 255, 0);
    }

    @Test
    void cmykWithAndWithoutAdobeMarker() throws Exception {
        byte[] plain = fourChannelJpeg();
        for (boolean adobe : new boolean[] {false, true}) {
            byte[] data = adobe ? withAdobe(plain, 0) : plain;
            Raster raw = rawSamples(data);
            GdImage img = JpegDecoder.decode(data, DecodeLimits.defaults());
            for (int[] xy : new int[][] {{0, 0}, {5, 9}, {15, 15}}) {
                int x = xy[0];
                int y = xy[1];
                assertEquals(gdCmyk(raw.getSample(x, y, 0), raw.getSample(x, y, 1), raw.getSample(x, y, 2),
                        raw.getSample(x, y, 3), adobe), img.pixel(x, y));
            }
        }
    }

    @Test
    void ycckIsConvertedToCmykFirst() throws Exception {
        byte[] data = withAdobe(fourChannelJpeg(), 2);
        Raster raw = rawSamples(data);
        GdImage img = JpegDecoder.decode(data, DecodeLimits.defaults());
        int x = 7;
        int y = 3;
        int luma = raw.getSample(x, y, 0);
        int cb = raw.getSample(x, y, 1);
        int cr = raw.getSample(x, y, 2);
        int k = raw.getSample(x, y, 3);
        // libjpeg's YCC->RGB (approximately; exact fixed point in YcckConversion), then C = 255 - R ...
        int red = clamp((int) Math.round(luma + 1.402 * (cr - 128)));
        int green = clamp((int) Math.round(luma - 0.34414 * (cb - 128) - 0.71414 * (cr - 128)));
        int blue = clamp((int) Math.round(luma + 1.772 * (cb - 128)));
        int expected = gdCmyk(255 - red, 255 - green, 255 - blue, k, true);
        int got = img.pixel(x, y);
        for (int shift : new int[] {16, 8, 0}) {
            int d = Math.abs(((expected >> shift) & 0xff) - ((got >> shift) & 0xff));
            assertEquals(true, d <= 1, "channel off by " + d);
        }
        assertNotEquals(JpegDecoder.decode(withAdobe(fourChannelJpeg(), 0), DecodeLimits.defaults()).pixel(x, y), got);
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
