package io.pgsight.sql.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pgsight.sql.api.SqlException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ByteaTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void assertError(String state, String message, Executable e) {
        SqlException ex = assertThrows(SqlException.class, e);
        assertEquals(state, ex.sqlState());
        assertEquals(message, ex.getMessage());
    }

    @Test
    void textIo() {
        assertEquals("\\x0102ff", ByteaFormat.hexOut(ByteaFormat.in("\\x0102ff")));
        assertEquals("\\x616263", ByteaFormat.hexOut(ByteaFormat.in("abc")));
        assertEquals("\\x0102", ByteaFormat.hexOut(ByteaFormat.in("\\x01 02")));
        assertEquals("abc\\001", ByteaFormat.escapeOut(ByteaFormat.in("abc\\001")));
        assertEquals("A\\377", ByteaFormat.escapeOut(ByteaFormat.in("\\x41ff")));
        assertEquals("a\\\\b", ByteaFormat.escapeOut(ByteaFormat.in("a\\\\b")));
        assertEquals("\\x", ByteaFormat.hexOut(ByteaFormat.in("")));
        assertError("22023", "invalid hexadecimal digit: \"z\"", () -> ByteaFormat.in("\\xzz"));
        assertError("22023", "invalid hexadecimal data: odd number of digits", () -> ByteaFormat.in("\\x123"));
        assertError("22P02", "invalid input syntax for type bytea", () -> ByteaFormat.in("\\9"));
    }

    @Test
    void encodeDecode() {
        assertEquals("\\x48656c6c6f", ByteaFormat.hexOut(ByteaFormat.decode("48656c6c6f", "hex")));
        assertEquals("48656c6c6f", ByteaFormat.encode(utf8("Hello"), "hex"));
        assertEquals("SGVsbG8=", ByteaFormat.encode(utf8("Hello"), "base64"));
        assertEquals("\\x48656c6c6f", ByteaFormat.hexOut(ByteaFormat.decode("SGVsbG8=", "base64")));
        assertEquals("\\000a\u0001", ByteaFormat.encode(ByteaFormat.in("\\000a\\001"), "escape"));
        byte[] big = new byte[100];
        String b64 = ByteaFormat.encode(big, "base64");
        assertEquals(76, b64.indexOf('\n'));
        assertArrayEquals(big, ByteaFormat.decode(b64, "base64"));
        assertError("22023", "invalid hexadecimal digit: \"x\"", () -> ByteaFormat.decode("xyz", "hex"));
        assertError("22023", "unrecognized encoding: \"xyz\"", () -> ByteaFormat.encode(big, "xyz"));
        assertError("22023", "invalid symbol \"$\" found while decoding base64 sequence",
                () -> ByteaFormat.decode("SG$s", "base64"));
        assertError("22023", "invalid base64 end sequence", () -> ByteaFormat.decode("SGVsbG8", "base64"));
    }

    @Test
    void functions() {
        assertEquals("\\x020304", ByteaFormat.hexOut(ByteaFunctions.substr(ByteaFormat.in("\\x0102030405"), 2, 3)));
        assertEquals(11, ByteaFunctions.getByte(ByteaFormat.in("\\x0a0b"), 1));
        assertEquals("\\x0102", ByteaFormat.hexOut(ByteaFunctions.concat(ByteaFormat.in("\\x01"), ByteaFormat.in("\\x02"))));
        assertEquals("\\xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                ByteaFormat.hexOut(ByteaFunctions.sha256(utf8("abc"))));
        assertEquals("900150983cd24fb0d6963f7d28e17f72", ByteaFunctions.md5Hex(utf8("abc")));
        assertError("2202E", "index 2 out of valid range, 0..1", () -> ByteaFunctions.getByte(ByteaFormat.in("\\x0a0b"), 2));
        assertEquals(2, ByteaFunctions.position(utf8("abc"), utf8("bc")));
    }
}
