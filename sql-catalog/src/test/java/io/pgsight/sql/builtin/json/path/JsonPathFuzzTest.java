package io.pgsight.sql.builtin.json.path;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.builtin.json.JsonParser;
import io.pgsight.sql.builtin.json.JsonbValue;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random token soup as jsonpath input: every text either parses (and then prints to text that parses
 * to the same print) or fails with a SqlException; every parsed path runs on a few documents in
 * silent and loud mode ending in results or a SqlException, never another exception.
 */
class JsonPathFuzzTest {
    private static final String[] TOKENS = {"$", "@", ".", "a", "\"b\"", "*", "**", "[", "]", "{", "}", "(", ")", ",",
        "?", "==", "!=", "<", ">=", "&&", "||", "!", "+", "-", "/", "%", "1", "2.5", "-3", "last", "to", "strict ",
        "lax ", "exists", "like_regex", "\"^a\"", "flag", "\"i\"", "starts", "with", "is", "unknown", "true", "null",
        ".size()", ".type()", ".double()", ".abs()", ".floor()", ".keyvalue()", ".datetime()", "$x", " ", "\"x\\n\""};
    private static final String[] DOCS = {"{\"a\": [1, {\"b\": \"ab\"}, [2, 3]], \"b\": {\"c\": null}}", "[1, \"a\", true]",
        "\"2017-03-10\"", "5", "{}"};

    @Test
    void tokenSoupParsesOrFailsWithSqlException() {
        Random random = new Random(20261123L);
        List<JsonbValue> docs = new ArrayList<>();
        for (String d : DOCS) {
            docs.add(JsonParser.parseJsonb(d));
        }
        JsonbValue vars = JsonParser.parseJsonb("{\"x\": [1, 2]}");
        int parsed = 0;
        for (int i = 0; i < 20000; i++) {
            StringBuilder sb = new StringBuilder(random.nextBoolean() ? "$" : "");
            int n = 1 + random.nextInt(10);
            for (int k = 0; k < n; k++) {
                sb.append(TOKENS[random.nextInt(TOKENS.length)]);
            }
            JsonPath path;
            try {
                path = JsonPath.parse(sb.toString());
            } catch (SqlException e) {
                continue;
            }
            parsed++;
            String printed = path.toString();
            assertEquals(printed, JsonPath.parse(printed).toString(), "reprint of " + sb);
            for (JsonbValue doc : docs) {
                for (boolean silent : new boolean[] {true, false}) {
                    try {
                        JsonPathEvaluator.execute(path, doc, vars, silent, new ArrayList<>());
                        JsonPathEvaluator.execute(path, doc, vars, silent, null);
                    } catch (SqlException e) {
                        // an error PostgreSQL would raise too
                    }
                }
            }
        }
        assertTrue(parsed > 1000, "only " + parsed + " of the random texts parsed");
    }
}
