package io.pgsight.sql.builtin;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.spi.PgArray;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OperatorsTest {
    private final RecordingRegistry r = RecordingRegistry.catalog();

    private String out(String type, Object v) {
        return r.type(type).output(v, RecordingRegistry.CTX);
    }

    private Object in(String type, String text) {
        return r.type(type).input(text, -1, RecordingRegistry.CTX);
    }

    private void error(String state, String message, Runnable action) {
        SqlException e = assertThrows(SqlException.class, action::run);
        assertEquals(message, e.getMessage());
        assertEquals(state, e.sqlState());
    }

    @Test
    void integerArithmetic() {
        assertEquals(3, r.op("/", "int4", 7, "int4", 2));
        assertEquals(-3, r.op("/", "int4", -7, "int4", 2));
        assertEquals(1, r.op("%", "int4", 7, "int4", 3));
        assertEquals(42000000000L, r.op("*", "int8", 42L, "int4", 1000000000));
        assertEquals("int48pl", functionOf("+", "int4", "int8"));
        error("22012", "division by zero", () -> r.op("/", "int4", 1, "int4", 0));
        error("22012", "division by zero", () -> r.op("%", "int4", 5, "int4", 0));
        error("22003", "integer out of range", () -> r.op("+", "int4", 2147483647, "int4", 1));
        error("22003", "smallint out of range", () -> r.op("*", "int2", (short) 300, "int2", (short) 300));
        error("22003", "bigint out of range", () -> r.op("-", null, null, "int8", Long.MIN_VALUE));
    }

    private String functionOf(String symbol, String l, String rt) {
        return r.operators.stream().filter(o -> o.symbol().equals(symbol) && l.equals(o.leftType())
                && o.rightType().equals(rt)).findFirst().orElseThrow().functionName();
    }

    @Test
    void floatArithmetic() {
        assertEquals("0.30000000000000004", out("float8", r.op("+", "float8", 0.1, "float8", 0.2)));
        assertEquals("3.3000000715255737", out("float8", r.op("*", "float4", 1.1f, "float8", 3.0)));
        assertEquals("3.3333333333333335", out("float8", r.op("/", "float8", 10.0, "float8", 3.0)));
        assertEquals("2.4285714285714284", out("float8", r.op("/", "float8", 17.0, "float8", 7.0)));
        assertEquals("1024", out("float8", r.op("^", "float8", 2.0, "float8", 10.0)));
        error("22003", "value out of range: overflow", () -> r.op("*", "float8", 1e308, "float8", 10.0));
        error("22012", "division by zero", () -> r.op("/", "float8", 1.0, "float8", 0.0));
        error("2201F", "a negative number raised to a non-integer power yields a complex result",
                () -> r.op("^", "float8", -8.0, "float8", 0.5));
    }

    @Test
    void numericArithmetic() {
        BigDecimal seven = new BigDecimal("7.0");
        assertEquals("3.5000000000000000", out("numeric", r.op("/", "numeric", seven, "numeric", new BigDecimal("2"))));
        assertEquals("0.33333333333333333333", out("numeric",
                r.op("/", "numeric", BigDecimal.ONE, "numeric", new BigDecimal("3"))));
        assertEquals("1.6666666666666667", out("numeric",
                r.op("/", "numeric", new BigDecimal("5"), "numeric", new BigDecimal("3"))));
        assertEquals("241.2000000000000000", out("numeric",
                r.op("/", "numeric", new BigDecimal("1206"), "numeric", new BigDecimal("5"))));
        assertEquals("7.0", out("numeric", r.op("*", "numeric", new BigDecimal("3.5"), "numeric", new BigDecimal("2"))));
        assertEquals("43.989", out("numeric",
                r.op("*", "numeric", new BigDecimal("39.99"), "numeric", new BigDecimal("1.1"))));
        assertEquals("0.3", out("numeric", r.op("+", "numeric", new BigDecimal("0.1"), "numeric", new BigDecimal("0.2"))));
        assertEquals(true, r.op("=", "numeric", BigDecimal.ONE, "numeric", new BigDecimal("1.0")));
        error("22012", "division by zero", () -> r.op("/", "numeric", new BigDecimal("1.5"), "numeric", BigDecimal.ZERO));
    }

    @Test
    void mathFunctions() {
        assertEquals("3", out("numeric", r.call("round", new Object[] {new BigDecimal("2.5")}, "numeric")));
        assertEquals("-3", out("numeric", r.call("round", new Object[] {new BigDecimal("-2.5")}, "numeric")));
        assertEquals("2", out("float8", r.call("round", new Object[] {2.5}, "float8")));
        assertEquals("3.14", out("numeric", r.call("round", new Object[] {new BigDecimal("3.14159"), 2}, "numeric", "int4")));
        assertEquals("1200", out("numeric", r.call("round", new Object[] {new BigDecimal("1234.5678"), -2}, "numeric", "int4")));
        assertEquals("3", out("numeric", r.call("trunc", new Object[] {new BigDecimal("3.789")}, "numeric")));
        assertEquals("-3.7", out("numeric", r.call("trunc", new Object[] {new BigDecimal("-3.789"), 1}, "numeric", "int4")));
        assertEquals("1.4142135623730951", out("float8", r.call("sqrt", new Object[] {2.0}, "float8")));
        assertEquals("1.414213562373095", out("numeric", r.call("sqrt", new Object[] {new BigDecimal("2")}, "numeric")));
        assertEquals("4.5", out("numeric", r.call("abs", new Object[] {new BigDecimal("-4.5")}, "numeric")));
        assertEquals("2", out("numeric", r.call("ceil", new Object[] {new BigDecimal("1.2")}, "numeric")));
        assertEquals("-2", out("numeric", r.call("floor", new Object[] {new BigDecimal("-1.2")}, "numeric")));
        assertEquals("3.141592653589793", out("float8", r.call("pi", new Object[0])));
        assertEquals("2.718281828459045", out("float8", r.call("exp", new Object[] {1.0}, "float8")));
        assertEquals("2.302585092994046", out("float8", r.call("ln", new Object[] {10.0}, "float8")));
        assertEquals("1.4142135623730950", out("numeric",
                r.call("power", new Object[] {new BigDecimal("2"), new BigDecimal("0.5")}, "numeric", "numeric")));
        error("2201F", "cannot take square root of a negative number", () -> r.call("sqrt", new Object[] {-1.0}, "float8"));
        error("2201E", "cannot take logarithm of zero", () -> r.call("ln", new Object[] {0.0}, "float8"));
        error("2201E", "cannot take logarithm of zero", () -> r.call("ln", new Object[] {BigDecimal.ZERO}, "numeric"));
    }

    @Test
    void casts() {
        assertEquals("0.6666667", out("float4", r.cast(2.0 / 3, "float8", "float4", -1, true)));
        assertEquals("123.456", out("numeric", r.cast(123.456f, "float4", "numeric", -1, true)));
        assertEquals("0.3", out("numeric", r.cast(0.1 + 0.2, "float8", "numeric", -1, true)));
        assertEquals(2, r.cast(2.5, "float8", "int4", -1, true));
        assertEquals(3, r.cast(new BigDecimal("2.5"), "numeric", "int4", -1, true));
        assertEquals(-3, r.cast(new BigDecimal("-2.5"), "numeric", "int4", -1, true));
        assertEquals(1, r.cast(true, "bool", "int4", -1, true));
        assertEquals(true, r.cast(1, "int4", "bool", -1, true));
        assertEquals((short) 42, r.cast(42, "int4", "int2", -1, true));
        error("22003", "smallint out of range", () -> r.cast(40000, "int4", "int2", -1, true));
        int typmod = r.type("numeric").typmodIn(new int[] {6, 3});
        assertEquals("3.142", out("numeric", r.cast(3.14159, "float8", "numeric", typmod, true)));
        assertEquals("abc", r.cast("abc  ", "bpchar", "text", -1, false));
    }

    @Test
    void stringsAndPatterns() {
        assertEquals("12px", r.op("||", "text", "12", "text", "px"));
        assertEquals("ab1", r.op("||", "text", "ab", "anynonarray", 1));
        assertEquals(true, r.op("~~", "text", "abc", "text", "a%"));
        assertEquals(true, r.op("~~*", "text", "ABC", "text", "a_c"));
        assertEquals(false, r.op("~~", "text", "abc", "text", "a_"));
        assertEquals(true, r.op("~", "text", "abc", "text", "^a.c$"));
        assertEquals(true, r.op("~", "text", "abc1", "text", "[[:digit:]]$"));
        assertEquals(true, r.op("<", "text", "abc", "text", "abd"));
        assertEquals(true, r.op("=", "bpchar", "ab  ", "bpchar", "ab"));
    }

    @Test
    void dateArithmetic() {
        assertEquals("2024-03-01", out("date", r.op("+", "date", in("date", "2024-02-28"), "int4", 2)));
        assertEquals(137, r.op("-", "date", in("date", "2024-05-17"), "date", in("date", "2024-01-01")));
        assertEquals("2024-01-01 11:30:00", out("timestamp",
                r.op("+", "timestamp", in("timestamp", "2024-01-01 10:00"), "interval", in("interval", "90 minutes"))));
        assertEquals("2024-02-29 00:00:00", out("timestamp",
                r.op("+", "timestamp", in("timestamp", "2024-01-31"), "interval", in("interval", "1 mon"))));
        assertEquals("3 days 02:00:00", out("interval",
                r.op("-", "timestamp", in("timestamp", "2024-01-04 02:00"), "timestamp", in("timestamp", "2024-01-01"))));
        assertEquals(true, r.op("<", "date", LocalDate.of(1899, 2, 3), "date", in("date", "1900-01-01")));
        assertEquals(true, r.op("=", "interval", in("interval", "1 mon"), "interval", in("interval", "30 days")));
        assertEquals("2024-05-17 00:00:00", out("timestamp", r.cast(in("date", "2024-05-17"), "date", "timestamp", -1, false)));
    }

    @Test
    void arrays() {
        PgArray a = PgArray.of(23, 1, 2, 3);
        assertEquals("{1,2,3,4}", out("_int4", r.op("||", "anycompatiblearray", a, "anycompatible", 4)));
        assertEquals("{0,1,2,3}", out("_int4", r.op("||", "anycompatible", 0, "anycompatiblearray", a)));
        assertEquals("{0,1,2,3}", out("_int4",
                r.op("||", "anycompatiblearray", PgArray.of(23, 0), "anycompatiblearray", a)));
        assertEquals("{{1,2,3},{1,2,3}}", out("_int4", r.op("||", "anycompatiblearray", a, "anycompatiblearray",
                in("_int4", "{{1,2,3}}"))));
        assertEquals(true, r.op("=", "anyarray", in("_int4", "{1,2}"), "anyarray", PgArray.of(23, 1, 2)));
        assertEquals(true, r.op("@>", "anyarray", a, "anyarray", PgArray.of(23, 3, 1)));
        assertEquals("{4}", out("_int4", r.op("||", "anycompatiblearray", null, "anycompatible", 4)));
        assertEquals("{1,2,3,NULL}", out("_int4", r.op("||", "anycompatiblearray", a, "anycompatible", null)));
        assertEquals("{1,2,3}", out("_int4", r.op("||", "anycompatiblearray", null, "anycompatiblearray", a)));
        assertEquals(false, r.op("&&", "anyarray", a, "anyarray", PgArray.of(23, 7)));
    }
}
