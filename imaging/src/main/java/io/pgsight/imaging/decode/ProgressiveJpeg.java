package io.pgsight.imaging.decode;

import java.io.ByteArrayOutputStream;

/**
 * Rewrites a progressive JPEG as a baseline JPEG holding exactly the same DCT coefficients, so the
 * JDK's reader decodes it in one pass. The JDK reader runs one full output pass (IDCT, upsampling,
 * colour conversion and a Java call per scanline) for every progressive scan, often ten or more;
 * libgd's libjpeg reads all scans first and outputs once. With all coefficients complete, libjpeg's
 * output of the progressive file and of the baseline copy are the same pixels (same quantisation
 * tables, IDCT, upsampling and colour conversion; no block smoothing because nothing is missing).
 *
 * <p>Only plain, well-formed files are rewritten: 8-bit Huffman progressive frames whose scans bring
 * every coefficient of every component to full precision. Anything else (truncated data, corrupt
 * codes, arithmetic coding, a DQT between scans) gives {@code null}, and the caller decodes the
 * original bytes as before.
 */
final class ProgressiveJpeg {
    private ProgressiveJpeg() {
    }

    /** True when the first frame marker is SOF2 (progressive, Huffman). */
    static boolean isProgressive(byte[] data) {
        int p = 2;
        while (p + 3 < data.length) {
            if ((data[p] & 0xff) != 0xFF) {
                return false;
            }
            int m = data[p + 1] & 0xff;
            if (m == 0xFF) {
                p++;
                continue;
            }
            if (m == 0xC2) {
                return true;
            }
            if ((m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) || m == 0xDA || m == 0xD9) {
                return false;
            }
            p += 2 + (((data[p + 2] & 0xff) << 8) | (data[p + 3] & 0xff));
        }
        return false;
    }

    /** The baseline rewrite, or null when the file is not one this class rewrites exactly. */
    static byte[] toBaseline(byte[] data) {
        try {
            return new Reader(data).transcode();
        } catch (Corrupt | RuntimeException e) {
            return null;
        }
    }

    /** Any structure this class does not rewrite. */
    private static final class Corrupt extends Exception {
        Corrupt() {
            super(null, null, false, false);
        }
    }

    private static final class Component {
        int id;
        int h;
        int v;
        int tq;
        int blocksWide;   // blocks covering the component's own samples
        int blocksHigh;
        int stride;       // blocks per row in storage (MCU-padded)
        short[] coef;     // 64 per block, zig-zag order
        int[] coefBits = new int[64];
        int dcTable;
        int acTable;
    }

    private static final class Reader {
        private final byte[] data;
        private int pos;
        private final ByteArrayOutputStream header = new ByteArrayOutputStream();
        private byte[] frame;
        private Component[] comps;
        private int width;
        private int height;
        private int mcusWide;
        private int mcusHigh;
        private int restartInterval;
        private final Huffman[] dc = new Huffman[4];
        private final Huffman[] ac = new Huffman[4];
        private boolean scanned;
        // entropy reader state
        private long bits;
        private int bitCount;
        private int eobrun;

        Reader(byte[] data) {
            this.data = data;
        }

