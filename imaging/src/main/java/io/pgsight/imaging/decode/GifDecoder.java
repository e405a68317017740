package io.pgsight.imaging.decode;

import javax.imageio.ImageReader;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * libgd's {@code gdImageCreateFromGifPtr}: the first frame only, as a palette image of the frame's
 * own size, the transparent index (from the graphic control extension) fully transparent.
 */
public final class GifDecoder {
    private GifDecoder() {
    }

    public static GdImage decode(byte[] data, DecodeLimits limits) throws ImageDecodeException, ImageTooLargeException {
        if (ImageFormat.sniff(data) != ImageFormat.GIF) {
            throw new ImageDecodeException(ImageFormat.GIF, null);
        }
        ImageReader reader = null;
        try {
            reader = ReaderPins.JDK_GIF.open(data);
            limits.check(reader.getWidth(0), reader.getHeight(0));
            BufferedImage image = reader.read(0);
            return toGd(image);
        } catch (ImageTooLargeException e) {
            throw e;
        } catch (Exception | LinkageError e) {
            throw new ImageDecodeException(ImageFormat.GIF, e);
        } finally {
            if (reader != null) {
                reader.dispose();
            }
        }
    }

    private static GdImage toGd(BufferedImage image) {
        Raster raster = image.getRaster();
        if (!(image.getColorModel() instanceof IndexColorModel icm)) {
            throw new IllegalStateException("GIF frame without a palette");
        }
        int[] colors = new int[256];
        for (int i = 0; i < icm.getMapSize() && i < 256; i++) {
            colors[i] = GdImage.argb(icm.getRed(i), icm.getGreen(i), icm.getBlue(i), 0);
        }
        int transparent = icm.getTransparentPixel();
        if (transparent >= 0 && transparent < 256) {
            colors[transparent] |= 127 << 24;
        }
        byte[] indices = RasterPixels.indices(raster, s -> s);
        return new PaletteImage(raster.getWidth(), raster.getHeight(), indices, colors);
    }
}
