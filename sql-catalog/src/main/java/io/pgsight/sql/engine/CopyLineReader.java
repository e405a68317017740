package io.pgsight.sql.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * COPY FROM's input as lines, read as the data arrives instead of after all of it: ends at LF, CR LF or
 * CR; in CSV a line break inside quotes belongs to the field. Splitting works on bytes (the break and
 * quote characters are ASCII, and UTF-8 never uses ASCII bytes inside a multi-byte character); each
 * line is decoded from UTF-8 on its own.
 */
final class CopyLineReader {
    private final InputStream in;
    private final boolean csv;
    private final byte quote;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private boolean eof;
    private byte[] line = new byte[1024];

    CopyLineReader(InputStream in, boolean csv, char quote) {
        this.in = in;
        this.csv = csv;
        this.quote = (byte) (quote < 128 ? quote : '"');
    }

    /** The next line without its terminator, or null at the end of the data (a last empty line is no line). */
    String next() throws IOException {
        int length = 0;
        boolean inQuote = false;
        boolean any = false;
        while (true) {
            if (position >= limit && !fill()) {
                return any && length > 0 ? decode(length) : null;
            }
            any = true;
            if (!csv) {
                // text format: copy the run up to the next line break in one go
                int end = position;
                while (end < limit && buffer[end] != '\n' && buffer[end] != '\r') {
                    end++;
                }
                int run = end - position;
                if (run > 0) {
                    if (length + run > line.length) {
                        line = Arrays.copyOf(line, Math.max(line.length * 2, length + run));
                    }
                    System.arraycopy(buffer, position, line, length, run);
                    length += run;
                    position = end;
                }
                if (position >= limit) {
                    continue;
                }
            }
            byte b = buffer[position++];
            if (csv && b == quote) {
                inQuote = !inQuote;
            }
            if ((b == '\n' || b == '\r') && !inQuote) {
                if (b == '\r' && (position < limit || fill()) && buffer[position] == '\n') {
                    position++;
                }
                return decode(length);
            }
            if (length == line.length) {
                line = Arrays.copyOf(line, line.length * 2);
            }
            line[length++] = b;
        }
    }

    private String decode(int length) {
        return new String(line, 0, length, StandardCharsets.UTF_8);
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            eof = n < 0;
            if (n == 0) {
                return fill();
            }
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }
}