        byte[] transcode() throws Corrupt {
            if (u8(0) != 0xFF || u8(1) != 0xD8) {
                throw new Corrupt();
            }
            pos = 2;
            while (true) {
                int m = nextMarker();
                if (m == 0xD9) {
                    break;
                }
                int len = u16(pos);
                int body = pos + 2;
                int end = pos + len;
                if (len < 2 || end > data.length) {
                    throw new Corrupt();
                }
                if ((m >= 0xE0 && m <= 0xEF) || m == 0xFE) {
                    if (!scanned) {
                        header.write(0xFF);
                        header.write(m);
                        header.write(data, pos, len);
                    }
                    pos = end;
                } else if (m == 0xDB) {
                    if (scanned) {
                        throw new Corrupt(); // quantisation tables are latched per component at its first scan
                    }
                    header.write(0xFF);
                    header.write(m);
                    header.write(data, pos, len);
                    pos = end;
                } else if (m == 0xC4) {
                    readHuffmanTables(body, end);
                    pos = end;
                } else if (m == 0xDD) {
                    restartInterval = u16(body);
                    pos = end;
                } else if (m == 0xC2) {
                    if (frame != null) {
                        throw new Corrupt();
                    }
                    readFrame(body, end);
                    pos = end;
                } else if (m == 0xDA) {
                    if (frame == null) {
                        throw new Corrupt();
                    }
                    pos = end;
                    scan(body, end);
                    scanned = true;
                } else {
                    throw new Corrupt(); // other frame types, DNL, DAC, ...
                }
            }
            if (!scanned) {
                throw new Corrupt();
            }
            for (Component c : comps) {
                for (int b : c.coefBits) {
                    if (b != 0) {
                        throw new Corrupt(); // libjpeg would smooth blocks with missing bits
                    }
                }
            }
            return writeBaseline();
        }

        /** SOI, the copied APPn/COM/DQT segments, SOF0, one DHT, one sequential scan, EOI. */
        private byte[] writeBaseline() throws Corrupt {
            BitWriter out = new BitWriter(data.length * 2 + 1024);
            out.bytes(new byte[] {(byte) 0xFF, (byte) 0xD8});
            out.bytes(header.toByteArray());
            out.segment(0xC0, frame);
            out.segment(0xC4, StandardTables.DHT);
            byte[] sos = new byte[4 + 2 * comps.length];
            sos[0] = (byte) comps.length;
            for (int i = 0; i < comps.length; i++) {
                sos[1 + 2 * i] = (byte) comps[i].id;
                sos[2 + 2 * i] = 0; // DC table 0, AC table 0
            }
            sos[2 + 2 * comps.length] = 63;
            out.segment(0xDA, sos);
            int[] pred = new int[comps.length];
            if (comps.length == 1) {
                Component c = comps[0];
                for (int by = 0; by < c.blocksHigh; by++) {
                    for (int bx = 0; bx < c.blocksWide; bx++) {
                        pred[0] = encodeBlock(out, c.coef, (by * c.stride + bx) * 64, pred[0]);
                    }
                }
            } else {
                for (int my = 0; my < mcusHigh; my++) {
                    for (int mx = 0; mx < mcusWide; mx++) {
                        for (int i = 0; i < comps.length; i++) {
                            Component c = comps[i];
                            for (int y = 0; y < c.v; y++) {
                                for (int x = 0; x < c.h; x++) {
                                    int b = (my * c.v + y) * c.stride + mx * c.h + x;
                                    pred[i] = encodeBlock(out, c.coef, b * 64, pred[i]);
                                }
                            }
                        }
                    }
                }
            }
            out.flushBits();
            out.bytes(new byte[] {(byte) 0xFF, (byte) 0xD9});
            return out.toByteArray();
        }

        /** Huffman-codes one block (zig-zag order) with the standard tables; returns the new DC predictor. */
        private static int encodeBlock(BitWriter out, short[] coef, int o, int pred) throws Corrupt {
            int dcValue = coef[o];
            int diff = dcValue - pred;
            int s = category(diff);
            if (s > 11) {
                throw new Corrupt();
            }
            out.bits(StandardTables.DC_CODE[s], StandardTables.DC_LENGTH[s]);
            if (s > 0) {
                out.bits(diff < 0 ? diff - 1 : diff, s);
            }
            int run = 0;
            for (int k = 1; k < 64; k++) {
                int v = coef[o + k];
                if (v == 0) {
                    run++;
                    continue;
                }
                while (run > 15) {
                    out.bits(StandardTables.AC_CODE[0xF0], StandardTables.AC_LENGTH[0xF0]);
                    run -= 16;
                }
                s = category(v);
                if (s > 10) {
                    throw new Corrupt();
                }
                int symbol = (run << 4) | s;
                out.bits(StandardTables.AC_CODE[symbol], StandardTables.AC_LENGTH[symbol]);
                out.bits(v < 0 ? v - 1 : v, s);
                run = 0;
            }
            if (run > 0) {
                out.bits(StandardTables.AC_CODE[0], StandardTables.AC_LENGTH[0]);
            }
            return dcValue;
        }

