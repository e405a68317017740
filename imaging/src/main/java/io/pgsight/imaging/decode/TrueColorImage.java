package io.pgsight.imaging.decode;

/** A libgd truecolor image: one packed gd pixel per int, row-major. */
public final class TrueColorImage implements GdImage {
    private final int width;
    private final int height;
    private final int[] pixels;

    public TrueColorImage(int width, int height, int[] pixels) {
        if (pixels.length != width * height) {
            throw new IllegalArgumentException("pixel count does not match " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.pixels = pixels;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public int pixel(int x, int y) {
        if (x >= width || y >= height) {
            return 0; // gdImageGetPixel answers 0 out of bounds (only for 0-sized images)
        }
        return pixels[y * width + x];
    }
}
