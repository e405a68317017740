package io.pgsight.sql.parser;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The catalog queries psql's describe commands and pgjdbc send must parse. */
class ClientQueriesTest {
    @Test
    void clientCatalogQueriesParse() throws IOException {
        String text;
        try (InputStream in = ClientQueriesTest.class.getResourceAsStream("client-queries.sql")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> queries = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.equals(";")) {
                queries.add(current.toString());
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        assertTrue(queries.size() >= 20);
        for (String q : queries) {
            assertEquals(1, SqlParser.parse(q).size(), q);
        }
    }
}
