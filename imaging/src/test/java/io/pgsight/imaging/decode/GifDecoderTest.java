package io.pgsight.imaging.decode;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The libgd-faithful GIF loader: parity with ImageIO on valid files, libgd's rules on odd ones. */
class GifDecoderTest {
    private static final DecodeLimits LIMITS = DecodeLimits.defaults();

    /** A GIF with 2-bit codes, a clear code every two pixels (so codes stay 3 bits wide). */
    static byte[] gif(int screenW, int screenH, int w, int h, int[] globalMap, int[] indices, boolean interlace,
                      int transparent, int cutLzwBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("GIF89a".getBytes());
        le16(out, screenW);
        le16(out, screenH);
        out.write(globalMap == null ? 0 : 0x81); // 4-entry global table
        out.write(0);
        out.write(0);
        if (globalMap != null) {
            for (int c : globalMap) {
                out.write(c >> 16);
                out.write(c >> 8);
                out.write(c);
            }
        }
        if (transparent >= 0) {
            out.writeBytes(new byte[] {0x21, (byte) 0xF9, 4, 1, 0, 0, (byte) transparent, 0});
        }
        out.write(',');
        le16(out, 0);
        le16(out, 0);
        le16(out, w);
        le16(out, h);
        out.write(interlace ? 0x40 : 0);
        out.write(2);
        BitWriter bits = new BitWriter();
        for (int i = 0; i < indices.length; i++) {
            if (i % 2 == 0) {
                bits.put(4, 3);
            }
            bits.put(indices[i], 3);
        }
        bits.put(5, 3);
        byte[] lzw = bits.bytes();
        if (cutLzwBytes > 0) {
            lzw = Arrays.copyOf(lzw, lzw.length - cutLzwBytes);
        }
        for (int p = 0; p < lzw.length; p += 255) {
            int n = Math.min(255, lzw.length - p);
            out.write(n);
            out.write(lzw, p, n);
        }
        if (cutLzwBytes == 0) {
            out.write(0);
            out.write(';');
        }
        return out.toByteArray();
    }

