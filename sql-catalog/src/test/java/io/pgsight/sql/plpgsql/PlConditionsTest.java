package io.pgsight.sql.plpgsql;

import io.pgsight.sql.api.SqlException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlConditionsTest {
    @Test
    void namesAndClasses() {
        assertEquals(List.of("22012"), PlConditions.sqlStates("division_by_zero"));
        assertEquals(List.of("P0001"), PlConditions.sqlStates("raise_exception"));
        assertTrue(PlConditions.matches("data_exception", "22012"));
        assertTrue(PlConditions.matches("unique_violation", "23505"));
        assertFalse(PlConditions.matches("unique_violation", "23503"));
        assertTrue(PlConditions.matches("others", "22012"));
        assertFalse(PlConditions.matches("others", "57014"));
    }

    @Test
    void unknownConditionsAreRejectedWhileParsing() {
        SqlException e = assertThrows(SqlException.class,
                () -> PlpgsqlParser.parse(" BEGIN RAISE no_such_thing; END ", 0));
        assertEquals("unrecognized exception condition \"no_such_thing\"", e.getMessage());
        assertEquals("42704", e.sqlState());
        e = assertThrows(SqlException.class,
                () -> PlpgsqlParser.parse(" BEGIN NULL; EXCEPTION WHEN bogus THEN NULL; END ", 0));
        assertEquals("unrecognized exception condition \"bogus\"", e.getMessage());
        PlpgsqlParser.parse(" BEGIN NULL; EXCEPTION WHEN division_by_zero OR others THEN NULL; END ", 0);
    }
}
