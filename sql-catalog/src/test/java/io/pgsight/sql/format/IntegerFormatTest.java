package io.pgsight.sql.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pgsight.sql.api.SqlException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class IntegerFormatTest {
    private static void assertError(String state, String message, Executable e) {
        SqlException ex = assertThrows(SqlException.class, e);
        assertEquals(state, ex.sqlState());
        assertEquals(message, ex.getMessage());
    }

    @Test
    void parsesLikePostgres() {
        assertEquals(7, IntegerFormat.int4In("  7 "));
        assertEquals(42, IntegerFormat.int4In("42"));
        assertEquals(-2147483648, IntegerFormat.int4In("-2147483648"));
        assertEquals(2147483647, IntegerFormat.int4In("+2147483647"));
        assertEquals(Long.MIN_VALUE, IntegerFormat.int8In("-9223372036854775808"));
        assertEquals(Long.MAX_VALUE, IntegerFormat.int8In("9223372036854775807"));
        assertEquals((short) -32768, IntegerFormat.int2In("-32768"));
        assertEquals(0, IntegerFormat.int4In("-0"));
    }

    @Test
    void inputErrorsMatchPostgres() {
        assertError("22P02", "invalid input syntax for type integer: \"abc\"", () -> IntegerFormat.int4In("abc"));
        assertError("22P02", "invalid input syntax for type integer: \"12a\"", () -> IntegerFormat.int4In("12a"));
        assertError("22P02", "invalid input syntax for type integer: \"\"", () -> IntegerFormat.int4In(""));
        assertError("22P02", "invalid input syntax for type integer: \" \"", () -> IntegerFormat.int4In(" "));
        assertError("22P02", "invalid input syntax for type integer: \"1.5\"", () -> IntegerFormat.int4In("1.5"));
        assertError("22P02", "invalid input syntax for type bigint: \"1 2\"", () -> IntegerFormat.int8In("1 2"));
        assertError("22003", "value \"99999999999\" is out of range for type integer",
                () -> IntegerFormat.int4In("99999999999"));
        assertError("22003", "value \"2147483648\" is out of range for type integer",
                () -> IntegerFormat.int4In("2147483648"));
        assertError("22003", "value \"32768\" is out of range for type smallint", () -> IntegerFormat.int2In("32768"));
        assertError("22003", "value \"9223372036854775808\" is out of range for type bigint",
                () -> IntegerFormat.int8In("9223372036854775808"));
    }

    @Test
    void floatArithmeticErrors() {
        assertError("22003", "value out of range: overflow", () -> FloatArithmetic.mul(1e308, 10));
        assertError("22003", "value out of range: underflow", () -> FloatArithmetic.mul(1e-308, 1e-308));
        assertError("22012", "division by zero", () -> FloatArithmetic.div(1.0, 0.0));
        assertError("2201F", "cannot take square root of a negative number", () -> FloatArithmetic.sqrt(-1));
        assertError("2201E", "cannot take logarithm of zero", () -> FloatArithmetic.ln(0));
        assertError("2201E", "cannot take logarithm of a negative number", () -> FloatArithmetic.log10(-1));
        assertError("2201F", "zero raised to a negative power is undefined", () -> FloatArithmetic.power(0, -1));
        assertEquals(1024.0, FloatArithmetic.power(2, 10));
        assertEquals(1.0, FloatArithmetic.power(-1, Double.POSITIVE_INFINITY));
        assertEquals(2.0, FloatArithmetic.round(2.5));
        assertEquals("2.718281828459045", FloatFormat.float8Out(FloatArithmetic.exp(1)));
        assertEquals("2.302585092994046", FloatFormat.float8Out(FloatArithmetic.ln(10)));
        assertEquals(0, FloatArithmetic.compare(Double.NaN, Double.NaN));
        assertEquals(1, FloatArithmetic.compare(Double.NaN, Double.POSITIVE_INFINITY));
        assertEquals(0, FloatArithmetic.compare(-0.0, 0.0));
        assertEquals(Double.NaN, FloatArithmetic.div(Double.NaN, 0.0));
        // glibc's (correctly rounded) answers where java.lang.Math is one ulp off
        assertEquals(1.3649153273006605, FloatArithmetic.atan(4.788353075524448));
        assertEquals(-0.7167861536036729, FloatArithmetic.asin(-0.6569650826714006));
        assertEquals(1.826233615697699, FloatArithmetic.acos(-0.252668532924363));
        assertEquals(-1.66428992450662, FloatArithmetic.atan2(-5.229151653683479, -0.49032167685701467));
        assertEquals(1.8668308660345918, FloatArithmetic.atan2(7.960567209848183, -2.4279462411028803));
        assertEquals("0.785398", PgNumeric.fromFloat8(FloatArithmetic.atan2(1, 1)).round(6).toString());
        assertEquals(Math.PI / 2, FloatArithmetic.asin(1));
        assertEquals(Math.PI, FloatArithmetic.acos(-1));
        // degree variants are exact at the key angles, as in PostgreSQL's float8 regression tests
        for (double[] c : new double[][] {{0, 0}, {30, 0.5}, {90, 1}, {150, 0.5}, {180, 0}, {210, -0.5}, {270, -1},
            {-30, -0.5}, {360, 0}}) {
            assertEquals(c[1], FloatArithmetic.sind(c[0]), "sind " + c[0]);
        }
        assertEquals(0.5, FloatArithmetic.cosd(60));
        assertEquals(-0.5, FloatArithmetic.cosd(120));
        assertEquals(1.0, FloatArithmetic.tand(45));
        assertEquals(-1.0, FloatArithmetic.tand(135));
        assertEquals(Double.POSITIVE_INFINITY, FloatArithmetic.tand(90));
        assertEquals(1.0, FloatArithmetic.cotd(45));
        assertEquals(30.0, FloatArithmetic.asind(0.5));
        assertEquals(60.0, FloatArithmetic.acosd(0.5));
        assertEquals(120.0, FloatArithmetic.acosd(-0.5));
        assertEquals(45.0, FloatArithmetic.atand(1));
        assertEquals(135.0, FloatArithmetic.atan2d(1, -1));
        assertError("22003", "input is out of range", () -> FloatArithmetic.acosh(0.5));
    }
}
