package io.pgsight.imaging.decode;

/**
 * libgd's {@code gdImageCreateFromGifPtr} (2.3.3), re-implemented rather than delegated to ImageIO
 * so that damaged and unusual files behave as in libgd: only the first frame, as a palette image of
 * the frame's own size; a frame that does not fit the logical screen fails; without any colour
 * table a default map (entry 1 white) is used; data that ends early leaves index 0; an image in
 * which no pixel was decoded fails; the transparent index of the graphic control extensions read
 * before the frame is fully transparent.
 */
public final class GifDecoder {
    private GifDecoder() {
    }

    public static GdImage decode(byte[] data, DecodeLimits limits) throws ImageDecodeException, ImageTooLargeException {
        try {
            GdImage image = read(data, limits);
            if (image == null) {
                throw new ImageDecodeException(ImageFormat.GIF, null);
            }
            return image;
        } catch (RuntimeException e) {
            throw new ImageDecodeException(ImageFormat.GIF, e);
        }
    }

    private static int u16(byte[] b, int off) {
        return (b[off] & 0xff) | ((b[off + 1] & 0xff) << 8);
    }

    /** Null where libgd returns NULL. */
    private static GdImage read(byte[] data, DecodeLimits limits) throws ImageTooLargeException {
        GifInput in = new GifInput(data);
        byte[] buf = new byte[16];
        if (in.read(buf, 0, 6) != 6 || buf[0] != 'G' || buf[1] != 'I' || buf[2] != 'F') {
            return null;
        }
        boolean v87 = buf[3] == '8' && buf[4] == '7' && buf[5] == 'a';
        boolean v89 = buf[3] == '8' && buf[4] == '9' && buf[5] == 'a';
        if (!v87 && !v89) {
            return null;
        }
        if (in.read(buf, 0, 7) != 7) {
            return null;
        }
        int screenWidth = u16(buf, 0);
        int screenHeight = u16(buf, 2);
        int[] globalMap = new int[256];
        boolean haveGlobal = (buf[4] & 0x80) != 0;
        if (haveGlobal && !readColorMap(in, 2 << (buf[4] & 0x07), globalMap)) {
            return null;
        }
        int transparent = -1;
        GifLzw lzw = new GifLzw(in);
        while (true) {
            int c = in.read();
            if (c < 0 || c == ';') {
                return null; // no image before the end (gd: terminated with im == NULL)
            }
            if (c == '!') {
                int label = in.read();
                if (label < 0) {
                    return null;
                }
                transparent = extension(lzw, label, transparent);
                continue;
            }
            if (c != ',') {
                continue;
            }
            if (in.read(buf, 0, 9) != 9) {
                return null;
            }
            int left = u16(buf, 0);
            int top = u16(buf, 2);
            int width = u16(buf, 4);
            int height = u16(buf, 6);
            int flags = buf[8] & 0xff;
            if (left + width > screenWidth || top + height > screenHeight) {
                return null;
            }
            limits.check(width, height);
            int[] map;
            if ((flags & 0x80) != 0) {
                map = new int[256];
                if (!readColorMap(in, 1 << ((flags & 0x07) + 1), map)) {
                    return null;
                }
            } else {
                map = globalMap;
                if (!haveGlobal) {
                    map[1] = 0xffffff; // the spec's default: black and white
                }
            }
            return frame(lzw, in, width, height, map, (flags & 0x40) != 0, transparent);
        }
    }

    private static boolean readColorMap(GifInput in, int count, int[] map) {
        byte[] rgb = new byte[3];
        for (int i = 0; i < count; i++) {
            if (in.read(rgb, 0, 3) != 3) {
                return false;
            }
            if (i < 256) {
                map[i] = GdImage.argb(rgb[0] & 0xff, rgb[1] & 0xff, rgb[2] & 0xff, 0);
            }
        }
        return true;
    }

    /** gd's DoExtension: a graphic control extension with its flag set overwrites the transparent index. */
    private static int extension(GifLzw lzw, int label, int transparent) {
        if (label == 0xF9) {
            byte[] block = new byte[256];
            lzw.dataBlock(block, 0);
            if ((block[0] & 0x1) != 0) {
                transparent = block[3] & 0xff;
            }
        }
        lzw.skipBlocks();
        return transparent;
    }

    /** gd's ReadImage, then the colour-usage check of gdImageCreateFromGifCtx. */
    private static GdImage frame(GifLzw lzw, GifInput in, int width, int height, int[] map, boolean interlace,
                                 int transparent) {
        byte[] pixels = new byte[width * height];
        boolean[] used = new boolean[256];
        boolean anyUsed = false;
        int codeSize = in.read();
        if (codeSize >= 0 && codeSize <= 12) {
            lzw.start(codeSize);
            int x = 0;
            int y = 0;
            int pass = 0;
            int v;
            while ((v = lzw.next()) >= 0) {
                if (v >= 256) {
                    v = 0;
                }
                used[v] = true;
                anyUsed = true;
                if (x < width && y < height) {
                    pixels[y * width + x] = (byte) v;
                }
                ++x;
                if (x == width) {
                    x = 0;
                    if (interlace) {
                        switch (pass) {
                            case 0, 1 -> y += 8;
                            case 2 -> y += 4;
                            case 3 -> y += 2;
                            default -> { }
                        }
                        if (y >= height) {
                            ++pass;
                            if (pass == 1) {
                                y = 4;
                            } else if (pass == 2) {
                                y = 2;
                            } else if (pass == 3) {
                                y = 1;
                            } else {
                                break;
                            }
                        }
                    } else {
                        ++y;
                    }
                }
                if (y >= height) {
                    break;
                }
            }
        }
        if (!anyUsed) {
            return null; // every palette entry still "open": gd trims them all and fails
        }
        int[] colors = map.clone();
        if (transparent >= 0 && transparent < 256) {
            colors[transparent] |= 127 << 24;
        }
        return new PaletteImage(width, height, pixels, colors);
    }
}