        private static int ceilDiv(int a, int b) {
            return (a + b - 1) / b;
        }

        private static int category(int v) {
            return 32 - Integer.numberOfLeadingZeros(Math.abs(v));
        }

        private int u8(int p) {
            return data[p] & 0xff;
        }

        private int u16(int p) throws Corrupt {
            if (p + 1 >= data.length) {
                throw new Corrupt();
            }
            return (u8(p) << 8) | u8(p + 1);
        }

        /** The next marker code at {@code pos} (fill bytes skipped); pos moves past it. */
        private int nextMarker() throws Corrupt {
            if (pos + 1 >= data.length || u8(pos) != 0xFF) {
                throw new Corrupt();
            }
            while (pos < data.length && u8(pos) == 0xFF) {
                pos++;
            }
            if (pos >= data.length) {
                throw new Corrupt();
            }
            return u8(pos++);
        }

        private void readFrame(int p, int end) throws Corrupt {
            if (end - p < 6 || u8(p) != 8) {
                throw new Corrupt();
            }
            height = u16(p + 1);
            width = u16(p + 3);
            int n = u8(p + 5);
            if (width == 0 || height == 0 || n < 1 || n > 4 || end - p != 6 + 3 * n) {
                throw new Corrupt();
            }
            comps = new Component[n];
            int hmax = 1;
            int vmax = 1;
            for (int i = 0; i < n; i++) {
                Component c = new Component();
                c.id = u8(p + 6 + 3 * i);
                c.h = u8(p + 7 + 3 * i) >> 4;
                c.v = u8(p + 7 + 3 * i) & 15;
                c.tq = u8(p + 8 + 3 * i);
                if (c.h < 1 || c.h > 4 || c.v < 1 || c.v > 4 || c.tq > 3) {
                    throw new Corrupt();
                }
                hmax = Math.max(hmax, c.h);
                vmax = Math.max(vmax, c.v);
                java.util.Arrays.fill(c.coefBits, -1);
                comps[i] = c;
            }
            mcusWide = ceilDiv(width, 8 * hmax);
            mcusHigh = ceilDiv(height, 8 * vmax);
            int blocksPerMcu = 0;
            for (Component c : comps) {
                c.blocksWide = ceilDiv(ceilDiv(width * c.h, hmax), 8);
                c.blocksHigh = ceilDiv(ceilDiv(height * c.v, vmax), 8);
                c.stride = n == 1 ? c.blocksWide : mcusWide * c.h;
                int rows = n == 1 ? c.blocksHigh : mcusHigh * c.v;
                long size = (long) c.stride * rows * 64;
                if (size > Integer.MAX_VALUE / 2) {
                    throw new Corrupt();
                }
                c.coef = new short[(int) size];
                blocksPerMcu += c.h * c.v;
            }
            if (n > 1 && blocksPerMcu > 10) {
                throw new Corrupt();
            }
            frame = java.util.Arrays.copyOfRange(data, p, end);
        }

        private void readHuffmanTables(int p, int end) throws Corrupt {
            while (p < end) {
                int tc = u8(p) >> 4;
                int th = u8(p) & 15;
                if (tc > 1 || th > 3 || p + 17 > end) {
                    throw new Corrupt();
                }
                int[] counts = new int[17];
                int total = 0;
                for (int l = 1; l <= 16; l++) {
                    counts[l] = u8(p + l);
                    total += counts[l];
                }
                if (total > 256 || p + 17 + total > end) {
                    throw new Corrupt();
                }
                int[] values = new int[total];
                for (int i = 0; i < total; i++) {
                    values[i] = u8(p + 17 + i);
                }
                (tc == 0 ? dc : ac)[th] = new Huffman(counts, values);
                p += 17 + total;
            }
        }

