package io.pgsight.sql.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgsight.sql.api.SqlException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class StringFunctionsTest {
    private static void assertError(String state, String message, Executable e) {
        SqlException ex = assertThrows(SqlException.class, e);
        assertEquals(state, ex.sqlState());
        assertEquals(message, ex.getMessage());
    }

    @Test
    void basics() {
        assertEquals("{1,2,3)", StringFunctions.replace("(1,2,3)", "(", "{"));
        assertEquals("greSQL", StringFunctions.substr("PostgreSQL", 5));
        assertEquals("Post", StringFunctions.substr("PostgreSQL", 1, 4));
        assertEquals("P", StringFunctions.substr("PostgreSQL", -1, 3));
        assertEquals("", StringFunctions.substr("PostgreSQL", -5, 3));
        assertError("22011", "negative substring length not allowed", () -> StringFunctions.substr("abc", 1, -1));
        assertEquals(4, StringFunctions.length("图片相似"));
        assertEquals(2, StringFunctions.length("😀a"));
        assertEquals(6, StringFunctions.octetLength("héllo"));
        assertEquals("VECTOR", StringFunctions.upper("vector"));
        assertEquals("gist", StringFunctions.lower("GiST"));
        assertEquals(8, StringFunctions.position("PostgreSQL", "SQL"));
        assertEquals(2, StringFunctions.position("图片相似", "片"));
        assertEquals("pad", StringFunctions.btrim("  pad  ", " "));
        assertEquals("trim", StringFunctions.btrim("xxtrimyy", "xy"));
        assertEquals("007", StringFunctions.lpad("7", 3, "0"));
        assertEquals("hi", StringFunctions.lpad("hi there", 2, " "));
        assertEquals("abxyx", StringFunctions.rpad("ab", 5, "xy"));
        assertEquals("b", StringFunctions.splitPart("a,b,c", ",", 2));
        assertEquals("c", StringFunctions.splitPart("a,b,c", ",", -1));
        assertEquals("", StringFunctions.splitPart("a,b,c", ",", 4));
        assertError("22023", "field position must not be zero", () -> StringFunctions.splitPart("a", ",", 0));
        assertEquals("ab", StringFunctions.left("abcdef", 2));
        assertEquals("ef", StringFunctions.right("abcdef", 2));
        assertEquals("abcd", StringFunctions.left("abcdef", -2));
        assertEquals("cdef", StringFunctions.right("abcdef", -2));
        assertEquals("ababab", StringFunctions.repeat("ab", 3));
        assertEquals("cba", StringFunctions.reverse("abc"));
        assertEquals("Hello World 2nd", StringFunctions.initcap("hELLO wORLD 2ND"));
        assertEquals("a2x5", StringFunctions.translate("12345", "143", "ax"));
        assertEquals("xy", StringFunctions.concat(Arrays.asList("x", null, "y")));
        assertEquals("a-c", StringFunctions.concatWs("-", Arrays.asList("a", null, "c")));
        assertEquals(97, StringFunctions.ascii("abc"));
        assertEquals("A", StringFunctions.chr(65));
        assertError("54000", "null character not permitted", () -> StringFunctions.chr(0));
        assertEquals("ffffffff", StringFunctions.toHex(-1));
        assertEquals("7fffffffffffffff", StringFunctions.toHex(Long.MAX_VALUE));
        assertEquals("900150983cd24fb0d6963f7d28e17f72", StringFunctions.md5("abc"));
        assertTrue(StringFunctions.compare("abc", "abd") < 0);
        assertTrue(StringFunctions.compare("\uFFFF", "😀") < 0);
    }

    @Test
    void arraysOfText() {
        assertArrayEquals(new String[] {"1", "2", "3"}, StringFunctions.stringToArray("1,2,3", ",", null));
        assertArrayEquals(new String[] {"a", null, "c"}, StringFunctions.stringToArray("a,*,c", ",", "*"));
        assertArrayEquals(new String[] {"a", "b"}, StringFunctions.stringToArray("ab", null, null));
        assertArrayEquals(new String[] {"ab"}, StringFunctions.stringToArray("ab", "", null));
        assertArrayEquals(new String[0], StringFunctions.stringToArray("", ",", null));
        assertEquals("1-2-3", StringFunctions.arrayToString(List.of("1", "2", "3"), "-", null));
        assertEquals("1,*,3", StringFunctions.arrayToString(Arrays.asList("1", null, "3"), ",", "*"));
        assertEquals("1,3", StringFunctions.arrayToString(Arrays.asList("1", null, "3"), ",", null));
    }

    @Test
    void quotingAndFormat() {
        assertEquals("k='v'", StringFunctions.format("%s=%L", List.of("k", "v")));
        assertEquals("abc", StringFunctions.quoteIdent("abc"));
        assertEquals("\"Abc\"", StringFunctions.quoteIdent("Abc"));
        assertEquals("\"select\"", StringFunctions.quoteIdent("select"));
        assertEquals("\"a\"\"b\"", StringFunctions.quoteIdent("a\"b"));
        assertEquals("'O''Reilly'", StringFunctions.quoteLiteral("O'Reilly"));
        assertEquals("E'a\\\\b'", StringFunctions.quoteLiteral("a\\b"));
        assertEquals("NULL", StringFunctions.quoteNullable(null));
        assertEquals("INSERT INTO \"Foo bar\" VALUES(NULL)",
                StringFunctions.format("INSERT INTO %I VALUES(%L)", Arrays.asList("Foo bar", null)));
        assertEquals("|       foo|", StringFunctions.format("|%10s|", List.of("foo")));
        assertEquals("|foo       |", StringFunctions.format("|%-10s|", List.of("foo")));
        assertEquals("|       foo|", StringFunctions.format("|%*s|", List.of("10", "foo")));
        assertEquals("Testing three, two, one", StringFunctions.format("Testing %3$s, %2$s, %1$s",
                List.of("one", "two", "three")));
        assertEquals("Testing three, two, three", StringFunctions.format("Testing %3$s, %2$s, %s",
                List.of("one", "two", "three")));
        assertEquals("100%", StringFunctions.format("100%%", List.of()));
        assertError("22023", "too few arguments for format()", () -> StringFunctions.format("%s %s", List.of("a")));
        SqlException e = assertThrows(SqlException.class, () -> StringFunctions.format("%d", List.of("a")));
        assertEquals("unrecognized format() type specifier \"d\"", e.getMessage());
        assertEquals("For a single \"%\" use \"%%\".", e.hint());
        assertError("22004", "null values cannot be formatted as an SQL identifier",
                () -> StringFunctions.format("%I", Arrays.asList((String) null)));
    }

    @Test
    void likeAndRegex() {
        assertTrue(LikePattern.like("abc", "a%"));
        assertTrue(LikePattern.ilike("ABC", "a_c"));
        assertFalse(LikePattern.like("abc", "a_"));
        assertTrue(LikePattern.like("a%c", "a\\%c"));
        assertFalse(LikePattern.like("abc", "a\\%c"));
        assertTrue(LikePattern.like("", "%"));
        assertTrue(LikePattern.like("mississippi", "%iss%ppi"));
        assertTrue(LikePattern.compile("a#_c", "#", false).matches("a_c"));
        assertTrue(LikePattern.like("图片", "_片"));
        assertError("22025", "LIKE pattern must not end with escape character", () -> LikePattern.like("a", "a\\"));
        assertTrue(PgRegex.matches("abc", "^a.c$", false));
        assertTrue(PgRegex.matches("ABC", "^a.c$", true));
        assertFalse(PgRegex.matches("abc\n", "^abc$", false));
        assertEquals("a#b#", PgRegex.replace("a1b22", "[0-9]+", "#", "g"));
        assertEquals("a#b22", PgRegex.replace("a1b22", "[0-9]+", "#", null));
        assertEquals("ThM", PgRegex.replace("Thomas", ".[mN]a.", "M", null));
        assertEquals("Tmx", PgRegex.replace("Thomas", "h(o)(m)as", "\\2x", null));
        assertEquals("X-bc", PgRegex.replace("abc", "(a)", "X-", null));
        assertEquals("[a]bc", PgRegex.replace("abc", "a", "[\\&]", null));
        assertArrayEquals(new String[] {"bar", "beque"}, PgRegex.match("foobarbequebaz", "(bar)(beque)", null));
        assertNull(PgRegex.match("abc", "x", null));
        assertEquals(2, PgRegex.matches("foobarbequebazilbarfbonk", "(b[^b]+)(b[^b]+)", "g").size());
        assertEquals(List.of("the", "quick", "brown", "fox"), PgRegex.split("the quick brown fox", "\\s+", null));
        assertEquals(List.of("h", "e", "l", "l", "o"), PgRegex.split("hello", "", null));
        assertEquals(List.of("h", "e", "l", "l", "o", "w", "o", "r", "l", "d"),
                PgRegex.split("hello world", "\\s*", null));
        assertTrue(PgRegex.matches("abc1", "[[:alpha:]]+[[:digit:]]", false));
        assertTrue(PgRegex.matches("foo bar", "\\mbar", false));
        assertError("22023", "invalid regular expression option: \"z\"", () -> PgRegex.replace("a", "a", "b", "z"));
        assertEquals(3, PgRegex.count("ababab", "ab", 1, null));
        assertTrue(PgRegex.similarTo("abc", "%(b|d)%", null));
        assertFalse(PgRegex.similarTo("abc", "a", null));
    }

    @Test
    void booleans() {
        assertTrue(BoolFormat.in("true"));
        assertTrue(BoolFormat.in(" TR "));
        assertTrue(BoolFormat.in("yes"));
        assertTrue(BoolFormat.in("on"));
        assertTrue(BoolFormat.in("1"));
        assertFalse(BoolFormat.in("off"));
        assertFalse(BoolFormat.in("f"));
        assertFalse(BoolFormat.in("no"));
        assertFalse(BoolFormat.in("0"));
        assertEquals("t", BoolFormat.out(true));
        assertError("22P02", "invalid input syntax for type boolean: \"o\"", () -> BoolFormat.in("o"));
        assertError("22P02", "invalid input syntax for type boolean: \"x\"", () -> BoolFormat.in("x"));
        assertError("22P02", "invalid input syntax for type boolean: \"truee\"", () -> BoolFormat.in("truee"));
    }
}
