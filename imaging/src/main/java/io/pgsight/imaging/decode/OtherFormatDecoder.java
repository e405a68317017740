package io.pgsight.imaging.decode;

import javax.imageio.ImageReader;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * BMP, WebP and TIFF for image2pattern (libgd's own loaders for these are not reproduced): the
 * first image through the listed readers in order (JDK first where it has one, TwelveMonkeys after),
 * colours through the image's colour model (sRGB), alpha mapped to gd's 7 bits.
 */
public final class OtherFormatDecoder {
    private OtherFormatDecoder() {
    }

    static List<ReaderPins> readersFor(ImageFormat format) {
        return switch (format) {
            case BMP -> List.of(ReaderPins.JDK_BMP, ReaderPins.TWELVEMONKEYS_BMP);
            case TIFF -> List.of(ReaderPins.JDK_TIFF, ReaderPins.TWELVEMONKEYS_TIFF);
            case WEBP -> List.of(ReaderPins.TWELVEMONKEYS_WEBP);
            case JPEG -> List.of(ReaderPins.TWELVEMONKEYS_JPEG);
            default -> List.of();
        };
    }

    public static GdImage decode(byte[] data, ImageFormat format, DecodeLimits limits)
            throws ImageDecodeException, ImageTooLargeException {
        Exception last = null;
        for (ReaderPins pin : readersFor(format)) {
            if (pin.provider().isEmpty()) {
                continue;
            }
            ImageReader reader = null;
            try {
                reader = pin.open(data);
                limits.check(reader.getWidth(0), reader.getHeight(0));
                return fromArgb(reader.read(0));
            } catch (ImageTooLargeException e) {
                throw e;
            } catch (Exception | LinkageError e) {
                last = e instanceof Exception ex ? ex : new RuntimeException(e);
            } finally {
                if (reader != null) {
                    reader.dispose();
                }
            }
        }
        throw new ImageDecodeException(format, last);
    }

    private static GdImage fromArgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] pixels = new int[w * h];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                pixels[y * w + x] = (p & 0xffffff) | ((127 - ((p >>> 24) >> 1)) << 24);
            }
        }
        return new TrueColorImage(w, h, pixels);
    }
}
