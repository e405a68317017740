package io.pgsight.imaging.decode;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** libgd's PNG colour-type rules on hand-built files (raw samples known exactly). */
class PngDecoderTest {
    private static final DecodeLimits LIMITS = DecodeLimits.defaults();

    /** A PNG whose rows are given as raw (already packed) bytes, filter 0. */
    static byte[] png(int w, int h, int depth, int colorType, byte[][] rows, byte[] plte, byte[] trns) {
        return png(w, h, depth, colorType, rows, plte, trns, null, true);
    }

    /** {@code badCrc}: the chunk type whose CRC is spoiled; {@code withEnd}: whether IEND is written. */
    static byte[] png(int w, int h, int depth, int colorType, byte[][] rows, byte[] plte, byte[] trns, String badCrc,
                      boolean withEnd) {
        spoil = badCrc;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        be32(ihdr, w);
        be32(ihdr, h);
        ihdr.write(depth);
        ihdr.write(colorType);
        ihdr.write(0);
        ihdr.write(0);
        ihdr.write(0);
        chunk(out, "IHDR", ihdr.toByteArray());
        if (plte != null) {
            chunk(out, "PLTE", plte);
        }
        if (trns != null) {
            chunk(out, "tRNS", trns);
        }
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (byte[] row : rows) {
            raw.write(0);
            raw.writeBytes(row);
        }
        Deflater z = new Deflater();
        z.setInput(raw.toByteArray());
        z.finish();
        byte[] buf = new byte[65536];
        int n = z.deflate(buf);
        chunk(out, "IDAT", java.util.Arrays.copyOf(buf, n));
        chunk(out, "tEXt", "Comment\0x".getBytes());
        if (withEnd) {
            chunk(out, "IEND", new byte[0]);
        }
        return out.toByteArray();
    }

    private static void be32(ByteArrayOutputStream o, int v) {
        o.write(v >>> 24);
        o.write(v >>> 16);
        o.write(v >>> 8);
        o.write(v);
    }