        private void scan(int p, int end) throws Corrupt {
            int ns = u8(p);
            if (ns < 1 || ns > 4 || end - p != 4 + 2 * ns) {
                throw new Corrupt();
            }
            Component[] sc = new Component[ns];
            for (int i = 0; i < ns; i++) {
                int id = u8(p + 1 + 2 * i);
                Component c = null;
                for (Component f : comps) {
                    if (f.id == id) {
                        c = f;
                    }
                }
                if (c == null) {
                    throw new Corrupt();
                }
                c.dcTable = u8(p + 2 + 2 * i) >> 4;
                c.acTable = u8(p + 2 + 2 * i) & 15;
                if (c.dcTable > 3 || c.acTable > 3) {
                    throw new Corrupt();
                }
                sc[i] = c;
            }
            int ss = u8(p + 1 + 2 * ns);
            int se = u8(p + 2 + 2 * ns);
            int ah = u8(p + 3 + 2 * ns) >> 4;
            int al = u8(p + 3 + 2 * ns) & 15;
            boolean dcScan = ss == 0;
            if (dcScan ? se != 0 : (se < ss || se > 63 || ns != 1)) {
                throw new Corrupt();
            }
            if (al > 13 || (ah != 0 && ah != al + 1)) {
                throw new Corrupt();
            }
            for (Component c : sc) {
                for (int k = ss; k <= se; k++) {
                    int expected = ah == 0 ? -1 : ah;
                    if (c.coefBits[k] != expected) {
                        throw new Corrupt();
                    }
                    c.coefBits[k] = al;
                }
                if (!dcScan && c.coefBits[0] < 0) {
                    throw new Corrupt(); // AC before DC
                }
                if (dcScan ? (ah == 0 && dc[c.dcTable] == null) : ac[c.acTable] == null) {
                    throw new Corrupt();
                }
            }
            bits = 0;
            bitCount = 0;
            eobrun = 0;
            int[] pred = new int[ns];
            int mcus;
            if (ns == 1) {
                Component c = sc[0];
                mcus = c.blocksWide * c.blocksHigh;
            } else {
                mcus = mcusWide * mcusHigh;
            }
            int untilRestart = restartInterval;
            int restartNumber = 0;
            for (int mcu = 0; mcu < mcus; mcu++) {
                if (restartInterval > 0 && untilRestart == 0) {
                    restart(restartNumber);
                    restartNumber = (restartNumber + 1) & 7;
                    java.util.Arrays.fill(pred, 0);
                    untilRestart = restartInterval;
                }
                if (ns == 1) {
                    Component c = sc[0];
                    int bx = mcu % c.blocksWide;
                    int by = mcu / c.blocksWide;
                    block(c, (by * c.stride + bx) * 64, 0, pred, ss, se, ah, al);
                } else {
                    int mx = mcu % mcusWide;
                    int my = mcu / mcusWide;
                    for (int i = 0; i < ns; i++) {
                        Component c = sc[i];
                        for (int y = 0; y < c.v; y++) {
                            for (int x = 0; x < c.h; x++) {
                                int b = (my * c.v + y) * c.stride + mx * c.h + x;
                                block(c, b * 64, i, pred, ss, se, ah, al);
                            }
                        }
                    }
                }
                untilRestart--;
            }
            endOfSegment();
            if (pos + 1 >= data.length || u8(pos + 1) == 0) {
                throw new Corrupt();
            }
        }

        /**
         * The entropy-coded segment must end here: only the final byte's padding bits unread, and
         * the next byte a marker (libjpeg skips extraneous bytes with a warning; we do not rewrite those).
         */
        private void endOfSegment() throws Corrupt {
            if (bitCount - padding >= 8 || pos >= data.length || u8(pos) != 0xFF) {
                throw new Corrupt();
            }
            bits = 0;
            bitCount = 0;
            padding = 0;
        }

