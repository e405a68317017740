package io.pgsight.sql.builtin.json;

import io.pgsight.sql.api.SqlException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parsing, normalization, output and ordering of jsonb; expected texts taken from PostgreSQL 15. */
class JsonbValueTest {
    private static String norm(String json) {
        return JsonbOutput.text(JsonParser.parseJsonb(json));
    }

    @Test
    void normalizesKeysAndPrintsAsJsonbOut() {
        assertEquals("{\"a\": 3, \"b\": 1, \"aa\": [1, 2, {\"x\": null}]}",
                norm("{\"b\":1,\"a\":2,\"aa\":[1,2,{\"x\":null}],\"a\":3}"));
        assertEquals("[true, false, null]", norm(" [ true , false,null ] "));
        assertEquals("{}", norm("{}"));
        assertEquals("[]", norm("[]"));
    }

    @Test
    void numbersKeepNumericText() {
        assertEquals("15.0", norm("1.50e1"));
        assertEquals("0", norm("-0"));
        assertEquals("0.01", norm("1e-2"));
        assertEquals("100", norm("1E+2"));
        assertEquals("-12.5", norm("-12.5"));
    }

    @Test
    void stringsEscapeAsPostgres() {
        assertEquals("\"é\\n\\\"\\\\/\"", norm("\"\\u00e9\\n\\\"\\\\\\/\""));
        assertEquals("\"\\u0001\\b\\f\\r\\t\"", norm("\"\\u0001\\b\\f\\r\\t\""));
        assertEquals("\"\uD83D\uDE00\"", norm("\"\\ud83d\\ude00\""));
    }

    private static SqlException error(String json) {
        return assertThrows(SqlException.class, () -> JsonParser.parseJsonb(json));
    }

    @Test
    void syntaxErrorsCarryDetailAndContext() {
        SqlException e = error("{\"a\":1,}");
        assertEquals("22P02", e.sqlState());
        assertEquals("invalid input syntax for type json", e.getMessage());
        assertEquals("Expected string, but found \"}\".", e.detail());
        assertEquals("JSON data, line 1: {\"a\":1,}", e.context());
        assertEquals("The input string ended unexpectedly.", error("{\"a\":1").detail());
        assertEquals("JSON data, line 1: {\"a\":1", error("{\"a\":1").context());
        assertEquals("Token \"tru\" is invalid.", error("{\"a\":\n tru}").detail());
        assertEquals("JSON data, line 2:  tru...", error("{\"a\":\n tru}").context());
        assertEquals("Token \"01\" is invalid.", error("01").detail());
        assertEquals("Token \"1.\" is invalid.", error("1.").detail());
        assertEquals("Token \"\"abc\" is invalid.", error("\"abc").detail());
        assertEquals("Expected string or \"}\", but found \"1\".", error("{1:2}").detail());
        assertEquals("JSON data, line 1: {1...", error("{1:2}").context());
        assertEquals("Expected \":\", but found \"2\".", error("{\"a\" 2}").detail());
        assertEquals("Expected \",\" or \"]\", but found \"2\".", error("[1 2]").detail());
        assertEquals("Escape sequence \"\\x\" is invalid.", error("\"\\x\"").detail());
        assertEquals("JSON data, line 1: \"\\x...", error("\"\\x\"").context());
        assertEquals("Character with value 0x09 must be escaped.", error("\"a\tb\"").detail());
        assertEquals("JSON data, line 1: \"a...", error("\"a\tb\"").context());
        assertEquals("\"\\u\" must be followed by four hexadecimal digits.", error("\"\\u12\"").detail());
        assertEquals("Unicode low surrogate must follow a high surrogate.", error("\"\\uD800\"").detail());
        assertEquals("Token \"x\" is invalid.", error("{\"a\":1} x").detail());
        SqlException nul = error("\"\\u0000\"");
        assertEquals("22P05", nul.sqlState());
        assertEquals("unsupported Unicode escape sequence", nul.getMessage());
        assertEquals("\\u0000 cannot be converted to text.", nul.detail());
        assertEquals("JSON data, line 1: \"\\u0000...", nul.context());
    }

    @Test
    void longLinesKeepTheirLast49Characters() {
        SqlException e = error("{\"a\": 1,\n \"" + "c".repeat(40) + "\": [1, 2, 3, 4, 5, x]}");
        assertEquals("JSON data, line 2: ...ccccccccccccccccccccccccccccc\": [1, 2, 3, 4, 5, x...", e.context());
    }

    @Test
    void jsonKeepsNulEscapesAndDuplicateKeys() {
        JsonSyntax s = JsonParser.parseSyntax("{\"a\":\"\\u0000\", \"a\": 2}", false);
        assertEquals(List.of("a", "a"), s.keys());
    }

