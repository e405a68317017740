package io.pgsight.sql.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pgsight.sql.api.SqlException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class PgNumericTest {
    private static PgNumeric n(String s) {
        return PgNumeric.parse(s);
    }

    private static void assertError(String state, String message, Executable e) {
        SqlException ex = assertThrows(SqlException.class, e);
        assertEquals(state, ex.sqlState());
        assertEquals(message, ex.getMessage());
    }

    @Test
    void textInputAndOutput() {
        assertEquals("32.50", n("32.50").toString());
        assertEquals("1.10", n(" 1.10 ").toString());
        assertEquals("1000", n("1e3").toString());
        assertEquals("0.150", n("1.50e-1").toString());
        assertEquals("15", n("1.5e1").toString());
        assertEquals("-0.5", n("-.5").toString());
        assertEquals("5", n("5.").toString());
        assertEquals("0", n("-0").toString());
        assertEquals("NaN", n("nan").toString());
        assertEquals("Infinity", n("inf").toString());
        assertEquals("-Infinity", n("-Infinity").toString());
        assertError("22P02", "invalid input syntax for type numeric: \"abc\"", () -> n("abc"));
        assertError("22P02", "invalid input syntax for type numeric: \"1.2.3\"", () -> n("1.2.3"));
        assertError("22P02", "invalid input syntax for type numeric: \"\"", () -> n(""));
        assertError("22P02", "invalid input syntax for type numeric: \"1e\"", () -> n("1e"));
        assertError("22P02", "invalid input syntax for type numeric: \"-NaN\"", () -> n("-NaN"));
        assertError("22003", "value overflows numeric format", () -> n("1e200000"));
    }

    @Test
    void typmodRoundsHalfAwayFromZeroAndChecksOverflow() {
        assertEquals("3", n("2.5").applyTypmod(10, 0).toString());
        assertEquals("-3", n("-2.5").applyTypmod(10, 0).toString());
        assertEquals("3.142", n("3.14159").applyTypmod(6, 3).toString());
        assertEquals("12345.68", n("12345.6789").applyTypmod(10, 2).toString());
        assertEquals("43.99", n("39.99").multiply(n("1.1")).applyTypmod(8, 2).toString());
        assertEquals("21.95", n("19.95").multiply(n("1.1")).applyTypmod(8, 2).toString());
        assertEquals("32.50", n("32.5").applyTypmod(8, 2).toString());
        assertEquals("1200", n("1234").applyTypmod(5, -2).toString());
        SqlException e = assertThrows(SqlException.class, () -> n("99999").applyTypmod(4, 2));
        assertEquals("22003", e.sqlState());
        assertEquals("numeric field overflow", e.getMessage());
        assertEquals("A field with precision 4, scale 2 must round to an absolute value less than 10^2.", e.detail());
        e = assertThrows(SqlException.class, () -> n("9.995").applyTypmod(3, 2));
        assertEquals("A field with precision 3, scale 2 must round to an absolute value less than 10^1.", e.detail());
        e = assertThrows(SqlException.class, () -> n("1").applyTypmod(2, 2));
        assertEquals("A field with precision 2, scale 2 must round to an absolute value less than 1.", e.detail());
        e = assertThrows(SqlException.class, () -> PgNumeric.POSITIVE_INFINITY.applyTypmod(8, 2));
        assertEquals("A field with precision 8, scale 2 cannot hold an infinite value.", e.detail());
        assertEquals("0.01", n("0.0149").applyTypmod(2, 2).toString());
        assertEquals("NaN", PgNumeric.NaN.applyTypmod(4, 2).toString());
    }

    @Test
    void arithmeticScales() {
        assertEquals("0.3", n("0.1").add(n("0.2")).toString());
        assertEquals("7.0", n("3.5").multiply(PgNumeric.of(2)).toString());
        assertEquals("0.33333333333333333333", PgNumeric.ONE.divide(PgNumeric.of(3)).toString());
        assertEquals("3.5000000000000000", n("7.0").divide(PgNumeric.of(2)).toString());
        assertEquals("241.2000000000000000", PgNumeric.of(1206).divide(PgNumeric.of(5)).toString());
        assertEquals("1.6666666666666667", PgNumeric.of(5).divide(PgNumeric.of(3)).toString());
        assertEquals("0.66666666666666666667", n("2.0").divide(PgNumeric.of(3)).toString());
        assertEquals("33333.333333333333", PgNumeric.of(100000).divide(PgNumeric.of(3)).toString());
        assertEquals("1", PgNumeric.of(7).mod(PgNumeric.of(3)).toString());
        assertEquals("-1.5", n("-7.5").mod(PgNumeric.of(3)).toString());
        assertEquals("2", PgNumeric.of(9).divideTrunc(PgNumeric.of(4)).toString());
        assertError("22012", "division by zero", () -> n("1.5").divide(PgNumeric.ZERO));
        assertError("22012", "division by zero", () -> n("5").mod(PgNumeric.ZERO));
        assertEquals("NaN", PgNumeric.POSITIVE_INFINITY.add(PgNumeric.NEGATIVE_INFINITY).toString());
        assertEquals("-Infinity", PgNumeric.POSITIVE_INFINITY.multiply(n("-2")).toString());
        assertEquals("NaN", PgNumeric.POSITIVE_INFINITY.multiply(PgNumeric.ZERO).toString());
        assertEquals("0", n("5").divide(PgNumeric.POSITIVE_INFINITY).toString());
    }

    @Test
    void roundingFunctions() {
        assertEquals("3", n("2.5").round(0).toString());
        assertEquals("-3", n("-2.5").round(0).toString());
        assertEquals("3.14", n("3.14159").round(2).toString());
        assertEquals("1200", n("1234.5678").round(-2).toString());
        assertEquals("42.44", n("42.4382").round(2).toString());
        assertEquals("1.500", n("1.5").round(3).toString());
        assertEquals("3", n("3.789").trunc(0).toString());
        assertEquals("-3.7", n("-3.789").trunc(1).toString());
        assertEquals("42.43", n("42.4382").trunc(2).toString());
        assertEquals("2", n("1.2").ceil().toString());
        assertEquals("-42", n("-42.8").ceil().toString());
        assertEquals("-2", n("-1.2").floor().toString());
        assertEquals("-43", n("-42.8").floor().toString());
        assertEquals("4.5", n("-4.5").abs().toString());
        assertEquals("-1", n("-8.4").sign().toString());
        assertEquals(4, n("8.4100").displayScale());
        assertEquals(2, n("8.4100").minScale());
        assertEquals("8.41", n("8.4100").trimScale().toString());
    }

    @Test
    void transcendental() {
        assertEquals("1.414213562373095", PgNumeric.of(2).sqrt().toString());
        assertEquals("1.4142135623730950", PgNumeric.of(2).power(n("0.5")).toString());
        assertEquals("2.7182818284590452", n("1.0").exp().toString());
        assertEquals("0.6931471805599453", n("2.0").ln().toString());
        assertEquals("2.3025850929940457", PgNumeric.of(10).ln().toString());
        assertEquals("6.0000000000000000", PgNumeric.log(n("2.0"), n("64.0")).toString());
        assertEquals("2.0000000000000000", PgNumeric.of(100).log10().toString());
        assertEquals("3.000000000000000", n("9").sqrt().toString());
        assertEquals("0.000000000000000", PgNumeric.ZERO.sqrt().toString());
        assertEquals("1.0000000000000000", PgNumeric.ZERO.power(PgNumeric.ZERO).toString());
        assertEquals("1024.0000000000000", PgNumeric.of(2).power(PgNumeric.of(10)).toString());
        assertEquals("0.1250000000000000", PgNumeric.of(2).power(PgNumeric.of(-3)).toString());
        assertError("2201F", "cannot take square root of a negative number", () -> PgNumeric.of(-1).sqrt());
        assertError("2201E", "cannot take logarithm of zero", () -> PgNumeric.ZERO.ln());
        assertError("2201E", "cannot take logarithm of a negative number", () -> PgNumeric.of(-2).ln());
        assertError("2201F", "zero raised to a negative power is undefined",
                () -> PgNumeric.ZERO.power(PgNumeric.of(-1)));
        assertError("2201F", "a negative number raised to a non-integer power yields a complex result",
                () -> PgNumeric.of(-2).power(n("0.5")));
        assertEquals("-8.0000000000000000", PgNumeric.of(-2).power(n("3")).toString());
    }

    @Test
    void conversions() {
        assertEquals("123.456", PgNumeric.fromFloat4(123.456f).toString());
        assertEquals("123.5", PgNumeric.fromFloat4(123.456f).round(1).toString());
        assertEquals("0.841471", PgNumeric.fromFloat8(Math.sin(1)).round(6).toString());
        assertEquals("0.540302", PgNumeric.fromFloat8(Math.cos(1)).round(6).toString());
        assertEquals("0.785398", PgNumeric.fromFloat8(Math.atan2(1, 1)).round(6).toString());
        assertEquals("0.1", PgNumeric.fromFloat8(0.1).toString());
        assertEquals("0.3", PgNumeric.fromFloat8(0.1 + 0.2).toString());
        assertEquals("0.333333333333333", PgNumeric.fromFloat8(1 / 3.0).toString());
        assertEquals("1" + "0".repeat(100), PgNumeric.fromFloat8(1e100).toString());
        assertEquals("0.000001", PgNumeric.fromFloat8(1e-6).toString());
        assertEquals("NaN", PgNumeric.fromFloat8(Double.NaN).toString());
        assertEquals(0.1, n("0.1").toFloat8());
        assertEquals(0.1f, n("0.1").toFloat4());
        assertEquals(3, n("2.5").toInt4());
        assertEquals(-3, n("-2.5").toInt4());
        assertError("22003", "integer out of range", () -> n("2147483647.5").toInt4());
        assertError("22003", "bigint out of range", () -> n("1e30").toInt8());
        assertError("0A000", "cannot convert NaN to integer", () -> PgNumeric.NaN.toInt4());
        assertError("0A000", "cannot convert infinity to bigint", () -> PgNumeric.POSITIVE_INFINITY.toInt8());
    }

    @Test
    void comparisonIgnoresScaleAndOrdersSpecials() {
        assertEquals(PgNumeric.ONE, n("1.0"));
        assertEquals(PgNumeric.ONE.hashCode(), n("1.000").hashCode());
        assertEquals(0, PgNumeric.NaN.compareTo(PgNumeric.NaN));
        assertEquals(1, Integer.signum(PgNumeric.NaN.compareTo(PgNumeric.POSITIVE_INFINITY)));
        assertEquals(-1, Integer.signum(PgNumeric.NEGATIVE_INFINITY.compareTo(n("-1e100"))));
        assertNotEquals(PgNumeric.ONE, n("1.01"));
    }
}
