package io.pgsight.sql.builtin;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.spi.FunctionContext;
import io.pgsight.sql.spi.PgArray;
import io.pgsight.sql.spi.SetReturningFunction;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FunctionsTest {
    private final RecordingRegistry r = RecordingRegistry.catalog();

    private String out(String type, Object v) {
        return v == null ? null : r.type(type).output(v, RecordingRegistry.CTX);
    }

    private Object in(String type, String text) {
        return r.type(type).input(text, -1, RecordingRegistry.CTX);
    }

    private Object call(String name, String[] types, Object... args) {
        return r.call(name, args, types);
    }

    private static String[] t(String... types) {
        return types;
    }

    private List<String> rows(String type, String name, String[] types, Object... args) {
        Iterator<Object> it = ((SetReturningFunction) r.function(name, types).body()).call(RecordingRegistry.CTX, args);
        List<String> out = new ArrayList<>();
        it.forEachRemaining(v -> out.add(out(type, v)));
        return out;
    }

    private void error(String state, String message, Runnable action) {
        SqlException e = assertThrows(SqlException.class, action::run);
        assertEquals(message, e.getMessage());
        assertEquals(state, e.sqlState());
    }

    @Test
    void strings() {
        assertEquals("{1,2,3)", call("replace", t("text", "text", "text"), "(1,2,3)", "(", "{"));
        assertEquals("greSQL", call("substr", t("text", "int4"), "PostgreSQL", 5));
        assertEquals("Post", call("substr", t("text", "int4", "int4"), "PostgreSQL", 1, 4));
        assertEquals(4, call("length", t("text"), "图片相似"));
        assertEquals(6, call("octet_length", t("text"), "héllo"));
        assertEquals("VECTOR", call("upper", t("text"), "vector"));
        assertEquals("gist", call("lower", t("text"), "GiST"));
        assertEquals("xy", call("concat", t("variadic any"), "x", null, "y"));
        assertEquals(8, call("position", t("text", "text"), "PostgreSQL", "SQL"));
        assertEquals("pad", call("btrim", t("text"), "  pad  "));
        assertEquals("007", call("lpad", t("text", "int4", "text"), "7", 3, "0"));
        assertEquals("b", call("split_part", t("text", "text", "int4"), "a,b,c", ",", 2));
        assertEquals("ab", call("left", t("text", "int4"), "abcdef", 2));
        assertEquals("ef", call("right", t("text", "int4"), "abcdef", 2));
        assertEquals("ababab", call("repeat", t("text", "int4"), "ab", 3));
        assertEquals("k='v'", call("format", t("text", "variadic any"), "%s=%L", "k", "v"));
        assertEquals("\"Foo\" O''Reilly E'a\\\\b'", call("format", t("text", "variadic any"), "%I %s %L",
                "Foo", "O''Reilly", "a\\b"));
        assertEquals("Hello World", call("initcap", t("text"), "hello wORLD"));
        assertEquals("a#b#", call("regexp_replace", t("text", "text", "text", "text"), "a1b22", "[0-9]+", "#", "g"));
        assertEquals("{1,2,3}", out("_text", call("string_to_array", t("text", "text"), "1,2,3", ",")));
        assertEquals("1-2-3", call("array_to_string", t("anyarray", "text"), PgArray.of(23, 1, 2, 3), "-"));
        assertEquals("{a,b}", out("_text", call("regexp_split_to_array", t("text", "text"), "a  b", "\\s+")));
        assertEquals(List.of("{1}", "{22}"), rows("_text", "regexp_matches", t("text", "text", "text"), "a1b22",
                "([0-9]+)", "g"));
        assertEquals("\"select\"", call("quote_ident", t("text"), "select"));
        assertEquals("abc", call("quote_ident", t("text"), "abc"));
        error("22011", "negative substring length not allowed",
                () -> call("substr", t("text", "int4", "int4"), "abc", 1, -1));
    }

    @Test
    void bytea() {
        assertEquals("\\x48656c6c6f", out("bytea", call("decode", t("text", "text"), "48656c6c6f", "hex")));
        assertEquals("48656c6c6f", call("encode", t("bytea", "text"), "Hello".getBytes(), "hex"));
        assertEquals("SGVsbG8=", call("encode", t("bytea", "text"), "Hello".getBytes(), "base64"));
        assertEquals("\\x48656c6c6f", out("bytea", call("decode", t("text", "text"), "SGVsbG8=", "base64")));
        assertEquals("\\000a\u0001", call("encode", t("bytea", "text"), in("bytea", "\\000a\\001"), "escape"));
        assertEquals(3, call("length", t("bytea"), in("bytea", "\\x0102ff")));
        assertEquals("900150983cd24fb0d6963f7d28e17f72", call("md5", t("text"), "abc"));
        assertEquals("\\x020304", out("bytea", call("substr", t("bytea", "int4", "int4"), in("bytea", "\\x0102030405"), 2, 3)));
        assertEquals(11, call("get_byte", t("bytea", "int4"), in("bytea", "\\x0a0b"), 1));
        assertEquals("\\xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                out("bytea", call("sha256", t("bytea"), "abc".getBytes())));
        error("22023", "invalid hexadecimal digit: \"x\"", () -> call("decode", t("text", "text"), "xyz", "hex"));
    }

    @Test
    void arrays() {
        assertEquals(2, call("array_length", t("anyarray", "int4"), in("_int4", "{{1,2},{3,4}}"), 1));
        assertEquals(4, call("cardinality", t("anyarray"), in("_int4", "{{1,2},{3,4}}")));
        assertEquals("{0,0,0}", out("_int4", call("array_fill", t("anyelement", "_int4"), 0, PgArray.of(23, 3))));
        assertEquals(2, call("array_position", t("anycompatiblearray", "anycompatible"), PgArray.of(25, "a", "b"), "b"));
        assertEquals("[1:2][1:2]", call("array_dims", t("anyarray"), in("_int4", "{{1,2},{3,4}}")));
        assertEquals("{1,3}", out("_int4", call("array_remove", t("anycompatiblearray", "anycompatible"),
                PgArray.of(23, 1, 2, 3), 2)));
        assertEquals(List.of("10", "20", "30"), rows("int4", "unnest", t("anyarray"), PgArray.of(23, 10, 20, 30)));
    }

    @Test
    void series() {
        assertEquals(List.of("1", "4", "7", "10"), rows("int4", "generate_series", t("int4", "int4", "int4"), 1, 10, 3));
        assertEquals(List.of("5", "3", "1"), rows("int4", "generate_series", t("int4", "int4", "int4"), 5, 1, -2));
        assertEquals(List.of("0", "0.25", "0.50", "0.75", "1.00"), rows("numeric", "generate_series",
                t("numeric", "numeric", "numeric"), BigDecimal.ZERO, BigDecimal.ONE, new BigDecimal("0.25")));
        assertEquals(List.of("2024-01-01 00:00:00", "2024-01-01 08:00:00", "2024-01-01 16:00:00", "2024-01-02 00:00:00"),
                rows("timestamp", "generate_series", t("timestamp", "timestamp", "interval"),
                        in("timestamp", "2024-01-01"), in("timestamp", "2024-01-02"), in("interval", "8 hours")));
        assertEquals(List.of("2147483646", "2147483647"), rows("int4", "generate_series", t("int4", "int4"),
                2147483646, 2147483647));
        error("22023", "step size cannot equal zero", () -> rows("int4", "generate_series", t("int4", "int4", "int4"), 1, 2, 0));
    }

    @Test
    void dateTime() {
        assertEquals("2024-05-01 00:00:00", out("timestamp", call("date_trunc", t("text", "timestamp"), "month",
                in("timestamp", "2024-05-17 13:45:00"))));
        assertEquals("2024", out("numeric", call("extract", t("text", "date"), "year", in("date", "2024-05-17"))));
        assertEquals("5.500000", out("numeric", call("extract", t("text", "timestamp"), "second",
                in("timestamp", "2024-05-17 13:45:05.5"))));
        assertEquals("1234.50", call("to_char", t("numeric", "text"), new BigDecimal("1234.5"), "FM9999.00"));
        assertEquals(" 1234.50", call("to_char", t("numeric", "text"), new BigDecimal("1234.5"), "9999.00"));
        assertEquals("  -12", call("to_char", t("int4", "text"), -12, "9999"));
        assertEquals("1,234", call("to_char", t("int4", "text"), 1234, "FM9,999"));
        assertEquals("2024/03/05", call("to_char", t("timestamp", "text"), in("timestamp", "2024-03-05"), "YYYY/MM/DD"));
        assertEquals("Tue 05 March 2024, 01:02 PM", call("to_char", t("timestamp", "text"),
                in("timestamp", "2024-03-05 13:02"), "Dy DD FMMonth YYYY, HH12:MI AM"));
        assertEquals("43 years 9 mons 27 days", out("interval", call("age", t("timestamp", "timestamp"),
                in("timestamp", "2001-04-10"), in("timestamp", "1957-06-13"))));
        assertEquals("2024-02-29", out("date", call("make_date", t("int4", "int4", "int4"), 2024, 2, 29)));
        assertEquals("2024-03-05 13:02:00+00", out("timestamptz",
                call("to_timestamp", t("text", "text"), "2024-03-05 13:02", "YYYY-MM-DD HH24:MI")));
        assertEquals("1 mon 5 days", out("interval", call("justify_days", t("interval"), in("interval", "35 days"))));
    }

    /** A session whose random() state persists between calls, as the engine keeps it. */
    private static final class Session implements FunctionContext {
        private final Map<Class<?>, Object> state = new HashMap<>();

        @Override
        public void notice(String severity, String message) {
        }

        @Override
        public String setting(String name) {
            return null;
        }

        @Override
        public void checkCancelled() {
        }

        @Override
        public <T> T sessionState(Class<T> key, Supplier<T> initial) {
            return key.cast(state.computeIfAbsent(key, k -> initial.get()));
        }
    }

    @Test
    void randomIsPostgresGenerator() {
        Session s = new Session();
        io.pgsight.sql.spi.ScalarFunction setseed = (io.pgsight.sql.spi.ScalarFunction) r.function("setseed", "float8").body();
        io.pgsight.sql.spi.ScalarFunction random = (io.pgsight.sql.spi.ScalarFunction) r.function("random").body();
        setseed.call(s, new Object[] {0.5});
        assertEquals("0.9851677175347999", out("float8", random.call(s, new Object[0])));
        assertEquals("0.825301858027981", out("float8", random.call(s, new Object[0])));
        assertEquals(new BigDecimal("0.129746"), new BigDecimal(random.call(s, new Object[0]).toString())
                .setScale(6, java.math.RoundingMode.HALF_UP));
        setseed.call(s, new Object[] {0.5});
        assertEquals("0.9851677175347999", out("float8", random.call(s, new Object[0])));
    }

    @Test
    void sizesAndUuids() {
        assertEquals("10239 bytes", call("pg_size_pretty", t("int8"), 10239L));
        assertEquals("10 kB", call("pg_size_pretty", t("int8"), 10240L));
        assertEquals("118 MB", call("pg_size_pretty", t("int8"), 123456789L));
        assertEquals("1024 TB", call("pg_size_pretty", t("numeric"), new BigDecimal("1125899906842624")));
        assertEquals(2, call("num_nulls", t("variadic any"), null, 1, null));
        assertEquals("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", out("uuid", in("uuid", "{A0EEBC99-9C0B4EF8-BB6D6BB9-BD380A11}")));
        error("22P02", "invalid input syntax for type uuid: \"xyz\"", () -> in("uuid", "xyz"));
        assertEquals(true, r.op("<", "uuid", in("uuid", "00000000-0000-0000-0000-000000000001"),
                "uuid", in("uuid", "ffffffff-0000-0000-0000-000000000000")));
    }

    @Test
    void readsFiles(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path f = dir.resolve("img.bin");
        java.nio.file.Files.write(f, new byte[] {1, 2, (byte) 0xff});
        assertEquals("\\x0102ff", out("bytea", call("pg_read_binary_file", t("text"), f.toString())));
        assertEquals("\\x02", out("bytea", call("pg_read_binary_file", t("text", "int8", "int8"), f.toString(), 1L, 1L)));
        error("58P01", "could not open file \"" + dir.resolve("none") + "\" for reading: No such file or directory",
                () -> call("pg_read_binary_file", t("text"), dir.resolve("none").toString()));
        assertEquals(null, call("pg_read_binary_file", t("text", "bool"), dir.resolve("none").toString(), true));
    }

    @Test
    void formatType() {
        int varchar60 = r.type("varchar").typmodIn(new int[] {60});
        assertEquals("character varying(60)", call("format_type", t("oid", "int4"), 1043, varchar60));
        assertEquals("numeric(8,2)", call("format_type", t("oid", "int4"), 1700, r.type("numeric").typmodIn(new int[] {8, 2})));
        assertEquals("integer[]", call("format_type", t("oid", "int4"), 1007, -1));
        assertEquals("timestamp(3) without time zone", call("format_type", t("oid", "int4"), 1114, 3));
    }
}
