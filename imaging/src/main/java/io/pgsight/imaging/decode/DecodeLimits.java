package io.pgsight.imaging.decode;

/**
 * Memory bounds for decoding: images whose header declares more than {@code maxPixels} pixels are
 * refused before any pixel buffer is allocated.
 */
public record DecodeLimits(long maxPixels) {
    /** 40 megapixels: about 160 MB for the pixel copy plus the decoder's own raster. */
    public static final long DEFAULT_MAX_PIXELS = 40_000_000L;

    public DecodeLimits {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be positive");
        }
    }

    public static DecodeLimits defaults() {
        return new DecodeLimits(DEFAULT_MAX_PIXELS);
    }

    void check(long width, long height) throws ImageTooLargeException {
        if (width > 0 && height > 0 && width * height > maxPixels) {
            throw new ImageTooLargeException(width, height, maxPixels);
        }
    }
}