    private static void le16(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >> 8);
    }

    private static final class BitWriter {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int acc;
        private int n;

        void put(int code, int size) {
            acc |= code << n;
            n += size;
            while (n >= 8) {
                out.write(acc & 0xff);
                acc >>>= 8;
                n -= 8;
            }
        }

        byte[] bytes() {
            if (n > 0) {
                out.write(acc & 0xff);
                acc = 0;
                n = 0;
            }
            return out.toByteArray();
        }
    }

    private static int[] pixels(GdImage img) {
        int[] p = new int[img.width() * img.height()];
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                p[y * img.width() + x] = img.pixel(x, y);
            }
        }
        return p;
    }

    @Test
    void sameIndicesAndColoursAsImageIoOnEveryTestGif() throws Exception {
        String shared = System.getProperty("pgsight.shared");
        Assumptions.assumeTrue(shared != null && Files.isDirectory(Path.of(shared, "testdata")));
        List<Path> gifs;
        try (var s = Files.list(Path.of(shared, "testdata", "images"))) {
            gifs = s.filter(p -> p.toString().endsWith(".gif")).sorted().toList();
        }
        assertEquals(8, gifs.size());
        for (Path f : gifs) {
            byte[] data = Files.readAllBytes(f);
            BufferedImage ref = ImageIO.read(new ByteArrayInputStream(data));
            IndexColorModel icm = (IndexColorModel) ref.getColorModel();
            GdImage ours = GifDecoder.decode(data, LIMITS);
            assertEquals(ref.getWidth(), ours.width());
            assertEquals(ref.getHeight(), ours.height());
            for (int y = 0; y < ref.getHeight(); y++) {
                for (int x = 0; x < ref.getWidth(); x++) {
                    int i = ref.getRaster().getSample(x, y, 0);
                    int a = i == icm.getTransparentPixel() ? 127 : 0;
                    int expected = GdImage.argb(icm.getRed(i), icm.getGreen(i), icm.getBlue(i), a);
                    assertEquals(expected, ours.pixel(x, y), f.getFileName() + " at " + x + "," + y);
                }
            }
        }
    }

    @Test
    void syntheticImageWithTransparency() throws Exception {
        int[] map = {0xff0000, 0x00ff00, 0x0000ff, 0x102030};
        int[] idx = {0, 1, 2, 3, 3, 2};
        GdImage img = GifDecoder.decode(gif(3, 2, 3, 2, map, idx, false, 2, 0), LIMITS);
        int[] expected = {0xff0000, 0x00ff00, 0x0000ff | (127 << 24), 0x102030, 0x102030, 0x0000ff | (127 << 24)};
        assertEquals(Arrays.toString(expected), Arrays.toString(pixels(img)));
    }

    @Test
    void noColourTableUsesTheDefaultMap() throws Exception {
        GdImage img = GifDecoder.decode(gif(2, 2, 2, 2, null, new int[] {0, 1, 1, 0}, false, -1, 0), LIMITS);
        assertEquals(Arrays.toString(new int[] {0, 0xffffff, 0xffffff, 0}), Arrays.toString(pixels(img)));
    }

    @Test
    void frameLargerThanScreenFails() {
        byte[] data = gif(2, 2, 3, 2, new int[] {0, 1, 2, 3}, new int[] {0, 1, 2, 3, 0, 1}, false, -1, 0);
        assertThrows(ImageDecodeException.class, () -> GifDecoder.decode(data, LIMITS));
    }

    @Test
    void truncatedDataKeepsWhatWasDecoded() throws Exception {
        int w = 16;
        int h = 16;
        int[] idx = new int[w * h];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = 1 + i % 3;
        }
        int[] map = {0x000000, 0x111111, 0x222222, 0x333333};
        int[] full = pixels(GifDecoder.decode(gif(w, h, w, h, map, idx, false, -1, 0), LIMITS));
        int[] cut = pixels(GifDecoder.decode(gif(w, h, w, h, map, idx, false, -1, 100), LIMITS));
        int decoded = 0;
        while (decoded < cut.length && cut[decoded] == full[decoded]) {
            decoded++;
        }
        // libgd stops where the data ends; the rest stays palette index 0
        assertEquals(true, decoded > 0 && decoded < cut.length);
        for (int i = decoded + 2; i < cut.length; i++) {
            assertEquals(map[0], cut[i], "pixel " + i);
        }
    }

    @Test
    void interlacedRowsAreReordered() throws Exception {
        int w = 2;
        int h = 9;
        int[] rowsInFileOrder = {0, 8, 4, 2, 6, 1, 3, 5, 7};
        int[] idx = new int[w * h];
        for (int r = 0; r < h; r++) {
            idx[r * w] = rowsInFileOrder[r] % 4;
            idx[r * w + 1] = rowsInFileOrder[r] % 4;
        }
        int[] map = {0x000000, 0x111111, 0x222222, 0x333333};
        GdImage img = GifDecoder.decode(gif(w, h, w, h, map, idx, true, -1, 0), LIMITS);
        for (int y = 0; y < h; y++) {
            assertEquals(map[y % 4], img.pixel(0, y), "row " + y);
        }
    }

    @Test
    void noPixelDataFails() {
        byte[] full = gif(2, 2, 2, 2, new int[] {0xffffff, 1, 2, 3}, new int[] {1, 1, 1, 1}, false, -1, 0);
        // header 6 + screen 7 + table 12 + descriptor 10: the file ends before the LZW code size
        byte[] data = Arrays.copyOf(full, 35);
        assertThrows(ImageDecodeException.class, () -> GifDecoder.decode(data, LIMITS));
    }

    @Test
    void anEndCodeFirstIsStillAPixelAsInLibgd() throws Exception {
        // libgd returns the first code after a fresh start without checking for the end code
        byte[] data = gif(2, 2, 2, 2, new int[] {0x0a0b0c, 1, 2, 3}, new int[0], false, -1, 0);
        GdImage img = GifDecoder.decode(data, LIMITS);
        assertEquals(0, img.pixel(0, 0)); // index 5: beyond the 4-entry table, black
        assertEquals(0x0a0b0c, img.pixel(1, 0)); // never written: index 0
    }
}
