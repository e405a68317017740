package io.pgsight.imaging.decode;

/**
 * The header facts libjpeg and libgd act on, read from the marker segments before the first scan:
 * the component count of the frame and whether an Adobe APP14 marker (data length >= 12, starting
 * with "Adobe") is present, with its colour transform byte.
 */
record JpegMarkers(int components, boolean adobe, int adobeTransform) {

    /** Scans {@code data}; unknown or malformed structure just yields what was seen so far. */
    static JpegMarkers scan(byte[] data) {
        int components = 0;
        boolean adobe = false;
        int transform = -1;
        int p = 2;
        int n = data.length;
        while (p + 1 < n) {
            if ((data[p] & 0xff) != 0xFF) {
                p++;
                continue;
            }
            int m = data[p + 1] & 0xff;
            if (m == 0xFF) {
                p++;
                continue;
            }
            p += 2;
            if (m == 0xD8 || m == 0x01 || (m >= 0xD0 && m <= 0xD7)) {
                continue;
            }
            if (m == 0xDA || m == 0xD9 || p + 1 >= n) {
                break;
            }
            int len = ((data[p] & 0xff) << 8) | (data[p + 1] & 0xff);
            int body = p + 2;
            int bodyLen = len - 2;
            if (isStartOfFrame(m) && body + 5 < n) {
                components = data[body + 5] & 0xff;
            }
            if (m == 0xEE && bodyLen >= 12 && body + 12 <= n && data[body] == 'A' && data[body + 1] == 'd'
                    && data[body + 2] == 'o' && data[body + 3] == 'b' && data[body + 4] == 'e') {
                if (!adobe) {
                    transform = data[body + 11] & 0xff;
                }
                adobe = true;
            }
            p += Math.max(len, 2);
        }
        return new JpegMarkers(components, adobe, transform);
    }

    private static boolean isStartOfFrame(int m) {
        return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
    }

    /** libjpeg's choice for a 4-component frame: YCCK unless an Adobe marker says transform 0. */
    boolean isYcck() {
        return components == 4 && adobe && adobeTransform != 0;
    }
}
