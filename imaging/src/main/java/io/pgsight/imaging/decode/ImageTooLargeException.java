package io.pgsight.imaging.decode;

/**
 * The image header declares more pixels than the configured limit; nothing was decoded, so no
 * memory was spent on it. SQL reports this as an ERROR (54000), not as a decode failure.
 */
public final class ImageTooLargeException extends Exception {
    private final long width;
    private final long height;
    private final long maxPixels;

    public ImageTooLargeException(long width, long height, long maxPixels) {
        super("image is too large: " + width + "x" + height + " pixels");
        this.width = width;
        this.height = height;
        this.maxPixels = maxPixels;
    }

    public long width() {
        return width;
    }

    public long height() {
        return height;
    }

    public long maxPixels() {
        return maxPixels;
    }
}
