package io.pgsight.imaging.decode;

/**
 * libgd's GIF reading state machine (gd_gif_in.c: GetDataBlock, GetCode, LWZReadByte), kept
 * behaviour-for-behaviour so that damaged files decode as libgd decodes them: the 280-byte code
 * buffer keeps stale bytes across blocks, a failed refill still yields the bits left in it,
 * an out-of-range code repeats the first code, and so on.
 */
final class GifLzw {
    private static final int MAX_BITS = 12;
    private static final int TABLE = 1 << MAX_BITS;
    private static final int STACK_SIZE = TABLE * 2;
    private static final int BUF_SIZE = 280;

    private final GifInput in;
    /** True after the last data block read had length 0 (gd's ZeroDataBlock). */
    boolean zeroDataBlock;

    // GetCode state
    private final byte[] buf = new byte[BUF_SIZE];
    private int curbit;
    private int lastbit;
    private boolean done;
    private int lastByte;

    // LWZReadByte state
    private boolean fresh;
    private int codeSize;
    private int setCodeSize;
    private int maxCode;
    private int maxCodeSize;
    private int firstcode;
    private int oldcode;
    private int clearCode;
    private int endCode;
    private final int[] prefix = new int[TABLE];
    private final int[] suffix = new int[TABLE];
    private final int[] stack = new int[STACK_SIZE];
    private int sp;

    GifLzw(GifInput in) {
        this.in = in;
    }

    /** gd's GetDataBlock into {@code dest} at {@code off}: the block length, or -1 at end of input. */
    int dataBlock(byte[] dest, int off) {
        int count = in.read();
        if (count < 0) {
            return -1;
        }
        zeroDataBlock = count == 0;
        if (count != 0 && in.read(dest, off, count) != count) {
            return -1;
        }
        return count;
    }

    /** Skips data sub-blocks until the terminator or end of input. */
    void skipBlocks() {
        byte[] scratch = new byte[256];
        while (dataBlock(scratch, 0) > 0) {
            // skip
        }
    }

    private int code(int size) {
        if (curbit + size >= lastbit) {
            if (done) {
                return -1;
            }
            buf[0] = buf[lastByte - 2];
            buf[1] = buf[lastByte - 1];
            int count = dataBlock(buf, 2);
            if (count <= 0) {
                done = true;
            }
            lastByte = 2 + count;
            curbit = (curbit - lastbit) + 16;
            lastbit = (2 + count) * 8;
        }
        int ret = 0;
        if (curbit + size - 1 >= BUF_SIZE * 8) {
            ret = -1;
        } else {
            for (int i = curbit, j = 0; j < size; ++i, ++j) {
                ret |= ((buf[i >> 3] & (1 << (i & 7))) != 0 ? 1 : 0) << j;
            }
        }
        curbit += size;
        return ret;
    }

    /** LWZReadByte(flag = TRUE). */
    void start(int inputCodeSize) {
        setCodeSize = inputCodeSize;
        codeSize = setCodeSize + 1;
        clearCode = 1 << setCodeSize;
        endCode = clearCode + 1;
        maxCodeSize = 2 * clearCode;
        maxCode = clearCode + 2;
        curbit = 0;
        lastbit = 0;
        lastByte = 2;
        done = false;
        fresh = true;
        for (int i = 0; i < clearCode; ++i) {
            prefix[i] = 0;
            suffix[i] = i;
        }
        for (int i = clearCode; i < TABLE; ++i) {
            prefix[i] = 0;
        }
        sp = 0;
    }

    /** LWZReadByte(flag = FALSE): the next palette index, or a negative value at the end. */
    int next() {
        if (fresh) {
            fresh = false;
            do {
                firstcode = oldcode = code(codeSize);
            } while (firstcode == clearCode);
            return firstcode;
        }
        if (sp > 0) {
            return stack[--sp];
        }
        int c;
        while ((c = code(codeSize)) >= 0) {
            if (c == clearCode) {
                for (int i = 0; i < clearCode; ++i) {
                    prefix[i] = 0;
                    suffix[i] = i;
                }
                for (int i = clearCode; i < TABLE; ++i) {
                    prefix[i] = 0;
                    suffix[i] = 0;
                }
                codeSize = setCodeSize + 1;
                maxCodeSize = 2 * clearCode;
                maxCode = clearCode + 2;
                sp = 0;
                firstcode = oldcode = code(codeSize);
                return firstcode;
            } else if (c == endCode) {
                if (zeroDataBlock) {
                    return -2;
                }
                byte[] scratch = new byte[260];
                int count;
                while ((count = dataBlock(scratch, 0)) > 0) {
                    // drain
                }
                if (count != 0) {
                    return -2;
                }
            }
            int incode = c;
            if (sp == STACK_SIZE) {
                return -1;
            }
            if (c >= maxCode) {
                stack[sp++] = firstcode;
                c = oldcode;
            }
            while (c >= clearCode) {
                if (sp == STACK_SIZE || c >= TABLE) {
                    return -1;
                }
                stack[sp++] = suffix[c];
                c = prefix[c];
            }
            if (c < 0 || c >= TABLE) {
                return -1;
            }
            stack[sp++] = firstcode = suffix[c];
            if ((c = maxCode) < TABLE) {
                prefix[c] = oldcode;
                suffix[c] = firstcode;
                ++maxCode;
                if (maxCode >= maxCodeSize && maxCodeSize < TABLE) {
                    maxCodeSize *= 2;
                    ++codeSize;
                }
            }
            oldcode = incode;
            if (sp > 0) {
                return stack[--sp];
            }
        }
        return c;
    }
}
