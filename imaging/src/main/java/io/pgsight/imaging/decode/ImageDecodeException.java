package io.pgsight.imaging.decode;

/**
 * The image could not be decoded (libgd's loader would return NULL). imgsmlr turns this into
 * {@code NOTICE: Error loading <format>} and a NULL result, so the message is that notice text.
 */
public final class ImageDecodeException extends Exception {
    private final ImageFormat format;

    public ImageDecodeException(ImageFormat format, String noticeName, Throwable cause) {
        super("Error loading " + noticeName, cause);
        this.format = format;
    }

    public ImageDecodeException(ImageFormat format, Throwable cause) {
        this(format, format.noticeName(), cause);
    }

    /** The format that was being decoded, or null when the data matched no known format. */
    public ImageFormat format() {
        return format;
    }
}
