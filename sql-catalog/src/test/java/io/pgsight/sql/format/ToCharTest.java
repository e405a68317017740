package io.pgsight.sql.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ToCharTest {
    private static String num(String v, String fmt) {
        return NumberToChar.numeric(PgNumeric.parse(v), fmt);
    }

    @Test
    void numbers() {
        assertEquals("1234.50", num("1234.5", "FM9999.00"));
        assertEquals(" 1234.50", num("1234.5", "9999.00"));
        assertEquals("-1234.50", num("-1234.5", "9999.00"));
        assertEquals("   5", num("5", "999"));
        assertEquals("  -5", num("-5", "999"));
        assertEquals(" 005", num("5", "009"));
        assertEquals("-005", num("-5", "009"));
        assertEquals("   0", num("0", "999"));
        assertEquals("  .50", num("0.5", "9.99"));
        assertEquals(" 0.50", num("0.5", "0.99"));
        assertEquals(" 1,234,567", num("1234567", "9,999,999"));
        assertEquals("       123", num("123", "9,999,999"));
        assertEquals(" ###", num("12345", "999"));
        assertEquals("1.", num("1", "FM9.99"));
        assertEquals("1.5", num("1.5", "FM9.99"));
        assertEquals(" 3", num("2.5", "9"));
        assertEquals(" 1.23e+04", num("12345.678", "9.99EEEE"));
        assertEquals("-12", num("-12", "MI99"));
        assertEquals("<12>", num("-12", "99PR"));
        assertEquals("+12", num("12", "S99"));
        assertEquals("12-", num("-12", "99S"));
        assertEquals(" 12th", NumberToChar.int8(12, "99th"));
        assertEquals(" 485", NumberToChar.int8(485, "999"));
        assertEquals("  1.5", NumberToChar.float8(1.5, "99.9"));
        assertEquals("  1.2", NumberToChar.float8(1.25, "99.9"));
        assertEquals(" 1200", num("12", "99V99"));
    }

    @Test
    void dates() {
        long ts = DateTimeFormat.timestampIn("2024-03-05 14:07:09.1234");
        assertEquals("2024/03/05", DateTimeToChar.date(DateTimeFormat.dateIn("2024-03-05"), "YYYY/MM/DD"));
        assertEquals("Tuesday   05 March     2024", DateTimeToChar.timestamp(ts, "Day DD Month YYYY"));
        assertEquals("Tuesday 5 March 2024", DateTimeToChar.timestamp(ts, "FMDay FMDD FMMonth YYYY"));
        assertEquals("TUE mar MAR", DateTimeToChar.timestamp(ts, "DY mon MON"));
        assertEquals("02:07:09 PM", DateTimeToChar.timestamp(ts, "HH12:MI:SS PM"));
        assertEquals("14:07:09.123", DateTimeToChar.timestamp(ts, "HH24:MI:SS.MS"));
        assertEquals("123400", DateTimeToChar.timestamp(ts, "US"));
        assertEquals("5th of March", DateTimeToChar.timestamp(ts, "FMDDth \"of\" FMMonth"));
        assertEquals("Q1 W1 WW10 IW10 D3 ID2 DDD065", DateTimeToChar.timestamp(ts, "\"Q\"Q \"W\"W \"WW\"WW \"IW\"IW \"D\"D \"ID\"ID \"DDD\"DDD"));
        assertEquals("21 AD III ", DateTimeToChar.timestamp(ts, "CC AD RM"));
        long tz = DateTimeFormat.timestamptzIn("2024-07-01 12:00:00+00", DateTimeSettings.defaults());
        assertEquals("2024-07-01 08:00:00 EDT -04", DateTimeToChar.timestamptz(tz, "YYYY-MM-DD HH24:MI:SS TZ OF",
                ZoneId.of("America/New_York")));
        assertEquals("25 01:30:00", DateTimeToChar.interval(IntervalFormat.parse("25 days 1 hour 30 minutes"),
                "DD HH24:MI:SS"));
    }
}
