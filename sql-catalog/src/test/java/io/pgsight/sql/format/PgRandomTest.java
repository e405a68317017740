package io.pgsight.sql.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pgsight.sql.api.SqlException;
import org.junit.jupiter.api.Test;

class PgRandomTest {
    @Test
    void setseedReproducesPostgres() {
        PgRandom r = new PgRandom();
        r.setSeed(0.5);
        assertEquals("0.9851677175347999", FloatFormat.float8Out(r.random()));
        assertEquals("0.825301858027981", FloatFormat.float8Out(r.random()));
        assertEquals("0.129746", PgNumeric.fromFloat8(r.random()).round(6).toString());
        assertEquals("0.163563", PgNumeric.fromFloat8(r.random()).round(6).toString());
        assertEquals("0.647619", PgNumeric.fromFloat8(r.random()).round(6).toString());
        r.setSeed(0.5);
        assertEquals("0.9851677175347999", FloatFormat.float8Out(r.random()));
    }

    @Test
    void unseededIsInRangeAndSeedIsChecked() {
        PgRandom r = new PgRandom();
        for (int i = 0; i < 1000; i++) {
            double v = r.random();
            assertEquals(true, v >= 0 && v < 1);
        }
        SqlException e = assertThrows(SqlException.class, () -> r.setSeed(2));
        assertEquals("22023", e.sqlState());
        assertEquals("setseed parameter 2 is out of allowed range [-1,1]", e.getMessage());
    }
}
