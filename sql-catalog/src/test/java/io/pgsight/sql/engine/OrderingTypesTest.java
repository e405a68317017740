package io.pgsight.sql.engine;

import io.pgsight.sql.api.EngineSession;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every built-in scalar type the tutorials sort by has an ordering operator; others are refused like PostgreSQL. */
class OrderingTypesTest extends EngineTestSupport {
    @Test
    void builtinTypesSort() {
        try (EngineSession s = open()) {
            for (String t : new String[] {"bool", "int2", "int4", "int8", "float4", "float8", "numeric", "text", "varchar",
                "bpchar", "name", "bytea", "date", "timestamp", "timestamptz", "interval", "oid"}) {
                String v1 = t.equals("bool") ? "false" : t.equals("bytea") ? "\\x01" : t.equals("date") ? "2024-01-01"
                        : t.startsWith("timestamp") ? "2024-01-01 00:00" : t.equals("interval") ? "1 day" : "1";
                String v2 = t.equals("bool") ? "true" : t.equals("bytea") ? "\\x02" : t.equals("date") ? "2024-01-02"
                        : t.startsWith("timestamp") ? "2024-01-02 00:00" : t.equals("interval") ? "2 days" : "2";
                assertEquals(2, rows(s, "SELECT x FROM (VALUES ('" + v2 + "'::" + t + "), ('" + v1 + "'::" + t
                        + ")) v(x) ORDER BY x").size(), t);
            }
        }
    }
}
