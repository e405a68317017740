package io.pgsight.imaging.decode;

/** Image formats image2pattern recognises, and the word used in "Error loading ..." notices. */
public enum ImageFormat {
    JPEG("jpeg"), PNG("png"), GIF("gif"), BMP("bmp"), WEBP("webp"), TIFF("tiff");

    private final String noticeName;

    ImageFormat(String noticeName) {
        this.noticeName = noticeName;
    }

    /** "jpeg", "png", ... as in imgsmlr's {@code Error loading jpeg}. */
    public String noticeName() {
        return noticeName;
    }

    /** The format named by the leading magic bytes, or null when none matches. */
    public static ImageFormat sniff(byte[] d) {
        if (startsWith(d, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (startsWith(d, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (startsWith(d, 'G', 'I', 'F', '8', '7', 'a') || startsWith(d, 'G', 'I', 'F', '8', '9', 'a')) {
            return GIF;
        }
        if (startsWith(d, 'B', 'M')) {
            return BMP;
        }
        if (d.length >= 12 && startsWith(d, 'R', 'I', 'F', 'F') && d[8] == 'W' && d[9] == 'E' && d[10] == 'B'
                && d[11] == 'P') {
            return WEBP;
        }
        if (startsWith(d, 'I', 'I', 42, 0) || startsWith(d, 'M', 'M', 0, 42)
                || startsWith(d, 'I', 'I', 43, 0) || startsWith(d, 'M', 'M', 0, 43)) {
            return TIFF;
        }
        return null;
    }

    private static boolean startsWith(byte[] d, int... magic) {
        if (d.length < magic.length) {
            return false;
        }
        for (int k = 0; k < magic.length; k++) {
            if ((d[k] & 0xff) != magic[k]) {
                return false;
            }
        }
        return true;
    }
}
