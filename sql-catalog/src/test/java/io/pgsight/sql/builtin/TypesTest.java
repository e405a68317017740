package io.pgsight.sql.builtin;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.spi.PgArray;
import io.pgsight.sql.spi.PgType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TypesTest {
    private final RecordingRegistry r = RecordingRegistry.catalog();

    private void error(String state, String message, Runnable action) {
        SqlException e = assertThrows(SqlException.class, action::run);
        assertEquals(message, e.getMessage());
        assertEquals(state, e.sqlState());
    }

    @Test
    void realOidsAndArrays() {
        assertEquals(23, r.type("int4").oid());
        assertEquals(1007, r.type("int4").arrayOid());
        assertEquals(1007, r.type("_int4").oid());
        assertEquals(23, r.type("_int4").elementOid());
        assertEquals(1021, r.type("_float4").oid());
        assertEquals(1022, r.type("_float8").oid());
        assertEquals(1009, r.type("_text").oid());
        assertEquals(1231, r.type("_numeric").oid());
        assertEquals(2283, r.type("anyelement").oid());
        assertEquals(true, r.type("float8").preferred());
        assertEquals(true, r.type("text").preferred());
        assertEquals('A', r.type("_int4").category());
    }

    @Test
    void integers() {
        assertEquals("7", r.io("int4", "  7 "));
        assertEquals("-32768", r.io("int2", "-32768"));
        assertEquals("9223372036854775807", r.io("int8", "9223372036854775807"));
        error("22P02", "invalid input syntax for type integer: \"abc\"", () -> r.io("int4", "abc"));
        error("22003", "value \"2147483648\" is out of range for type integer", () -> r.io("int4", "2147483648"));
        error("22003", "value \"-9223372036854775809\" is out of range for type bigint",
                () -> r.io("int8", "-9223372036854775809"));
        assertArrayEquals(new byte[] {0, 0, 1, 2}, r.type("int4").send(258));
        assertEquals(258, r.type("int4").receive(new byte[] {0, 0, 1, 2}, -1));
    }

    @Test
    void floatsPrintShortest() {
        assertEquals("0.1", r.io("float4", "0.1"));
        assertEquals("0.1", r.io("float8", "0.1"));
        assertEquals("1e+100", r.io("float8", "1e100"));
        assertEquals("1.5e-07", r.io("float4", "1.5e-7"));
        assertEquals("1e+08", r.io("float4", "100000000"));
        assertEquals("1.2345679e+08", r.io("float4", "123456789"));
        assertEquals("NaN", r.io("float8", "NaN"));
        assertEquals("Infinity", r.io("float8", "Infinity"));
        assertEquals("-Infinity", r.io("float4", "-Infinity"));
        assertEquals("-0", r.io("float8", "-0"));
        assertEquals("3.4028235e+38", r.io("float4", "3.4028235e38"));
        assertEquals("5e-324", r.io("float8", "5e-324"));
        assertEquals("0.30000000000000004", r.type("float8").output(0.1 + 0.2));
        assertEquals("100000000000000", r.io("float8", "1e14"));
        assertEquals("1e+15", r.io("float8", "1e15"));
        assertEquals("0.0001", r.io("float8", "0.0001"));
        assertEquals("1e-05", r.io("float8", "0.00001"));
        error("22P02", "invalid input syntax for type double precision: \"x1\"", () -> r.io("float8", "x1"));
        error("22003", "\"1e400\" is out of range for type double precision", () -> r.io("float8", "1e400"));
    }

    @Test
    void numeric() {
        assertEquals("1.10", r.io("numeric", "1.10"));
        assertEquals("1000", r.io("numeric", "1e3"));
        assertEquals("NaN", r.io("numeric", "NaN"));
        assertEquals("-Infinity", r.io("numeric", "-Infinity"));
        assertEquals("0.0015", r.io("numeric", "1.5e-3"));
        PgType n = r.type("numeric");
        int typmod = n.typmodIn(new int[] {10, 2});
        assertEquals("(10,2)", n.typmodOut(typmod));
        assertEquals("12345.68", n.output(n.input("12345.6789", typmod)));
        assertEquals("3", n.output(n.applyTypmod(new BigDecimal("2.5"), n.typmodIn(new int[] {10, 0}), true)));
        SqlException e = assertThrows(SqlException.class,
                () -> n.applyTypmod(new BigDecimal("99999"), n.typmodIn(new int[] {4, 2}), true));
        assertEquals("numeric field overflow", e.getMessage());
        assertEquals("A field with precision 4, scale 2 must round to an absolute value less than 10^2.", e.detail());
        for (String s : new String[] {"0", "1", "-1.5", "12345678.9012", "0.00001", "10000", "1e20", "-0.1000", "NaN",
                "Infinity"}) {
            Object v = n.input(s, -1);
            assertEquals(v, n.receive(n.send(v), -1), s);
        }
        // 1234.5 = digits 1234, 5000 weight 0, dscale 1
        assertEquals("0002000000000001" + "04d2" + "1388", HexFormat.of().formatHex(n.send(new BigDecimal("1234.5"))));
    }

    @Test
    void stringsAndTypmods() {
        PgType v = r.type("varchar");
        int typmod = v.typmodIn(new int[] {60});
        assertEquals(64, typmod);
        error("22001", "value too long for type character varying(60)",
                () -> v.applyTypmod("x".repeat(61), typmod, false));
        assertEquals("x".repeat(60), v.applyTypmod("x".repeat(60) + "  ", typmod, false));
        assertEquals("ab", v.applyTypmod("abc", v.typmodIn(new int[] {2}), true));
        PgType c = r.type("bpchar");
        assertEquals("ab  ", c.applyTypmod("ab", c.typmodIn(new int[] {4}), false));
        error("22001", "value too long for type character(1)", () -> c.applyTypmod("ab", c.typmodIn(new int[] {1}), false));
        assertArrayEquals("héllo".getBytes(java.nio.charset.StandardCharsets.UTF_8), r.type("text").send("héllo"));
    }

    @Test
    void boolAndBytea() {
        assertEquals("t", r.io("bool", "yes"));
        assertEquals("f", r.io("bool", " OFF "));
        error("22P02", "invalid input syntax for type boolean: \"o\"", () -> r.io("bool", "o"));
        assertEquals("\\x0102ff", r.io("bytea", "\\x0102ff"));
        assertEquals("\\x616263", r.io("bytea", "abc"));
        error("22023", "invalid hexadecimal digit: \"z\"", () -> r.io("bytea", "\\xzz"));
        PgType b = r.type("bytea");
        assertEquals("abc\\001", ByteaText.escapeOf(b, "abc\\001"));
        assertEquals("A\\377", ByteaText.escapeOf(b, "\\x41ff"));
    }

    @Test
    void datesAndTimes() {
        assertEquals("1881-09-25", r.io("date", "1881-09-25"));
        assertEquals("2024-01-02", r.io("date", "01/02/2024"));
        assertEquals("2024-05-17", r.io("date", "May 17, 2024"));
        assertEquals("0044-03-15 BC", r.io("date", "0044-03-15 BC"));
        assertEquals("infinity", r.io("date", "infinity"));
        SqlException e = assertThrows(SqlException.class, () -> r.io("date", "2024-13-01"));
        assertEquals("date/time field value out of range: \"2024-13-01\"", e.getMessage());
        assertEquals("Perhaps you need a different \"datestyle\" setting.", e.hint());
        assertEquals("22008", e.sqlState());
        error("22007", "invalid input syntax for type date: \"abc\"", () -> r.io("date", "abc"));
        assertEquals("2024-01-01 10:00:00", r.io("timestamp", "2024-01-01 10:00"));
        assertEquals("2024-01-01 10:00:00.25", r.io("timestamp", "2024-01-01T10:00:00.25"));
        assertEquals("2024-01-01 08:00:00+00", r.io("timestamptz", "2024-01-01 10:00+02"));
        assertEquals("13:45:00", r.io("time", "13:45"));
        assertEquals("01:30:00", r.io("interval", "90 minutes"));
        assertEquals("08:00:00", r.io("interval", "8 hours"));
        assertEquals("1 year 2 mons 3 days 04:05:06.5", r.io("interval", "1 year 2 months 3 days 4:05:06.5"));
        assertEquals("-1 days +02:00:00", r.io("interval", "-1 day 2 hours"));
        assertEquals("1 day 12:00:00", r.io("interval", "1.5 days"));
        assertEquals("-01:00:00", r.io("interval", "@ 1 hour ago"));
        assertEquals("00:00:00", r.io("interval", "0"));
        assertEquals("1 day 02:00:00", r.io("interval", "P1DT2H"));
        PgType iv = r.type("interval");
        int three = iv.typmodIn(new int[] {0x7FFF, 3});
        assertEquals("(3)", iv.typmodOut(three));
        assertEquals("1 day 02:03:04.568", iv.output(iv.applyTypmod(iv.input("1 day 2:03:04.5678", -1), three, false)));
        int yearToMonth = iv.typmodIn(new int[] {(1 << 2) | (1 << 1)});
        assertEquals(" year to month", iv.typmodOut(yearToMonth));
        assertEquals("1 year 2 mons", iv.output(iv.applyTypmod(iv.input("1 year 2 mons 3 days 04:00", -1), yearToMonth, false)));
        assertEquals(-1, iv.typmodIn(new int[] {0x7FFF}));
        error("22023", "invalid INTERVAL type modifier", () -> iv.typmodIn(new int[] {3}));
        PgType ts = r.type("timestamp");
        Object v = ts.input("2000-01-01 00:00:01", -1);
        assertEquals("00000000000f4240", HexFormat.of().formatHex(ts.send(v)));
        assertEquals(v, ts.receive(ts.send(v), -1));
        PgType d = r.type("date");
        assertEquals("00000001", HexFormat.of().formatHex(d.send(d.input("2000-01-02", -1))));
    }

    @Test
    void bitStrings() {
        assertEquals("1010", r.io("bit", "1010"));
        assertEquals("00011111", r.io("varbit", "X1F"));
        error("22P02", "\"2\" is not a valid binary digit", () -> r.io("bit", "102"));
        PgType bit = r.type("bit");
        error("22026", "bit string length 3 does not match type bit(4)", () -> bit.input("101", 4));
        assertEquals("1000", bit.output(bit.applyTypmod(bit.input("10", -1), 4, true)));
        assertEquals("10", bit.output(bit.applyTypmod(bit.input("101", -1), 2, true)));
        PgType varbit = r.type("varbit");
        error("22026", "bit string too long for type bit varying(2)", () -> varbit.input("101", 2));
        Object v = bit.input("101100111", -1);
        assertEquals("00000009" + "b380", HexFormat.of().formatHex(bit.send(v)));
        assertEquals(v, bit.receive(bit.send(v), -1));
        assertEquals(1562, r.type("varbit").oid());
        assertEquals(1561, r.type("_bit").oid());
    }

    @Test
    void arrays() {
        assertEquals("{1,2,3}", r.io("_int4", "{1, 2 ,3}"));
        assertEquals("{{1,2},{3,4}}", r.io("_int4", "{{1,2},{3,4}}"));
        assertEquals("{\"Call to Arms\",Wandering,NULL,\"\",\"a\\\"b\"}",
                r.io("_text", "{\"Call to Arms\",Wandering,NULL,\"\",\"a\\\"b\"}"));
        assertEquals("{1.5,2.25}", r.io("_float4", "{1.5,2.25}"));
        assertEquals("[0:1]={7,8}", r.io("_int4", "[0:1]={7,8}"));
        assertEquals("{}", r.io("_int4", "{}"));
        SqlException e = assertThrows(SqlException.class, () -> r.io("_int4", "x"));
        assertEquals("malformed array literal: \"x\"", e.getMessage());
        assertEquals("Array value must start with \"{\" or dimension information.", e.detail());
        assertThrows(SqlException.class, () -> r.io("_int4", "{{1},{2,3}}"));
        PgType a = r.type("_int4");
        PgArray v = PgArray.of(23, 1, null, 3);
        assertEquals(v, a.receive(a.send(v), -1));
        assertEquals("00000001" + "00000001" + "00000017" + "00000003" + "00000001", HexFormat.of().formatHex(a.send(v)).substring(0, 40));
    }
}
