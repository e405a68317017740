package io.pgsight.sql.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pgsight.sql.api.SqlException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FloatFormatTest {
    @Test
    void float8OutputMatchesPostgres() {
        assertEquals("0.1", FloatFormat.float8Out(0.1));
        assertEquals("0.3333333333333333", FloatFormat.float8Out(1 / 3.0));
        assertEquals("1e+100", FloatFormat.float8Out(1e100));
        assertEquals("NaN", FloatFormat.float8Out(Double.NaN));
        assertEquals("Infinity", FloatFormat.float8Out(Double.POSITIVE_INFINITY));
        assertEquals("-Infinity", FloatFormat.float8Out(Double.NEGATIVE_INFINITY));
        assertEquals("-0", FloatFormat.float8Out(-0.0));
        assertEquals("0", FloatFormat.float8Out(0.0));
        assertEquals("5e-324", FloatFormat.float8Out(5e-324));
        assertEquals("0.30000000000000004", FloatFormat.float8Out(0.1 + 0.2));
        assertEquals("3.3000000715255737", FloatFormat.float8Out((double) 1.1f * 3));
        assertEquals("3.3333333333333335", FloatFormat.float8Out(10.0 / 3));
        assertEquals("3.141592653589793", FloatFormat.float8Out(Math.PI));
        assertEquals("2.718281828459045", FloatFormat.float8Out(Math.E));
        assertEquals("1.4142135623730951", FloatFormat.float8Out(Math.sqrt(2)));
        assertEquals("2.4285714285714284", FloatFormat.float8Out(17.0 / 7));
        assertEquals("100", FloatFormat.float8Out(100));
        assertEquals("1024", FloatFormat.float8Out(1024));
        assertEquals("1e+15", FloatFormat.float8Out(1e15));
        assertEquals("123456789012345", FloatFormat.float8Out(123456789012345.0));
        assertEquals("1.2345678901234567e+19", FloatFormat.float8Out(12345678901234567890.0));
        assertEquals("1.5e-05", FloatFormat.float8Out(1.5e-5));
        assertEquals("0.0001", FloatFormat.float8Out(1e-4));
        assertEquals("1e+20", FloatFormat.float8Out(1e20));
        assertEquals("-1.5", FloatFormat.float8Out(-1.5));
        assertEquals("1.7976931348623157e+308", FloatFormat.float8Out(Double.MAX_VALUE));
        assertEquals("2.2250738585072014e-308", FloatFormat.float8Out(Double.MIN_NORMAL));
        // Java 17 prints 2.0E-3 fine but some values with too many digits; these are the shortest.
        assertEquals("2.82879384806159e+17", FloatFormat.float8Out(2.82879384806159E17));
        // 1e23 is exactly halfway between two doubles; PostgreSQL's Ryu (STRICTLY_SHORTEST 0) avoids midpoints.
        assertEquals("9.999999999999999e+22", FloatFormat.float8Out(1e23));
        assertEquals("9.007199254740991e+15", FloatFormat.float8Out(9007199254740991.0));
    }

    @Test
    void float4OutputMatchesPostgres() {
        assertEquals("0.1", FloatFormat.float4Out(0.1f));
        assertEquals("0.33333334", FloatFormat.float4Out((float) (1 / 3.0)));
        assertEquals("1.5e-07", FloatFormat.float4Out(1.5e-7f));
        assertEquals("1e+08", FloatFormat.float4Out(100000000f));
        assertEquals("1.2345679e+08", FloatFormat.float4Out(123456789f));
        assertEquals("3.4028235e+38", FloatFormat.float4Out(3.4028235e38f));
        assertEquals("-Infinity", FloatFormat.float4Out(Float.NEGATIVE_INFINITY));
        assertEquals("0.6666667", FloatFormat.float4Out((float) (2.0 / 3)));
        assertEquals("1.5", FloatFormat.float4Out(1.5f));
        assertEquals("2.25", FloatFormat.float4Out(2.25f));
        assertEquals("123456", FloatFormat.float4Out(123456f));
        assertEquals("1.234567e+06", FloatFormat.float4Out(1234567f));
        assertEquals("1e-45", FloatFormat.float4Out(Float.MIN_VALUE));
    }

    @Test
    void shortestDigitsRoundTripAndAreNoLongerThanJava() {
        Random r = new Random(42);
        for (int i = 0; i < 3000; i++) {
            double d = Double.longBitsToDouble(r.nextLong());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                continue;
            }
            String s = FloatFormat.float8Out(d);
            assertEquals(d, Double.parseDouble(s), s);
            float f = Float.intBitsToFloat(r.nextInt());
            if (!Float.isNaN(f) && !Float.isInfinite(f)) {
                String fs = FloatFormat.float4Out(f);
                assertEquals(f, Float.parseFloat(fs), fs);
            }
        }
    }

    @Test
    void ryuFloat4AgreesWithExactShortestSearch() {
        Random r = new Random(7);
        for (int i = 0; i < 5000; i++) {
            float f = i < 500 ? Float.intBitsToFloat(i + 1) : Float.intBitsToFloat(r.nextInt() & 0x7fffffff);
            if (i % 3 == 0) {
                f = (float) (r.nextGaussian() * Math.pow(10, r.nextInt(12) - 6));
            }
            if (Float.isNaN(f) || Float.isInfinite(f) || f == 0) {
                continue;
            }
            assertEquals(FloatFormat.shortestExact(f, true), FloatFormat.float4Out(f));
        }
    }

    @Test
    void ryuFloat8AgreesWithExactShortestSearch() {
        Random r = new Random(9);
        for (int i = 0; i < 5000; i++) {
            double d = i % 2 == 0 ? Double.longBitsToDouble(r.nextLong() & Long.MAX_VALUE)
                    : Math.abs(r.nextGaussian() * Math.pow(10, r.nextInt(40) - 20));
            if (i < 300) {
                d = Double.longBitsToDouble(i + 1);
            }
            if (Double.isNaN(d) || Double.isInfinite(d) || d == 0) {
                continue;
            }
            assertEquals(FloatFormat.shortestExact(d, false), FloatFormat.float8Out(d));
        }
    }

    @Test
    void lowExtraFloatDigitsUsePrintfG() {
        assertEquals("0.1", FloatFormat.float8Out(0.1, 0));
        assertEquals("0.333333333333333", FloatFormat.float8Out(1 / 3.0, 0));
        assertEquals("1e+100", FloatFormat.float8Out(1e100, 0));
        assertEquals("0.333333", FloatFormat.float4Out(1 / 3f, 0));
        assertEquals("1.23457e+08", FloatFormat.float4Out(123456789f, 0));
        assertEquals("3.3", FloatFormat.float8Out(1.1 * 3, 0));
        assertEquals("3.3333", FloatFormat.float8Out(10.0 / 3, -10));
        assertEquals("1e+15", FloatFormat.float8Out(1e15, 0));
        assertEquals("100000000000000", FloatFormat.float8Out(1e14, 0));
        assertEquals("123.456", FloatFormat.formatG(123.456f, 6));
    }

    @Test
    void inputAcceptsPostgresForms() {
        assertEquals(7.0, FloatFormat.float8In("  7 "));
        assertEquals(Double.NaN, FloatFormat.float8In("NaN"));
        assertEquals(Double.NaN, FloatFormat.float8In("nan"));
        assertEquals(Double.POSITIVE_INFINITY, FloatFormat.float8In("Infinity"));
        assertEquals(Double.NEGATIVE_INFINITY, FloatFormat.float8In("-inf"));
        assertEquals(Double.POSITIVE_INFINITY, FloatFormat.float8In("+INFINITY"));
        assertEquals(0.5, FloatFormat.float8In(".5"));
        assertEquals(5.0, FloatFormat.float8In("5."));
        assertEquals(1.5e-7, FloatFormat.float8In("1.5e-7"));
        assertEquals(16.0, FloatFormat.float8In("0x10"));
        assertEquals(5e-324, FloatFormat.float8In("5e-324"));
        assertEquals(-0.0, FloatFormat.float8In("-0"));
        assertEquals(0.1f, FloatFormat.float4In("0.1"));
        assertEquals(3.4028235e38f, FloatFormat.float4In("3.4028235e38"));
        // 1.00000017881393432617187500000001 is just above a float midpoint; double rounding would lose it.
        assertEquals(Math.nextUp(1.0000001f), FloatFormat.float4In("1.00000017881393432617187500000001"));
        assertEquals(1.0000001f, FloatFormat.float4In("1.00000017881393432617187499"));
        assertEquals(Math.nextUp(1.0000001f), FloatFormat.float4In("1.000000178813934326171875"));
    }

    @Test
    void inputErrorsMatchPostgres() {
        SqlException e = assertThrows(SqlException.class, () -> FloatFormat.float8In("x"));
        assertEquals("22P02", e.sqlState());
        assertEquals("invalid input syntax for type double precision: \"x\"", e.getMessage());
        e = assertThrows(SqlException.class, () -> FloatFormat.float4In(""));
        assertEquals("invalid input syntax for type real: \"\"", e.getMessage());
        e = assertThrows(SqlException.class, () -> FloatFormat.float8In(" 1e400 "));
        assertEquals("22003", e.sqlState());
        assertEquals("\"1e400\" is out of range for type double precision", e.getMessage());
        e = assertThrows(SqlException.class, () -> FloatFormat.float8In("1e-400"));
        assertEquals("\"1e-400\" is out of range for type double precision", e.getMessage());
        e = assertThrows(SqlException.class, () -> FloatFormat.float4In("1e39"));
        assertEquals("\"1e39\" is out of range for type real", e.getMessage());
        e = assertThrows(SqlException.class, () -> FloatFormat.float8In("1.5 x"));
        assertEquals("invalid input syntax for type double precision: \"1.5 x\"", e.getMessage());
        assertThrows(SqlException.class, () -> FloatFormat.float8In("1e"));
        assertThrows(SqlException.class, () -> FloatFormat.float8In("."));
        assertThrows(SqlException.class, () -> FloatFormat.float8In("infinityx"));
    }
}
