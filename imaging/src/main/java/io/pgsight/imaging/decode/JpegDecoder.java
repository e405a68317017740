package io.pgsight.imaging.decode;

import javax.imageio.ImageReader;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/**
 * libgd's {@code gdImageCreateFromJpegPtr} (libjpeg-turbo, ISLOW IDCT, fancy upsampling, warnings
 * ignored) on the JDK's own JPEG reader, which runs the same libjpeg 6b algorithms. Samples are
 * taken from the raster, never through a colour model, so embedded ICC profiles are ignored as gd
 * ignores them. Grey is replicated to R=G=B; CMYK/YCCK go through gd's CMYKToRGB with the Adobe
 * inversion. Progressive files are first rewritten as baseline ({@link ProgressiveJpeg}) so the
 * reader decodes them in one pass instead of once per scan.
 */
public final class JpegDecoder {
    private JpegDecoder() {
    }

    public static GdImage decode(byte[] data, DecodeLimits limits) throws ImageDecodeException, ImageTooLargeException {
        if (data.length < 3 || (data[0] & 0xff) != 0xFF || (data[1] & 0xff) != 0xD8) {
            throw new ImageDecodeException(ImageFormat.JPEG, null);
        }
        if (ProgressiveJpeg.isProgressive(data)) {
            byte[] baseline = ProgressiveJpeg.toBaseline(data);
            if (baseline != null) {
                try {
                    return decodeWithJdk(baseline, limits);
                } catch (ImageDecodeException e) {
                    // fall through: the original bytes decide what happens
                }
            }
        }
        return decodeWithJdk(data, limits);
    }

    /** The JDK reader on {@code data}, exactly (progressive files decoded scan by scan). */
    static GdImage decodeWithJdk(byte[] data, DecodeLimits limits) throws ImageDecodeException, ImageTooLargeException {
        ImageReader reader = null;
        try {
            reader = ReaderPins.JDK_JPEG.open(data);
            limits.check(reader.getWidth(0), reader.getHeight(0));
            JpegMarkers markers = JpegMarkers.scan(data);
            if (markers.components() == 4) {
                return fromCmyk(reader.readRaster(0, null), markers);
            }
            BufferedImage image = reader.read(0);
            return RasterPixels.opaqueRgbOrGray(image.getRaster());
        } catch (ImageTooLargeException e) {
            throw e;
        } catch (Exception | LinkageError e) {
            throw new ImageDecodeException(ImageFormat.JPEG, e);
        } finally {
            if (reader != null) {
                reader.dispose();
            }
        }
    }

    private static GdImage fromCmyk(Raster raster, JpegMarkers markers) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        int x0 = raster.getMinX();
        int y0 = raster.getMinY();
        int[] pixels = new int[w * h];
        int[][] bands = new int[4][w];
        boolean ycck = markers.isYcck();
        boolean inverted = markers.adobe();
        for (int y = 0; y < h; y++) {
            for (int b = 0; b < 4; b++) {
                raster.getSamples(x0, y0 + y, w, 1, b, bands[b]);
            }
            for (int x = 0; x < w; x++) {
                int c = bands[0][x];
                int m = bands[1][x];
                int ye = bands[2][x];
                int k = bands[3][x];
                if (ycck) {
                    int luma = c;
                    int cb = m;
                    int cr = ye;
                    c = YcckConversion.cyan(luma, cr);
                    m = YcckConversion.magenta(luma, cb, cr);
                    ye = YcckConversion.yellow(luma, cb);
                }
                if (inverted) {
                    c = 255 - c;
                    m = 255 - m;
                    ye = 255 - ye;
                    k = 255 - k;
                }
                pixels[y * w + x] = GdImage.argb((255 - c) * (255 - k) / 255, (255 - m) * (255 - k) / 255,
                        (255 - ye) * (255 - k) / 255, 0);
            }
        }
        return new TrueColorImage(w, h, pixels);
    }
}
