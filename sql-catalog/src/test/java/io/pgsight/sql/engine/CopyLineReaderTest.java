package io.pgsight.sql.engine;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Line splitting of COPY FROM data, however the bytes are chunked on the way in. */
class CopyLineReaderTest {

    @Test
    void textLinesEndAtLfCrLfAndCr() throws IOException {
        String data = "1\ta\n2\tb\r\n3\tc\r4\t\u00e9\u4e2d\n\n5\tlast";
        List<String> expected = List.of("1\ta", "2\tb", "3\tc", "4\t\u00e9\u4e2d", "", "5\tlast");
        for (int chunk : new int[] {1, 2, 3, 7, 64 * 1024}) {
            assertEquals(expected, lines(data, false, chunk), "chunk " + chunk);
        }
    }

    @Test
    void csvKeepsQuotedLineBreaks() throws IOException {
        String data = "1,\"two\nlines\"\r\n2,\"x\"\"y\"\n";
        for (int chunk : new int[] {1, 5, 64 * 1024}) {
            assertEquals(List.of("1,\"two\nlines\"", "2,\"x\"\"y\""), lines(data, true, chunk), "chunk " + chunk);
        }
    }

    @Test
    void longLinesGrowTheBuffer() throws IOException {
        String longLine = "x".repeat(200_000);
        assertEquals(List.of(longLine, "y"), lines(longLine + "\ny\n", false, 4096));
        assertEquals(List.of(), lines("", false, 10));
    }

    private static List<String> lines(String data, boolean csv, int chunk) throws IOException {
        byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
        InputStream in = new InputStream() {
            private int position;

            @Override
            public int read() {
                return position < bytes.length ? bytes[position++] & 0xFF : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position >= bytes.length) {
                    return -1;
                }
                int n = Math.min(Math.min(len, chunk), bytes.length - position);
                System.arraycopy(bytes, position, b, off, n);
                position += n;
                return n;
            }
        };
        CopyLineReader reader = new CopyLineReader(in, csv, '"');
        List<String> out = new ArrayList<>();
        for (String line = reader.next(); line != null; line = reader.next()) {
            out.add(line);
        }
        return out;
    }
}
