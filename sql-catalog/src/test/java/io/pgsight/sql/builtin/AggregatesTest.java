package io.pgsight.sql.builtin;

import io.pgsight.sql.spi.AggregateDef;
import io.pgsight.sql.spi.AggregateState;
import io.pgsight.sql.spi.FunctionDef;
import io.pgsight.sql.spi.PgArray;
import io.pgsight.sql.builtin.window.WindowFunction;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AggregatesTest {
    private final RecordingRegistry r = RecordingRegistry.catalog();

    private AggregateDef agg(String name, String... args) {
        return r.aggregates.stream().filter(a -> a.name().equals(name) && a.argumentTypes().equals(List.of(args)))
                .findFirst().orElseThrow(() -> new AssertionError("no aggregate " + name + List.of(args)));
    }

    /** Feeds single-argument rows (skipping nulls for strict aggregates, as the engine does). */
    private Object run(String name, String type, Object... values) {
        AggregateDef def = agg(name, type);
        AggregateState s = def.newState().get();
        for (Object v : values) {
            if (v != null || !def.strict()) {
                s.add(RecordingRegistry.CTX, new Object[] {v});
            }
        }
        return s.result(RecordingRegistry.CTX);
    }

    private String out(String type, Object v) {
        return r.type(type).output(v, RecordingRegistry.CTX);
    }

    @Test
    void sqlCoreAggregates() {
        Object[] pages = {220, 180, 410, 300, 96};
        assertEquals(5L, run("count", "any", pages));
        assertEquals(1206L, run("sum", "int4", pages));
        assertEquals("241.2000000000000000", out("numeric", run("avg", "int4", pages)));
        assertEquals("1.6666666666666667", out("numeric", run("avg", "int4", 1, 2, 2)));
        assertEquals("1.6666666666666667", out("float8", run("avg", "float8", 1.0, 2.0, 2.0)));
        Object[] prices = {new BigDecimal("32.50"), new BigDecimal("28.00"), new BigDecimal("45.90"),
                new BigDecimal("43.99"), new BigDecimal("21.95")};
        assertEquals("21.95", out("numeric", run("min", "numeric", prices)));
        assertEquals("45.90", out("numeric", run("max", "numeric", prices)));
        assertEquals("{5,4,3,2,1}", out("_int4", run("array_agg", "anynonarray", 5, 4, 3, 2, 1)));
        assertEquals(true, run("bool_and", "bool", true, true));
        assertEquals(false, run("bool_or", "bool", false, null, false));
        assertNull(run("sum", "int4"));
        assertEquals(0L, run("count", "any"));
        assertEquals("60.50", out("numeric", run("sum", "numeric", new BigDecimal("32.50"), new BigDecimal("28.00"))));
    }

    @Test
    void stringAggAndArrayOfArrays() {
        AggregateState s = agg("string_agg", "text", "text").newState().get();
        for (String v : new String[] {"Call to Arms", null, "Wandering"}) {
            s.add(RecordingRegistry.CTX, new Object[] {v, "; "});
        }
        assertEquals("Call to Arms; Wandering", s.result(RecordingRegistry.CTX));
        assertEquals("{{1,2},{3,4}}", out("_int4", run("array_agg", "anyarray", PgArray.of(23, 1, 2), PgArray.of(23, 3, 4))));
    }

    @Test
    void windowFunctionsCarryMarkers() {
        FunctionDef rowNumber = r.function("row_number");
        assertEquals("int8", rowNumber.returnType());
        assertTrue(rowNumber.body() instanceof WindowFunction);
        assertEquals(WindowFunction.LAG, r.function("lag", "anyelement", "int4").body());
    }
}
