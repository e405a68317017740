package io.pgsight.sql.engine;

import io.pgsight.sql.api.EngineSession;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** CURRENT_DATE, CURRENT_TIME, LOCALTIME, LOCALTIMESTAMP: the transaction start time in the session's zone. */
class SqlValueFunctionsTest extends EngineTestSupport {
    @Test
    void valuesFollowTheTransactionStartAndTimeZone() {
        EngineSession s = open();
        run(s, "SET TimeZone = 'Asia/Shanghai'");
        assertEquals(List.of(List.of("t", "t", "t")), rows(s, "SELECT current_date = now()::date, "
                + "localtimestamp = now()::timestamp, localtime = now()::time"));
        assertEquals(List.of(List.of("date", "time without time zone", "timestamp without time zone")),
                rows(s, "SELECT pg_typeof(current_date), pg_typeof(localtime), pg_typeof(localtimestamp)"));
        // timetz is not built in: CURRENT_TIME says so instead of failing inside
        assertError(s, "SELECT current_time", "0A000", "type time with time zone is not supported");
        assertEquals("current_date", run(s, "SELECT current_date").columns.get(0).name());
        run(s, "BEGIN");
        String first = one(s, "SELECT localtimestamp::text");
        assertEquals(first, one(s, "SELECT localtimestamp::text"));
        run(s, "COMMIT");
    }

    @Test
    void columnDefaultsKeepTheirSqlName() {
        EngineSession s = open();
        run(s, "CREATE TABLE d (id int, day date DEFAULT CURRENT_DATE)");
        run(s, "INSERT INTO d (id) VALUES (1)");
        assertEquals("t", one(s, "SELECT day = current_date FROM d"));
        assertEquals("CURRENT_DATE", one(s, "SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'd'::regclass"));
    }
}
