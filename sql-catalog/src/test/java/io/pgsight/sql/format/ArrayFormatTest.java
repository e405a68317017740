package io.pgsight.sql.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.spi.PgArray;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ArrayFormatTest {
    private static final Function<Object, String> TEXT = Object::toString;

    private static PgArray text(String s) {
        return ArrayFormat.in(s, 25, x -> x);
    }

    private static PgArray ints(String s) {
        return ArrayFormat.in(s, 23, IntegerFormat::int4In);
    }

    private static void assertMalformed(String input, String detail) {
        SqlException e = assertThrows(SqlException.class, () -> ints(input));
        assertEquals("22P02", e.sqlState());
        assertEquals("malformed array literal: \"" + input + "\"", e.getMessage());
        assertEquals(detail, e.detail());
    }

    @Test
    void output() {
        assertEquals("{stories,classic}", ArrayFormat.out(PgArray.of(25, "stories", "classic"), TEXT));
        assertEquals("{\"a b\",\"\",\"NULL\",NULL,\"x\\\"y\",\"c\\\\d\",\"{}\",\"a,b\"}",
                ArrayFormat.out(PgArray.of(25, "a b", "", "NULL", null, "x\"y", "c\\d", "{}", "a,b"), TEXT));
        assertEquals("{}", ArrayFormat.out(PgArray.of(23), TEXT));
        assertEquals("{{1,2},{3,4}}", ArrayFormat.out(new PgArray(23, new int[] {2, 2}, new int[] {1, 1},
                new Object[] {1, 2, 3, 4}), TEXT));
        assertEquals("[0:2]={1,2,3}", ArrayFormat.out(new PgArray(23, new int[] {3}, new int[] {0},
                new Object[] {1, 2, 3}), TEXT));
        assertEquals("{1.5,2.25}", ArrayFormat.out(ArrayFormat.in("{1.5,2.25}", 700, FloatFormat::float4In),
                o -> FloatFormat.float4Out((Float) o)));
        assertEquals("{(1,2);(3,4)}", ArrayFormat.out(PgArray.of(603, "(1,2)", "(3,4)"), TEXT, ';'));
    }

    @Test
    void input() {
        PgArray a = ints("{1,2,3}");
        assertArrayEquals(new Object[] {1, 2, 3}, a.toArray());
        assertArrayEquals(new int[] {3}, a.dimensions());
        PgArray b = ints(" { { 1 , 2 } , { 3 , 4 } } ");
        assertArrayEquals(new int[] {2, 2}, b.dimensions());
        assertArrayEquals(new Object[] {1, 2, 3, 4}, b.toArray());
        PgArray c = text("{\"a b\", c d ,NULL,\"NULL\",\\\"q}");
        assertArrayEquals(new Object[] {"a b", "c d", null, "NULL", "\"q"}, c.toArray());
        PgArray d = ints("[0:2]={7,8,9}");
        assertEquals(0, d.lowerBound(0));
        assertEquals(0, ints("{}").dimensionCount());
        assertNull(ints("{NULL}").get(0));
    }

    @Test
    void inputErrors() {
        assertMalformed("x", "Array value must start with \"{\" or dimension information.");
        assertMalformed("{1,2", "Unexpected end of input.");
        assertMalformed("{1,2}x", "Junk after closing right brace.");
        assertMalformed("{{1,2},{3}}", "Multidimensional arrays must have sub-arrays with matching dimensions.");
        assertMalformed("{{1,2},3}", "Unexpected array element.");
        assertMalformed("{1,{2}}", "Unexpected \"{\" character.");
        assertMalformed("{1,,2}", "Unexpected \",\" character.");
        assertMalformed("[1:2]={1,2,3}", "Specified array dimensions do not match array contents.");
        assertMalformed("[1:2]{1,2}", "Missing \"=\" after array dimensions.");
        SqlException e = assertThrows(SqlException.class, () -> ints("{1,a}"));
        assertEquals("invalid input syntax for type integer: \"a\"", e.getMessage());
    }
}
