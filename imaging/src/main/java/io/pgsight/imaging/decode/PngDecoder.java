package io.pgsight.imaging.decode;

import javax.imageio.ImageReader;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * libgd's {@code gdImageCreateFromPngPtr} (libpng, 16-bit stripped to the high byte) on the JDK PNG
 * reader, following gd's colour-type rules: RGB/RGBA and grey+alpha are truecolor; palette and grey
 * are palette images; tRNS marks palette alphas and one grey level, but an RGB tRNS colour has no
 * effect. gAMA/cHRM/sRGB/iCCP are ignored (samples are read from the raster). The chunk structure
 * is checked first as libpng checks it (see {@link PngHeader}).
 */
public final class PngDecoder {
    private PngDecoder() {
    }

    public static GdImage decode(byte[] data, DecodeLimits limits) throws ImageDecodeException, ImageTooLargeException {
        PngHeader header = PngHeader.scan(data);
        if (header == null) {
            throw new ImageDecodeException(ImageFormat.PNG, null);
        }
        limits.check(header.width(), header.height());
        ImageReader reader = null;
        try {
            reader = ReaderPins.JDK_PNG.open(data);
            BufferedImage image = reader.read(0);
            return toGd(image, header);
        } catch (Exception | LinkageError e) {
            throw new ImageDecodeException(ImageFormat.PNG, e);
        } finally {
            if (reader != null) {
                reader.dispose();
            }
        }
    }

    private static GdImage toGd(BufferedImage image, PngHeader header) {
        Raster raster = image.getRaster();
        switch (header.colorType()) {
            case PngHeader.RGB:
                return RasterPixels.truecolor(raster, 3, false);
            case PngHeader.RGBA:
                return RasterPixels.truecolor(raster, 3, true);
            case PngHeader.GRAY_ALPHA:
                return RasterPixels.truecolor(raster, 1, true);
            case PngHeader.GRAY:
                return gray(raster, header);
            case PngHeader.PALETTE:
                return palette(image, raster, header);
            default:
                throw new IllegalStateException("PNG colour type " + header.colorType());
        }
    }

    /** gd's grey palette: index = 8-bit level (high byte for 16-bit); the tRNS level is transparent. */
    private static GdImage gray(Raster raster, PngHeader header) {
        int bits = raster.getSampleModel().getSampleSize(0);
        int depth = header.bitDepth();
        int[] colors = new int[256];
        int transparentIndex = -1;
        int t = header.grayTransparent();
        if (bits < 8) {
            for (int i = 0; i < (1 << bits); i++) {
                int level = RasterPixels.to8(i, bits);
                colors[i] = GdImage.argb(level, level, level, 0);
            }
            transparentIndex = t;
        } else {
            for (int i = 0; i < 256; i++) {
                colors[i] = GdImage.argb(i, i, i, 0);
            }
            if (t >= 0) {
                // 16-bit: gd compares high bytes; a low-depth image the reader widened compares levels
                transparentIndex = depth == 16 ? t >> 8 : depth < 8 ? RasterPixels.to8(t, depth) : t;
            }
        }
        if (transparentIndex >= 0 && transparentIndex < 256) {
            colors[transparentIndex] |= 127 << 24;
        }
        byte[] indices = RasterPixels.indices(raster, s -> bits == 16 ? s >> 8 : s);
        return new PaletteImage(raster.getWidth(), raster.getHeight(), indices, colors);
    }

    private static GdImage palette(BufferedImage image, Raster raster, PngHeader header) {
        if (!(image.getColorModel() instanceof IndexColorModel icm)) {
            return RasterPixels.truecolor(raster, 3, raster.getNumBands() > 3);
        }
        int[] colors = new int[256];
        for (int i = 0; i < icm.getMapSize() && i < 256; i++) {
            colors[i] = GdImage.argb(icm.getRed(i), icm.getGreen(i), icm.getBlue(i), header.paletteAlpha(i));
        }
        byte[] indices = RasterPixels.indices(raster, s -> s);
        return new PaletteImage(raster.getWidth(), raster.getHeight(), indices, colors);
    }
}