    @Test
    void orderFollowsJsonbCmp() {
        List<String> sorted = List.of("[]", "null", "\"a\"", "\"b\"", "-1.5", "1", "false", "true", "[7]", "[[1]]",
                "[{}]", "[1, 2]", "{}", "{\"a\": 1}", "{\"aa\": 1}", "{\"b\": 0}", "{\"a\": 1, \"b\": 2}");
        List<JsonbValue> values = new ArrayList<>();
        for (String s : sorted) {
            values.add(JsonParser.parseJsonb(s));
        }
        Collections.reverse(values);
        Collections.sort(values);
        assertEquals(sorted, values.stream().map(JsonbOutput::text).toList());
    }

    @Test
    void numericEqualityIgnoresScale() {
        JsonbValue a = JsonParser.parseJsonb("{\"a\":1}");
        JsonbValue b = JsonParser.parseJsonb("{\"a\":1.00}");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(0, a.compareTo(b));
        assertNotEquals(a, JsonParser.parseJsonb("{\"a\":2}"));
    }

    @Test
    void containmentAndExistence() {
        assertTrue(JsonbContainment.contains(JsonParser.parseJsonb("{\"a\":1,\"b\":{\"c\":[1,2]}}"),
                JsonParser.parseJsonb("{\"b\":{\"c\":[2]}}")));
        assertTrue(JsonbContainment.contains(JsonParser.parseJsonb("[1,2]"), JsonParser.parseJsonb("1")));
        assertFalse(JsonbContainment.contains(JsonParser.parseJsonb("[[1,2]]"), JsonParser.parseJsonb("[1]")));
        assertFalse(JsonbContainment.contains(JsonParser.parseJsonb("{\"a\":[1]}"), JsonParser.parseJsonb("{\"a\":1}")));
        assertTrue(JsonbContainment.exists(JsonParser.parseJsonb("[\"x\",\"y\"]"), "y"));
        assertTrue(JsonbContainment.exists(JsonParser.parseJsonb("\"a\""), "a"));
    }

    @Test
    void binaryFormsAreTextWithJsonbVersionByte() {
        io.pgsight.sql.spi.PgType jsonb = JsonTypes.jsonb();
        byte[] wire = jsonb.send(JsonParser.parseJsonb("{\"b\":1,\"a\":[true]}"));
        assertEquals(1, wire[0]);
        assertEquals("{\"a\": [true], \"b\": 1}", new String(wire, 1, wire.length - 1, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(JsonParser.parseJsonb("{\"a\":[true],\"b\":1}"), jsonb.receive(wire, -1));
        byte[] wrongVersion = wire.clone();
        wrongVersion[0] = 2;
        assertEquals("unsupported jsonb version number 2",
                assertThrows(SqlException.class, () -> jsonb.receive(wrongVersion, -1)).getMessage());
        io.pgsight.sql.spi.PgType json = JsonTypes.json();
        assertEquals("{\"a\" : 1}", json.receive("{\"a\" : 1}".getBytes(java.nio.charset.StandardCharsets.UTF_8), -1));
        assertThrows(SqlException.class, () -> json.input("{", -1));
    }

    @Test
    void editsFollowJsonbSetAndDelete() {
        JsonbValue v = JsonParser.parseJsonb("{\"a\":{\"b\":[1,2,3]}}");
        io.pgsight.sql.spi.PgArray path = io.pgsight.sql.spi.PgArray.of(25, "a", "b", "-1");
        assertEquals("{\"a\": {\"b\": [1, 2, \"z\"]}}",
                JsonbOutput.text(JsonbEdits.set(v, path, new JsonbValue.JString("z"), true)));
        assertEquals("{\"a\": {\"b\": [1, 2]}}", JsonbOutput.text(JsonbEdits.deletePath(v, path)));
        assertEquals("{\"a\": {\"b\": [1, 2, 0, 3]}}", JsonbOutput.text(
                JsonbEdits.insert(v, path, new JsonbValue.JNumber(java.math.BigDecimal.ZERO), false)));
        assertEquals("cannot delete from scalar", assertThrows(SqlException.class,
                () -> JsonbEdits.deleteKey(JsonParser.parseJsonb("1"), "a")).getMessage());
        assertEquals("path element at position 3 is not an integer: \"x\"", assertThrows(SqlException.class,
                () -> JsonbEdits.set(v, io.pgsight.sql.spi.PgArray.of(25, "a", "b", "x"), JsonbValue.NULL, true))
                .getMessage());
    }

    @Test
    void prettyIndentsByFourSpaces() {
        assertEquals("{\n    \"a\": [\n        1,\n        {\n            \"b\": 2\n        }\n    ],\n    \"c\": {\n    },"
                + "\n    \"d\": [\n    ]\n}", JsonbOutput.pretty(JsonParser.parseJsonb("{\"a\":[1,{\"b\":2}],\"c\":{},\"d\":[]}")));
    }
}
