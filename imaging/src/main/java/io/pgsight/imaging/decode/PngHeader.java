package io.pgsight.imaging.decode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * The chunk structure of a PNG as libpng (through libgd, which reads up to IEND) checks it, and the
 * facts gd acts on: IHDR and tRNS. ImageIO's reader neither verifies CRCs nor needs IEND, so this
 * walk is what makes a damaged file fail as it fails in libgd: a critical chunk (IHDR, PLTE, IDAT,
 * IEND ...) with a bad CRC, a chunk cut short, or no IEND is an error; an ancillary chunk with a
 * bad CRC is discarded (libpng's default), which matters for tRNS.
 */
record PngHeader(long width, long height, int bitDepth, int colorType, byte[] transparency) {
    static final int GRAY = 0;
    static final int RGB = 2;
    static final int PALETTE = 3;
    static final int GRAY_ALPHA = 4;
    static final int RGBA = 6;

    /** Null when libpng would fail on the structure. */
    static PngHeader scan(byte[] d) {
        if (d.length < 8 || ImageFormat.sniff(d) != ImageFormat.PNG) {
            return null;
        }
        int p = 8;
        long width = -1;
        long height = -1;
        int depth = -1;
        int type = -1;
        byte[] trns = null;
        CRC32 crc = new CRC32();
        while (true) {
            if (p + 8 > d.length) {
                return null; // no IEND: libpng's png_read_end runs out of data
            }
            long len = u32(d, p);
            int body = p + 8;
            if (len > 0x7fffffffL || len > d.length - body - 4L) {
                return null;
            }
            String chunk = new String(d, p + 4, 4, StandardCharsets.ISO_8859_1);
            crc.reset();
            crc.update(d, p + 4, 4 + (int) len);
            boolean crcOk = crc.getValue() == u32(d, body + (int) len);
            boolean critical = (d[p + 4] & 0x20) == 0;
            if (!crcOk && critical) {
                return null;
            }
            if (crcOk) {
                if (chunk.equals("IHDR") && len >= 13) {
                    width = u32(d, body);
                    height = u32(d, body + 4);
                    depth = d[body + 8] & 0xff;
                    type = d[body + 9] & 0xff;
                } else if (chunk.equals("tRNS")) {
                    trns = Arrays.copyOfRange(d, body, body + (int) len);
                }
            }
            if (chunk.equals("IEND")) {
                break;
            }
            p = body + (int) len + 4;
        }
        return width < 0 ? null : new PngHeader(width, height, depth, type, trns);
    }

    private static long u32(byte[] d, int p) {
        return ((long) (d[p] & 0xff) << 24) | ((d[p + 1] & 0xff) << 16) | ((d[p + 2] & 0xff) << 8) | (d[p + 3] & 0xff);
    }

    /** The tRNS grey value of a grey image, or -1. */
    int grayTransparent() {
        if (colorType != GRAY || transparency == null || transparency.length < 2) {
            return -1;
        }
        return ((transparency[0] & 0xff) << 8) | (transparency[1] & 0xff);
    }

    /** gd's alpha for palette entry {@code i}: from tRNS when listed, else opaque. */
    int paletteAlpha(int i) {
        if (colorType != PALETTE || transparency == null || i >= transparency.length) {
            return 0;
        }
        return 127 - ((transparency[i] & 0xff) >> 1);
    }
}