        private void restart(int number) throws Corrupt {
            endOfSegment();
            if (pos + 1 >= data.length || u8(pos + 1) != (0xD0 | number)) {
                throw new Corrupt();
            }
            pos += 2;
            eobrun = 0;
        }

        private void block(Component c, int o, int predIndex, int[] pred, int ss, int se, int ah, int al) throws Corrupt {
            short[] coef = c.coef;
            if (ss == 0) {
                if (ah == 0) {
                    int s = decode(dc[c.dcTable]);
                    int diff = s == 0 ? 0 : extend(receive(s), s);
                    pred[predIndex] += diff;
                    coef[o] = (short) (pred[predIndex] << al);
                } else if (receive(1) != 0) {
                    coef[o] |= (short) (1 << al);
                }
                return;
            }
            Huffman table = ac[c.acTable];
            if (ah == 0) {
                if (eobrun > 0) {
                    eobrun--;
                    return;
                }
                for (int k = ss; k <= se; k++) {
                    int rs = decode(table);
                    int r = rs >> 4;
                    int s = rs & 15;
                    if (s != 0) {
                        k += r;
                        if (k > se || s > 15) {
                            throw new Corrupt();
                        }
                        coef[o + k] = (short) (extend(receive(s), s) << al);
                    } else if (r == 15) {
                        k += 15;
                    } else {
                        eobrun = (1 << r) - 1;
                        if (r != 0) {
                            eobrun += receive(r);
                        }
                        break;
                    }
                }
                return;
            }
            refineAc(coef, o, table, ss, se, al);
        }

        /** Successive approximation of AC coefficients (T.81 G.1.2.3), libjpeg's order of reads. */
        private void refineAc(short[] coef, int o, Huffman table, int ss, int se, int al) throws Corrupt {
            int p1 = 1 << al;
            int m1 = -1 << al;
            int k = ss;
            if (eobrun == 0) {
                for (; k <= se; k++) {
                    int rs = decode(table);
                    int r = rs >> 4;
                    int s = rs & 15;
                    if (s != 0) {
                        if (s != 1) {
                            throw new Corrupt();
                        }
                        s = receive(1) != 0 ? p1 : m1;
                    } else if (r != 15) {
                        eobrun = 1 << r;
                        if (r != 0) {
                            eobrun += receive(r);
                        }
                        break;
                    }
                    do {
                        int c = coef[o + k];
                        if (c != 0) {
                            if (receive(1) != 0 && (c & p1) == 0) {
                                coef[o + k] = (short) (c >= 0 ? c + p1 : c + m1);
                            }
                        } else if (--r < 0) {
                            break;
                        }
                        k++;
                    } while (k <= se);
                    if (s != 0) {
                        if (k > se) {
                            throw new Corrupt();
                        }
                        coef[o + k] = (short) s;
                    }
                }
            }
            if (eobrun > 0) {
                for (; k <= se; k++) {
                    int c = coef[o + k];
                    if (c != 0 && receive(1) != 0 && (c & p1) == 0) {
                        coef[o + k] = (short) (c >= 0 ? c + p1 : c + m1);
                    }
                }
                eobrun--;
            }
        }

        private static int extend(int v, int s) {
            return v < (1 << (s - 1)) ? v - (1 << s) + 1 : v;
        }

        private int receive(int n) throws Corrupt {
            if (bitCount < n) {
                fill();
            }
            bitCount -= n;
            if (bitCount < padding) {
                throw new Corrupt(); // the scan ran out of data
            }
            return (int) (bits >>> bitCount) & ((1 << n) - 1);
        }

