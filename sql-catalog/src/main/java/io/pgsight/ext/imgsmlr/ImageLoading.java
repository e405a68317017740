package io.pgsight.ext.imgsmlr;

import io.pgsight.imaging.ImagingOptions;
import io.pgsight.imaging.Pattern;
import io.pgsight.imaging.decode.ImageDecodeException;
import io.pgsight.imaging.decode.ImageTooLargeException;
import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.spi.FunctionContext;
import io.pgsight.sql.spi.ScalarFunction;

/**
 * The body shared by the *2pattern functions: undecodable input gives imgsmlr's NOTICE and NULL;
 * an image over the pixel limit or one that exhausts memory is an ERROR, never a crash.
 */
final class ImageLoading {
    @FunctionalInterface
    interface Loader {
        Pattern load(byte[] data, ImagingOptions options) throws ImageDecodeException, ImageTooLargeException;
    }

    private ImageLoading() {
    }

    static ScalarFunction body(Loader loader) {
        return (ctx, args) -> load(ctx, (byte[]) args[0], loader);
    }

    static Pattern load(FunctionContext ctx, byte[] data, Loader loader) {
        ImagingOptions options = ImgsmlrSettings.options(ctx);
        try {
            return loader.load(data, options);
        } catch (ImageDecodeException e) {
            ctx.notice("NOTICE", e.getMessage());
            return null;
        } catch (ImageTooLargeException e) {
            throw new SqlException("54000", e.getMessage())
                    .withDetail("The limit is " + e.maxPixels() + " pixels.")
                    .withHint("Raise " + ImgsmlrSettings.MAX_PIXELS + " to load larger images.");
        } catch (OutOfMemoryError e) {
            throw new SqlException("53200", "out of memory")
                    .withDetail("Failed while decoding an image of " + data.length + " bytes.");
        }
    }
}
