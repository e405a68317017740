package io.pgsight.sql.engine;

import io.pgsight.sql.spi.FunctionContext;

/**
 * Builds a timestamptz value from epoch microseconds through the type's own text input, so the
 * engine does not depend on how the built-in timestamp type represents values.
 */
final class TimestampValues {
    private TimestampValues() {
    }

    static Object fromEpochMicros(FunctionContext c, long micros) {
        java.time.Instant i = java.time.Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000),
                Math.floorMod(micros, 1_000_000) * 1000L);
        String text = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
                .withZone(java.time.ZoneOffset.UTC).format(i) + "+00";
        io.pgsight.sql.exec.ExecContext e = (io.pgsight.sql.exec.ExecContext) c;
        var t = e.catalog().typeByName("timestamptz");
        return t.input(text, -1, c);
    }
}
