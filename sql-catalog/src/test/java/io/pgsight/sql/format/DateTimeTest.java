package io.pgsight.sql.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pgsight.sql.api.SqlException;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class DateTimeTest {
    private static final DateTimeSettings UTC = new DateTimeSettings(PgTimeZone.UTC,
            DateTimeSettings.DateOrder.MDY, DateTimeFormat.timestampIn("2024-06-15 12:34:56"));
    private static final ZoneId NY = ZoneId.of("America/New_York");

    private static void assertError(String state, String message, Executable e) {
        SqlException ex = assertThrows(SqlException.class, e);
        assertEquals(state, ex.sqlState());
        assertEquals(message, ex.getMessage());
    }

    private static String date(String s) {
        return DateTimeFormat.dateOut(DateTimeFormat.dateIn(s, UTC));
    }

    private static String ts(String s) {
        return DateTimeFormat.timestampOut(DateTimeFormat.timestampIn(s, UTC));
    }

    private static String tstz(String s, ZoneId zone) {
        return DateTimeFormat.timestamptzOut(DateTimeFormat.timestamptzIn(s, UTC.withTimeZone(zone)), zone);
    }

    private static PgInterval iv(String s) {
        return IntervalFormat.parse(s);
    }

    @Test
    void dateInputForms() {
        assertEquals("1881-09-25", date("1881-09-25"));
        assertEquals("2024-01-08", date("January 8, 2024"));
        assertEquals("1999-01-08", date("Jan 8 1999"));
        assertEquals("1999-01-08", date("8-Jan-1999"));
        assertEquals("1999-01-08", date("1999-Jan-08"));
        assertEquals("1999-01-08", date("01/08/1999"));
        assertEquals("1999-01-08", date("19990108"));
        assertEquals("2003-01-02", date("01/02/03"));
        assertEquals("1999-01-08", date("1999/01/08"));
        assertEquals("2024-01-01", date("2024-01-01 08:00"));
        assertEquals("0044-03-15 BC", date("0044-03-15 BC"));
        assertEquals("1970-01-01", date("epoch"));
        assertEquals("infinity", date("infinity"));
        assertEquals("-infinity", date("-infinity"));
        assertEquals("2024-06-15", date("today"));
        assertEquals("2024-06-16", date("tomorrow"));
        assertEquals("2024-06-14", date("yesterday"));
        assertEquals("1999-01-08", DateTimeFormat.dateOut(DateTimeFormat.dateIn("08/01/1999",
                new DateTimeSettings(PgTimeZone.UTC, DateTimeSettings.DateOrder.DMY, 0))));
    }

    @Test
    void dateInputErrors() {
        SqlException e = assertThrows(SqlException.class, () -> DateTimeFormat.dateIn("2024-13-01"));
        assertEquals("22008", e.sqlState());
        assertEquals("date/time field value out of range: \"2024-13-01\"", e.getMessage());
        assertEquals("Perhaps you need a different \"datestyle\" setting.", e.hint());
        e = assertThrows(SqlException.class, () -> DateTimeFormat.dateIn("2023-02-29"));
        assertEquals("date/time field value out of range: \"2023-02-29\"", e.getMessage());
        assertNull(e.hint());
        assertError("22007", "invalid input syntax for type date: \"abc\"", () -> DateTimeFormat.dateIn("abc"));
        assertError("22007", "invalid input syntax for type date: \"\"", () -> DateTimeFormat.dateIn(""));
        assertError("22008", "date/time field value out of range: \"0000-01-01\"", () -> DateTimeFormat.dateIn("0000-01-01"));
        assertError("22007", "invalid input syntax for type timestamp: \"2024-01-01 xyz\"",
                () -> DateTimeFormat.timestampIn("2024-01-01 xyz"));
        assertError("22008", "date/time field value out of range: \"2024-01-01 25:00\"",
                () -> DateTimeFormat.timestampIn("2024-01-01 25:00"));
    }

    @Test
    void timestampForms() {
        assertEquals("2024-01-01 08:00:00", ts("2024-01-01 08:00"));
        assertEquals("2024-01-01 00:00:00", ts("2024-01-01"));
        assertEquals("2024-05-17 13:45:00", ts("2024-05-17 13:45:00"));
        assertEquals("2024-05-17 13:45:00.5", ts("2024-05-17T13:45:00.5Z"));
        assertEquals("2024-05-17 13:45:00.123457", ts("2024-05-17 13:45:00.1234567"));
        assertEquals("2024-05-17 01:05:00", ts("May 17 2024 1:05 am"));
        assertEquals("2024-05-17 13:05:00", ts("2024-05-17 1:05 PM"));
        assertEquals("2024-05-17 00:00:00", ts("2024-05-16 24:00:00"));
        assertEquals("1970-01-01 00:00:00", ts("epoch"));
        assertEquals("infinity", ts("infinity"));
        assertEquals("2024-06-15 12:34:56", ts("now"));
        assertEquals("2024-06-15 00:00:00", ts("today"));
        assertEquals("08:00:00", DateTimeFormat.timeOut(DateTimeFormat.timeIn("08:00")));
        assertEquals("23:59:59.999999", DateTimeFormat.timeOut(DateTimeFormat.timeIn("23:59:59.999999")));
        assertEquals("00:00:00", DateTimeFormat.timeOut(DateTimeFormat.timeIn("allballs")));
    }

    @Test
    void timestamptzZones() {
        assertEquals("2024-01-01 00:00:00+00", tstz("2024-01-01", PgTimeZone.UTC));
        assertEquals("2024-01-01 03:00:00+00", tstz("2024-01-01 08:00+05", PgTimeZone.UTC));
        assertEquals("2024-01-01 02:30:00+00", tstz("2024-01-01 08:00:00+05:30", PgTimeZone.UTC));
        assertEquals("2024-01-01 13:00:00+00", tstz("2024-01-01 08:00 EST", PgTimeZone.UTC));
        assertEquals("2024-07-01 12:00:00+00", tstz("2024-07-01 08:00 America/New_York", PgTimeZone.UTC));
        assertEquals("2024-01-01 08:00:00-05", tstz("2024-01-01 08:00", NY));
        assertEquals("2024-07-01 08:00:00-04", tstz("2024-07-01 08:00", NY));
        assertEquals("2024-03-10 03:30:00-04", tstz("2024-03-10 02:30", NY));
        assertEquals("2024-11-03 01:30:00-05", tstz("2024-11-03 01:30", NY));
        assertEquals("2024-01-01 13:30:00+05:30", tstz("2024-01-01 08:00Z", ZoneId.of("Asia/Kolkata")));
        assertEquals("1881-09-25 00:00:00-04:56:02", tstz("1881-09-25", NY));
    }

    @Test
    void intervalIo() {
        assertEquals("08:00:00", iv("8 hours").toString());
        assertEquals("1 day", iv("1 day").toString());
        assertEquals("1 year 2 mons", iv("1 year 2 mons").toString());
        assertEquals("01:30:00", iv("90 minutes").toString());
        assertEquals("1 day 02:00:00", iv("1 day 2 hours").toString());
        assertEquals("-1 days +02:03:00", iv("-1 days +02:03:00").toString());
        assertEquals("00:00:00", iv("0").toString());
        assertEquals("00:00:05", iv("5").toString());
        assertEquals("3 mons", iv("3 mons").toString());
        assertEquals("14 days", iv("2 weeks").toString());
        assertEquals("1 day 12:00:00", iv("1.5 days").toString());
        assertEquals("1 mon 15 days", iv("1.5 months").toString());
        assertEquals("1 year 6 mons", iv("1.5 years").toString());
        assertEquals("-3 days", iv("@ 3 days ago").toString());
        assertEquals("1 year 2 mons 3 days 04:05:06", iv("P1Y2M3DT4H5M6S").toString());
        assertEquals("1 day 02:03:04.5", iv("1 02:03:04.5").toString());
        assertEquals("00:10:00", iv("10min").toString());
        assertEquals("-00:00:01", PgInterval.ofMicros(-1_000_000).toString());
        assertEquals("-1 years -2 mons", new PgInterval(-14, 0, 0).toString());
        assertEquals("1 mon -1 days", new PgInterval(1, -1, 0).toString());
        assertEquals(iv("1 day"), iv("24 hours"));
        assertError("22007", "invalid input syntax for type interval: \"abc\"", () -> iv("abc"));
        assertError("22007", "invalid input syntax for type interval: \"1 fortnight\"", () -> iv("1 fortnight"));
        assertEquals("P1Y2M3DT4H5M6.5S", IntervalFormat.formatIso8601(iv("1 year 2 mons 3 days 04:05:06.5")));
    }

    @Test
    void arithmetic() {
        int d = DateTimeFormat.dateIn("2024-02-28");
        assertEquals("2024-03-01", DateTimeFormat.dateOut(DateTimeArithmetic.datePlusDays(d, 2)));
        assertEquals(137, DateTimeArithmetic.dateMinusDate(DateTimeFormat.dateIn("2024-05-17"),
                DateTimeFormat.dateIn("2024-01-01")));
        long t = DateTimeFormat.timestampIn("2024-01-01 10:00");
        assertEquals("2024-01-01 11:30:00",
                DateTimeFormat.timestampOut(DateTimeArithmetic.timestampPlusInterval(t, iv("90 minutes"))));
        long jan31 = DateTimeFormat.timestampIn("2024-01-31");
        assertEquals("2024-02-29 00:00:00",
                DateTimeFormat.timestampOut(DateTimeArithmetic.timestampPlusInterval(jan31, iv("1 mon"))));
        assertEquals("137 days", DateTimeArithmetic.timestampMinusTimestamp(DateTimeFormat.timestampIn("2024-05-17"),
                DateTimeFormat.timestampIn("2024-01-01")).toString());
        assertEquals("1 day 01:00:00", DateTimeArithmetic.timestampMinusTimestamp(
                DateTimeFormat.timestampIn("2024-01-02 01:00"), DateTimeFormat.timestampIn("2024-01-01")).toString());
        assertEquals("43 years 9 mons 27 days", DateTimeArithmetic.age(DateTimeFormat.timestampIn("2001-04-10"),
                DateTimeFormat.timestampIn("1957-06-13")).toString());
        assertEquals("-1 mons -1 days", DateTimeArithmetic.age(DateTimeFormat.timestampIn("2024-01-01"),
                DateTimeFormat.timestampIn("2024-02-02")).toString());
        // across the DST change one day in local time is 23 hours
        DateTimeSettings ny = UTC.withTimeZone(NY);
        long before = DateTimeFormat.timestamptzIn("2024-03-09 12:00", ny);
        assertEquals("2024-03-10 12:00:00-04", DateTimeFormat.timestamptzOut(
                DateTimeArithmetic.timestamptzPlusInterval(before, iv("1 day"), NY), NY));
        assertEquals("2024-03-10 13:00:00-04", DateTimeFormat.timestamptzOut(
                DateTimeArithmetic.timestamptzPlusInterval(before, iv("24 hours"), NY), NY));
        assertEquals("1 day 12:00:00", iv("3 days").multiply(0.5).toString());
        assertEquals("00:20:00", iv("1 hour").divide(3).toString());
        assertEquals("1 mon 5 days", new PgInterval(0, 35, 0).justifyDays().toString());
        assertEquals("1 day 01:00:00", iv("25 hours").justifyHours().toString());
        assertEquals("29 days 23:00:00", iv("1 mon -1 hour").justifyInterval().toString());
        assertError("22008", "date out of range", () -> DateTimeArithmetic.datePlusDays(d, 3_000_000_000L));
    }

    @Test
    void extractAndTrunc() {
        long t = DateTimeFormat.timestampIn("2024-05-17 13:45:01.5");
        assertEquals("2024-05-01 00:00:00", DateTimeFormat.timestampOut(DateTimeFields.truncTimestamp("month", t)));
        assertEquals("2024-05-13 00:00:00", DateTimeFormat.timestampOut(DateTimeFields.truncTimestamp("week", t)));
        assertEquals("2024-04-01 00:00:00", DateTimeFormat.timestampOut(DateTimeFields.truncTimestamp("quarter", t)));
        assertEquals("2001-01-01 00:00:00", DateTimeFormat.timestampOut(DateTimeFields.truncTimestamp("century", t)));
        assertEquals("2024-05-17 13:00:00", DateTimeFormat.timestampOut(DateTimeFields.truncTimestamp("hour", t)));
        assertEquals("2024", DateTimeFields.extractDate("year", DateTimeFormat.dateIn("2024-05-17")).toString());
        assertEquals("1.500000", DateTimeFields.extractTimestamp("second", t).toString());
        assertEquals("1500.000", DateTimeFields.extractTimestamp("milliseconds", t).toString());
        assertEquals("1715953501.500000", DateTimeFields.extractTimestamp("epoch", t).toString());
        assertEquals("5", DateTimeFields.extractTimestamp("dow", t).toString());
        assertEquals("138", DateTimeFields.extractTimestamp("doy", t).toString());
        assertEquals("20", DateTimeFields.extractTimestamp("week", t).toString());
        assertEquals("21", DateTimeFields.extractTimestamp("century", t).toString());
        assertEquals(2024.0, DateTimeFields.datePartTimestamp("year", t));
        assertEquals("1715904000", DateTimeFields.extractDate("epoch", DateTimeFormat.dateIn("2024-05-17")).toString());
        assertEquals("90000.000000", DateTimeFields.extractInterval("epoch", iv("1 day 1 hour")).toString());
        assertEquals("31557600.000000", DateTimeFields.extractInterval("epoch", iv("1 year")).toString());
        assertEquals("Infinity", DateTimeFields.extractDate("year", DateTimeValues.DATE_POS_INFINITY).toString());
        assertNull(DateTimeFields.extractDate("day", DateTimeValues.DATE_POS_INFINITY));
        assertError("0A000", "unit \"hour\" not supported for type date",
                () -> DateTimeFields.extractDate("hour", DateTimeFormat.dateIn("2024-05-17")));
        assertError("22023", "unit \"fortnight\" not recognized for type timestamp without time zone",
                () -> DateTimeFields.extractTimestamp("fortnight", t));
        long tz = DateTimeFormat.timestamptzIn("2024-05-17 01:30+00", UTC);
        assertEquals("2024-05-16 00:00:00-04", DateTimeFormat.timestamptzOut(
                DateTimeFields.truncTimestamptz("day", tz, NY), NY));
        assertEquals("-14400", DateTimeFields.extractTimestamptz("timezone", tz, NY).toString());
    }
}
