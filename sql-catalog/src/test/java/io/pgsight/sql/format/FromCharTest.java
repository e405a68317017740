package io.pgsight.sql.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pgsight.sql.api.SqlException;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class FromCharTest {
    private static String date(String text, String fmt) {
        return DateTimeFormat.dateOut(DateTimeFromChar.toDate(text, fmt));
    }

    private static String ts(String text, String fmt) {
        return DateTimeFormat.timestamptzOut(DateTimeFromChar.toTimestamp(text, fmt, PgTimeZone.UTC), PgTimeZone.UTC);
    }

    @Test
    void dates() {
        assertEquals("2024-03-05", date("2024-03-05", "YYYY-MM-DD"));
        assertEquals("2024-03-05", date("2024/03/05", "YYYY-MM-DD"));
        assertEquals("2000-12-05", date("05 Dec 2000", "DD Mon YYYY"));
        assertEquals("2000-12-05", date("December 5, 2000", "Month DD, YYYY"));
        assertEquals("2024-03-05", date("20240305", "YYYYMMDD"));
        assertEquals("2024-02-01", date("2024 032", "YYYY DDD"));
        assertEquals("1999-01-08", date("99-01-08", "YY-MM-DD"));
        assertEquals("2000-01-01", date("2451545", "J"));
        SqlException e = assertThrows(SqlException.class, () -> DateTimeFromChar.toDate("2024-13-01", "YYYY-MM-DD"));
        assertEquals("date/time field value out of range: \"2024-13-01\"", e.getMessage());
        e = assertThrows(SqlException.class, () -> DateTimeFromChar.toDate("2024-xx-01", "YYYY-MM-DD"));
        assertEquals("invalid value \"xx\" for \"MM\"", e.getMessage());
    }

    @Test
    void timestamps() {
        assertEquals("2024-03-05 14:07:09+00", ts("2024-03-05 14:07:09", "YYYY-MM-DD HH24:MI:SS"));
        assertEquals("2024-03-05 14:07:09+00", ts("2024-03-05 02:07:09 PM", "YYYY-MM-DD HH:MI:SS AM"));
        assertEquals("2024-03-05 00:07:09+00", ts("2024-03-05 12:07:09 am", "YYYY-MM-DD HH12:MI:SS pm"));
        assertEquals("2024-03-05 14:07:09.123+00", ts("2024-03-05 14:07:09.123", "YYYY-MM-DD HH24:MI:SS.MS"));
        assertEquals("2024-03-05 09:07:09+00", ts("2024-03-05 14:07:09 +05", "YYYY-MM-DD HH24:MI:SS TZH"));
        assertEquals("0001-01-01 10:30:00+00", ts("10:30", "HH24:MI"));
        assertEquals("2024-03-05 19:07:09+00", DateTimeFormat.timestamptzOut(DateTimeFromChar.toTimestamp(
                "2024-03-05 14:07:09", "YYYY-MM-DD HH24:MI:SS", ZoneId.of("America/New_York")), PgTimeZone.UTC));
        SqlException e = assertThrows(SqlException.class, () -> DateTimeFromChar.toTimestamp("13:00", "HH12:MI",
                PgTimeZone.UTC));
        assertEquals("hour \"13\" is invalid for the 12-hour clock", e.getMessage());
        assertEquals("2023-11-14 22:13:20+00",
                DateTimeFormat.timestamptzOut(DateTimeFromChar.toTimestamp(1700000000), PgTimeZone.UTC));
        assertEquals("1970-01-01 00:00:00.5+00",
                DateTimeFormat.timestamptzOut(DateTimeFromChar.toTimestamp(0.5), PgTimeZone.UTC));
    }

    @Test
    void numbers() {
        String[][] cases = {
            {"-34,338,492", "99G999G999", "-34338492"},
            {"-34,338,492.654,878", "99G999G999D999G999", "-34338492.654878"},
            {"<564646.654564>", "999999.999999PR", "-564646.654564"},
            {"0.00001-", "9.999999S", "-0.00001"},
            {"5.01-", "FM9.999999MI", "-5.01"},
            {"5 4 4 4 4 8 . 7 8", "9 9 9 9 9 9 . 9 9", "544448.78"},
            {".01", "FM9.99", "0.01"},
            {"0", "99.99", "0"},
            {".01-", "99.99S", "-0.01"},
            {"123,000", "999G", "123"},
            {"123456", "999G999", "123456"},
            {"$1,234.56", "L99,999.99", "1234.56"},
            {"42nd", "99th", "42"},
            {"12,454.8-", "99G999D9S", "-12454.8"},
        };
        for (String[] c : cases) {
            assertEquals(c[2], NumberFromChar.toNumber(c[0], c[1]).toString(), c[0] + " / " + c[1]);
        }
    }
}