    private static String spoil;

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        be32(out, data.length);
        byte[] t = type.getBytes();
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        be32(out, (int) crc.getValue() ^ (type.equals(spoil) ? 1 : 0));
    }

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    private static int gray(int level, int alpha) {
        return GdImage.argb(level, level, level, alpha);
    }

    @Test
    void lowDepthGreyScalesLikeGd() throws Exception {
        // 2-bit grey: samples 0,1,2,3 packed in one byte -> 0, 85, 170, 255
        GdImage g2 = PngDecoder.decode(png(4, 1, 2, 0, new byte[][] {bytes(0b00_01_10_11)}, null, null), LIMITS);
        assertEquals(gray(0, 0), g2.pixel(0, 0));
        assertEquals(gray(85, 0), g2.pixel(1, 0));
        assertEquals(gray(170, 0), g2.pixel(2, 0));
        assertEquals(gray(255, 0), g2.pixel(3, 0));
        // 4-bit with tRNS on sample 5: that level (255*5/15 = 85) is transparent
        GdImage g4 = PngDecoder.decode(png(2, 1, 4, 0, new byte[][] {bytes(0x5A)}, null, bytes(0, 5)), LIMITS);
        assertEquals(gray(85, 127), g4.pixel(0, 0));
        assertEquals(gray(170, 0), g4.pixel(1, 0));
    }

    @Test
    void greyTransparencyAnd16BitHighByte() throws Exception {
        GdImage g8 = PngDecoder.decode(png(3, 1, 8, 0, new byte[][] {bytes(10, 11, 12)}, null, bytes(0, 11)), LIMITS);
        assertEquals(gray(10, 0), g8.pixel(0, 0));
        assertEquals(gray(11, 127), g8.pixel(1, 0));
        // 16-bit: tRNS 0x0B00 makes every sample with high byte 0x0B transparent
        GdImage g16 = PngDecoder.decode(png(3, 1, 16, 0, new byte[][] {bytes(0x0A, 0xFF, 0x0B, 0x01, 0x0B, 0xFF)}, null,
                bytes(0x0B, 0x00)), LIMITS);
        assertEquals(gray(10, 0), g16.pixel(0, 0));
        assertEquals(gray(11, 127), g16.pixel(1, 0));
        assertEquals(gray(11, 127), g16.pixel(2, 0));
    }

    @Test
    void rgbTransparencyIsIgnored() throws Exception {
        GdImage rgb = PngDecoder.decode(png(2, 1, 8, 2, new byte[][] {bytes(1, 2, 3, 4, 5, 6)}, null, bytes(0, 1, 0, 2, 0, 3)),
                LIMITS);
        assertEquals(GdImage.argb(1, 2, 3, 0), rgb.pixel(0, 0));
        assertEquals(GdImage.argb(4, 5, 6, 0), rgb.pixel(1, 0));
        GdImage rgb16 = PngDecoder.decode(png(1, 1, 16, 2, new byte[][] {bytes(1, 99, 2, 99, 3, 99)}, null, null), LIMITS);
        assertEquals(GdImage.argb(1, 2, 3, 0), rgb16.pixel(0, 0));
    }

    @Test
    void alphaChannelsMapTo7Bits() throws Exception {
        GdImage ga = PngDecoder.decode(png(2, 1, 8, 4, new byte[][] {bytes(50, 255, 60, 0)}, null, null), LIMITS);
        assertEquals(gray(50, 0), ga.pixel(0, 0));
        assertEquals(gray(60, 127), ga.pixel(1, 0));
        GdImage ga16 = PngDecoder.decode(png(1, 1, 16, 4, new byte[][] {bytes(50, 1, 101, 0)}, null, null), LIMITS);
        assertEquals(gray(50, 127 - (101 >> 1)), ga16.pixel(0, 0));
        GdImage rgba = PngDecoder.decode(png(1, 1, 8, 6, new byte[][] {bytes(1, 2, 3, 200)}, null, null), LIMITS);
        assertEquals(GdImage.argb(1, 2, 3, 127 - 100), rgba.pixel(0, 0));
    }

    @Test
    void chunkStructureIsCheckedAsLibpngDoes() throws Exception {
        byte[][] rows = {bytes(1, 2, 3)};
        assertEquals(GdImage.argb(1, 2, 3, 0), PngDecoder.decode(png(1, 1, 8, 2, rows, null, null), LIMITS).pixel(0, 0));
        for (String critical : new String[] {"IHDR", "IDAT", "IEND"}) {
            byte[] bad = png(1, 1, 8, 2, rows, null, null, critical, true);
            org.junit.jupiter.api.Assertions.assertThrows(ImageDecodeException.class, () -> PngDecoder.decode(bad, LIMITS),
                    critical);
        }
        byte[] noEnd = png(1, 1, 8, 2, rows, null, null, null, false);
        org.junit.jupiter.api.Assertions.assertThrows(ImageDecodeException.class, () -> PngDecoder.decode(noEnd, LIMITS));
        // an ancillary chunk with a bad CRC is dropped with a warning, the image still loads
        assertEquals(GdImage.argb(1, 2, 3, 0),
                PngDecoder.decode(png(1, 1, 8, 2, rows, null, null, "tEXt", true), LIMITS).pixel(0, 0));
        // ... and a dropped tRNS no longer makes palette entries transparent
        byte[] plte = bytes(255, 0, 0);
        GdImage p = PngDecoder.decode(png(1, 1, 8, 3, new byte[][] {bytes(0)}, plte, bytes(0), "tRNS", true), LIMITS);
        assertEquals(GdImage.argb(255, 0, 0, 0), p.pixel(0, 0));
    }

    @Test
    void paletteWithPartialTransparency() throws Exception {
        byte[] plte = bytes(255, 0, 0, 0, 255, 0, 0, 0, 255);
        GdImage p = PngDecoder.decode(png(3, 1, 4, 3, new byte[][] {bytes(0x01, 0x20)}, plte, bytes(0, 128)), LIMITS);
        assertEquals(GdImage.argb(255, 0, 0, 127), p.pixel(0, 0));
        assertEquals(GdImage.argb(0, 255, 0, 127 - 64), p.pixel(1, 0));
        assertEquals(GdImage.argb(0, 0, 255, 0), p.pixel(2, 0));
    }
}
