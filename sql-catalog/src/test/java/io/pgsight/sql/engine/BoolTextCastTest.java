package io.pgsight.sql.engine;

import io.pgsight.sql.api.EngineSession;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** bool to text goes through text(boolean) ("true"), while output and format/concat print "t". */
class BoolTextCastTest extends EngineTestSupport {
    @Test
    void castsAndConcatenationSpellTheWordOut() {
        EngineSession s = open();
        assertEquals("true", one(s, "SELECT true::text"));
        assertEquals("false", one(s, "SELECT false::varchar"));
        assertEquals("true ", one(s, "SELECT cast(true AS char(5))"));
        assertEquals("xtrue", one(s, "SELECT 'x' || true"));
        assertEquals("falsey", one(s, "SELECT false || 'y'::text"));
    }

    @Test
    void outputFormatAndConcatKeepTheLetter() {
        EngineSession s = open();
        assertEquals("t", one(s, "SELECT true"));
        assertEquals("t", one(s, "SELECT format('%s', true)"));
        assertEquals("f", one(s, "SELECT concat(false)"));
        assertEquals("{t}", one(s, "SELECT ARRAY[true]::text"));
    }
}