        private int decode(Huffman h) throws Corrupt {
            if (bitCount < 16) {
                fill();
            }
            int peek = (int) (bits >>> (bitCount - Huffman.LOOKUP_BITS)) & ((1 << Huffman.LOOKUP_BITS) - 1);
            int hit = h.lookup[peek];
            if (hit != 0) {
                int len = hit >> 8;
                if (len > bitCount - padding) {
                    throw new Corrupt();
                }
                bitCount -= len;
                return hit & 0xff;
            }
            int code = 0;
            for (int l = 1; l <= 16; l++) {
                code = (code << 1) | receive(1);
                if (code <= h.maxCode[l]) {
                    return h.values[h.valPtr[l] + code - h.minCode[l]];
                }
            }
            throw new Corrupt();
        }

        /** Bits of zero fill appended after the scan's last real byte (only ever peeked at, never consumed). */
        private int padding;

        /**
         * Buffers at least 25 bits. At a marker or the end of data it appends zero bytes, counted in
         * {@link #padding}: a Huffman lookahead may reach past a segment's last code, but consuming
         * any of those bits means data is missing, which fails.
         */
        private void fill() {
            while (bitCount < 25) {
                int b;
                if (padding == 0 && pos < data.length && !(u8(pos) == 0xFF && (pos + 1 >= data.length || u8(pos + 1) != 0))) {
                    b = u8(pos);
                    pos += b == 0xFF ? 2 : 1;
                } else {
                    b = 0;
                    padding += 8;
                }
                bits = (bits << 8) | b;
                bitCount += 8;
            }
        }

    }

    /** Bytes out, with a bit writer for entropy-coded data (0xFF stuffed with 0x00, final byte padded with 1s). */
    private static final class BitWriter {
        private byte[] buf;
        private int size;
        private long acc;
        private int count;

        BitWriter(int capacity) {
            buf = new byte[capacity];
        }

        private void put(int b) {
            if (size == buf.length) {
                buf = java.util.Arrays.copyOf(buf, size * 2);
            }
            buf[size++] = (byte) b;
        }

        void bytes(byte[] b) {
            for (byte x : b) {
                put(x);
            }
        }

        void segment(int marker, byte[] body) {
            put(0xFF);
            put(marker);
            put((body.length + 2) >> 8);
            put((body.length + 2) & 0xff);
            bytes(body);
        }

        void bits(int value, int n) {
            acc = (acc << n) | (value & ((1L << n) - 1));
            count += n;
            while (count >= 8) {
                count -= 8;
                int b = (int) (acc >>> count) & 0xff;
                put(b);
                if (b == 0xFF) {
                    put(0);
                }
            }
        }

        void flushBits() {
            if (count > 0) {
                bits(0x7F, 8 - count);
            }
        }

        byte[] toByteArray() {
            return java.util.Arrays.copyOf(buf, size);
        }
    }

    /** A Huffman table: a 9-bit lookahead for short codes, the canonical-code limits for the rest. */
    private static final class Huffman {
        static final int LOOKUP_BITS = 9;
        final int[] lookup = new int[1 << LOOKUP_BITS]; // (length << 8) | value, 0 = longer code
        final int[] maxCode = new int[18];
        final int[] minCode = new int[17];
        final int[] valPtr = new int[17];
        final int[] values;

        Huffman(int[] counts, int[] values) throws Corrupt {
            this.values = values;
            int code = 0;
            int k = 0;
            for (int l = 1; l <= 16; l++) {
                valPtr[l] = k;
                minCode[l] = code;
                if (counts[l] == 0) {
                    maxCode[l] = -1;
                } else {
                    for (int i = 0; i < counts[l]; i++, k++, code++) {
                        if (l <= LOOKUP_BITS) {
                            int shift = LOOKUP_BITS - l;
                            for (int fill = 0; fill < (1 << shift); fill++) {
                                lookup[(code << shift) | fill] = (l << 8) | values[k];
                            }
                        }
                    }
                    maxCode[l] = code - 1;
                }
                if (code > (1 << l)) {
                    throw new Corrupt();
                }
                code <<= 1;
            }
            maxCode[17] = Integer.MAX_VALUE;
        }
    }
}
