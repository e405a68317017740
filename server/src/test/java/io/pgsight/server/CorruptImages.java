package io.pgsight.server;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Broken and hostile image files: mutations of real ones, and headers promising far more than they hold. */
final class CorruptImages {
    private CorruptImages() {
    }

    /** A corrupted copy of {@code image}: truncated, bit-flipped, with another format's magic, or spliced. */
    static byte[] mutate(byte[] image, List<byte[]> others, Random r) {
        byte[] m = image.clone();
        switch (r.nextInt(6)) {
            case 0 -> m = Arrays.copyOf(m, r.nextInt(m.length));
            case 1 -> {
                int flips = 1 + r.nextInt(20);
                for (int i = 0; i < flips; i++) {
                    m[r.nextInt(m.length)] ^= (byte) (1 << r.nextInt(8));
                }
            }
            case 2 -> {
                // the header of another format, the body of this one
                byte[] other = others.get(r.nextInt(others.size()));
                System.arraycopy(other, 0, m, 0, Math.min(Math.min(other.length, m.length), 1 + r.nextInt(64)));
            }
            case 3 -> {
                // damage near the start, where the headers and tables are
                int span = Math.min(m.length, 512);
                for (int i = 0; i < 1 + r.nextInt(8); i++) {
                    m[r.nextInt(span)] = (byte) r.nextInt(256);
                }
            }
            case 4 -> {
                byte[] other = others.get(r.nextInt(others.size()));
                int cut = r.nextInt(m.length);
                byte[] spliced = Arrays.copyOf(m, cut + other.length - other.length / 2);
                System.arraycopy(other, other.length / 2, spliced, cut, other.length - other.length / 2);
                m = spliced;
            }
            default -> {
                byte[] random = new byte[r.nextInt(2048)];
                r.nextBytes(random);
                m = random;
            }
        }
        return m;
    }

    /** A PNG declaring width x height RGB with an IDAT inflating to {@code inflated} zero bytes. */
    static byte[] pngBomb(int width, int height, int inflated) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        Deflater deflater = new Deflater(9);
        byte[] zeros = new byte[1 << 16];
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        for (int done = 0; done < inflated; done += zeros.length) {
            deflater.setInput(zeros, 0, Math.min(zeros.length, inflated - done));
            while (!deflater.needsInput()) {
                z.write(buf, 0, deflater.deflate(buf));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            z.write(buf, 0, deflater.deflate(buf));
        }
        deflater.end();
        chunk(png, "IDAT", z.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A GIF with a huge logical screen and image, a tiny LZW stream. */
    static byte[] gifBomb(int width, int height) {
        ByteArrayOutputStream gif = new ByteArrayOutputStream();
        gif.writeBytes("GIF89a".getBytes(StandardCharsets.US_ASCII));
        le16(gif, width);
        le16(gif, height);
        gif.write(0x80); // global color table of 2 entries
        gif.write(0);
        gif.write(0);
        gif.writeBytes(new byte[] {0, 0, 0, (byte) 255, (byte) 255, (byte) 255});
        gif.write(0x2c);
        le16(gif, 0);
        le16(gif, 0);
        le16(gif, width);
        le16(gif, height);
        gif.write(0);
        gif.write(2); // LZW minimum code size
        gif.writeBytes(new byte[] {2, 0x44, 0x01, 0}); // clear, one pixel, end
        gif.write(0x3b);
        return gif.toByteArray();
    }

    /** A baseline JPEG header declaring width x height, then almost no scan data. */
    static byte[] jpegBomb(int width, int height) {
        ByteArrayOutputStream jpg = new ByteArrayOutputStream();
        jpg.writeBytes(new byte[] {(byte) 0xff, (byte) 0xd8});
        jpg.writeBytes(new byte[] {(byte) 0xff, (byte) 0xc0, 0, 11, 8});
        jpg.write(height >>> 8);
        jpg.write(height);
        jpg.write(width >>> 8);
        jpg.write(width);
        jpg.writeBytes(new byte[] {1, 1, 0x11, 0});
        jpg.writeBytes(new byte[] {(byte) 0xff, (byte) 0xda, 0, 8, 1, 1, 0, 0, 63, 0, 0x12, 0x34});
        jpg.writeBytes(new byte[] {(byte) 0xff, (byte) 0xd9});
        return jpg.toByteArray();
    }

    private static void le16(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >>> 8);
    }
}
