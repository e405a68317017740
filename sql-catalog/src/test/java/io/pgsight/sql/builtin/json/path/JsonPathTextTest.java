package io.pgsight.sql.builtin.json.path;

import io.pgsight.sql.api.SqlException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The printed form of a jsonpath reads back to itself (PostgreSQL's output is valid input with the
 * same meaning), and numeric varlena sizes behind .keyvalue()'s ids (checked against PostgreSQL 15 through the ids it reports).
 */
class JsonPathTextTest {
    @ParameterizedTest
    @ValueSource(strings = {"$", "strict $.a[*] ? (@ > 2)", "-1 + 2 * (3 - $.a) / -$.b % +$.c", "$.**{2 to last}.x",
            "$ ? (@.a < 1 && (@.b > 2 || @.c == 3))", "$.a ? (@ like_regex \"^x\" flag \"smiq\")", "(1 + 2).type()",
            "$ ? ((@ == 1) is unknown)", "!exists($.a)", "$x[last - 1 to last, 0]", "\"\\n\\u0001é\\\"\"",
            "$.\"a b\".datetime(\"yyyy\")", "1 - (2 - 3)", "((1 + 2) + 3)", "(1).a", "-(1).a", "- - $",
            "$.a starts with $\"v w\"", "$.keyvalue().value.size().double().abs().floor().ceiling()"})
    void printedTextParsesToTheSameText(String text) {
        String printed = JsonPath.parse(text).toString();
        assertEquals(printed, JsonPath.parse(printed).toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"$.a == 1|($.\"a\" == 1)", "lax $.a[*] ? (@ > 2)|$.\"a\"[*]?(@ > 2)",
            "1 * (2 + 3)|(1 * (2 + 3))", "$ ? (@ == -1)|$?(@ == -1)", "1.5e3|1500", ".5|0.5", "$.a <> 1|($.\"a\" != 1)"})
    void normalizesAsPostgres(String input, String output) {
        assertEquals(output, JsonPath.parse(input).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"$.a +", "1a", "@", "last", "$ ? (@.a)", "1 == 2 == 3", "$ ? (@ like_regex \"a\" flag \"z\")"})
    void rejectsWithSqlException(String text) {
        assertThrows(SqlException.class, () -> JsonPath.parse(text));
    }

    @ParameterizedTest
    @CsvSource({"0,6", "1,8", "20000000048,12", "12345.6,12", "0.00001,8", "1e-70,10", "123456789012345678901234567890.5,24"})
    void numericVarlenaSizes(String value, int size) {
        assertEquals(size, JsonbLayout.numericSize(new BigDecimal(value)));
    }
}
