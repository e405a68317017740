package io.pgsight.imaging.decode;

import java.util.Arrays;

/** IHDR and tRNS of a PNG, read from the chunk list before the first IDAT (CRCs left to the decoder). */
record PngHeader(long width, long height, int bitDepth, int colorType, byte[] transparency) {
    static final int GRAY = 0;
    static final int RGB = 2;
    static final int PALETTE = 3;
    static final int GRAY_ALPHA = 4;
    static final int RGBA = 6;

    /** Null when the data is not a PNG with a readable IHDR. */
    static PngHeader scan(byte[] d) {
        if (d.length < 33 || ImageFormat.sniff(d) != ImageFormat.PNG) {
            return null;
        }
        int p = 8;
        long width = -1;
        long height = -1;
        int depth = -1;
        int type = -1;
        byte[] trns = null;
        while (p + 8 <= d.length) {
            long len = u32(d, p);
            String chunk = new String(d, p + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            int body = p + 8;
            if (len > d.length - body) {
                break;
            }
            if (chunk.equals("IHDR") && len >= 13) {
                width = u32(d, body);
                height = u32(d, body + 4);
                depth = d[body + 8] & 0xff;
                type = d[body + 9] & 0xff;
            } else if (chunk.equals("tRNS")) {
                trns = Arrays.copyOfRange(d, body, body + (int) len);
            } else if (chunk.equals("IDAT") || chunk.equals("IEND")) {
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
}
