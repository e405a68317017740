package io.pgsight.sql.engine;

import io.pgsight.sql.api.EngineSession;
import io.pgsight.sql.format.FloatArithmetic;
import io.pgsight.sql.format.PgRandom;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The primitive float8 operator path (chains of float8pl/mi/mul/div evaluated without boxing) must give what the
 * boxed operators give: PostgreSQL's values bit for bit, strict NULLs, the same errors, and random() called
 * as often and in the same order.
 */
class Float8ArithmeticPathsTest extends EngineTestSupport {
    @Test
    void paseGeneratorMatchesPostgresArithmetic() {
        paseGenerator(5);
    }

    /** 2 x 150 rows of 80: past the evaluations after which the kernel runs compiled (Float8Compiler). */
    @Test
    void paseGeneratorCompiledMatchesPostgresArithmetic() {
        paseGenerator(150);
    }

    private void paseGenerator(int rowsPerLoop) {
        try (EngineSession s = open()) {
            run(s, "create table t_pase_80(id serial PRIMARY KEY, vec float4[])");
            run(s, "create function gen_float4_arr1(int,int) returns float4[] as $$\n"
                    + "  select array_agg(trunc(random()*$1)::float4) from generate_series(1,$2);\n"
                    + "$$ language sql strict volatile");
            run(s, "create function gen_float4_arr(float4[], int) returns float4[] as $$\n"
                    + "  select array_agg( (u + (u*$2/2.0/100) - u*$2/100*random())::float4 ) from unnest($1) u;\n"
                    + "$$ language sql strict volatile");
            run(s, "select setseed(0.31)");
            run(s, "do language plpgsql $$\ndeclare\n  v_cent float4[];\nbegin\n  for i in 1..2 loop\n"
                    + "    v_cent := gen_float4_arr1(10000,80);\n"
                    + "    insert into t_pase_80 (vec) select gen_float4_arr(v_cent, 20) from generate_series(1," + rowsPerLoop + ");\n"
                    + "  end loop;\nend;\n$$");
            List<List<String>> rows = rows(s, "select vec from t_pase_80 order by id");

            PgRandom random = new PgRandom();
            random.setSeed(0.31);
            int row = 0;
            for (int loop = 0; loop < 2; loop++) {
                float[] centre = new float[80];
                for (int i = 0; i < centre.length; i++) {
                    centre[i] = FloatArithmetic.toFloat4(FloatArithmetic.trunc(random.random() * 10000.0));
                }
                for (int r = 0; r < rowsPerLoop; r++) {
                    String[] got = rows.get(row++).get(0).replaceAll("[{}]", "").split(",");
                    assertEquals(80, got.length);
                    for (int i = 0; i < centre.length; i++) {
                        double u = centre[i];
                        double v = (u + u * 20.0 / 2.0 / 100.0) - u * 20.0 / 100.0 * random.random();
                        assertEquals(Float.floatToIntBits(FloatArithmetic.toFloat4(v)),
                                Float.floatToIntBits(Float.parseFloat(got[i])), "row " + row + " element " + i);
                    }
                }
            }
        }
    }

    @Test
    void nullsPropagateAndVolatileOperandsStillRun() {
        try (EngineSession s = open()) {
            assertEquals(null, one(s, "select (null::float8 + 1.5::float8) * 2::float8 - 1::float8"));
            assertEquals(null, one(s, "select x * 2::float8 / 3::float8 from (values (null::float8)) v(x)"));
            assertEquals("4.5", one(s, "select (x + 1::float4) * 2::int8 / 2::int2 from (values (3.5::float8)) v(x)"));
            run(s, "select setseed(0.5)");
            one(s, "select random()");
            String second = one(s, "select random()");
            String third = one(s, "select random()");
            run(s, "select setseed(0.5)");
            assertEquals(null, one(s, "select x * random() + 1::float8 from (values (null::float8)) v(x)"));
            assertEquals(second, one(s, "select random()"), "random() runs although the other operand is NULL");
            run(s, "select setseed(0.5)");
            assertEquals("0", one(s, "select random() * 0::float8 + random() * 0::float8"));
            assertEquals(third, one(s, "select random()"));
        }
    }

    @Test
    void columnsOfOuterLevelsAndParameters() {
        try (EngineSession s = open()) {
            assertEquals(List.of(List.of("4"), java.util.Arrays.asList((String) null)),
                    rows(s, "select (select x * 2::float8 + 1::float8) from (values (1.5::float8), (null)) v(x) order by 1"));
            run(s, "create function scaled(a float8, b int) returns float8 language sql as 'select a * b + 0.5::float8'");
            assertEquals("6.5", one(s, "select scaled(2, 3)"));
            assertEquals(null, one(s, "select scaled(null, 3)"));
            assertEquals(null, one(s, "select scaled(2, null)"));
            run(s, "prepare p(float4, int8) as select $1 * $2 / 4::float8");
            assertEquals("0.75", one(s, "execute p(1.5, 2)"));
        }
    }

    @Test
    void leftOperandRunsFirstOnEveryPath() {
        try (EngineSession s = open()) {
            run(s, "select setseed(0.5)");
            List<String> r = rows(s, "select random()::text, random()::text").get(0);
            double first = Double.parseDouble(r.get(0));
            double second = Double.parseDouble(r.get(1));
            run(s, "select setseed(0.5)");
            assertEquals(Double.toString(first - second), one(s, "select (random() - random())::text"));
            run(s, "select setseed(0.5)");
            // numeric operators (boxed, not the float8 kernel): same order
            assertEquals(new java.math.BigDecimal(r.get(0)).subtract(new java.math.BigDecimal(r.get(1))).toPlainString(),
                    one(s, "select (random()::text::numeric - random()::text::numeric)::text"));
        }
    }

    @Test
    void errorsAreTheOperatorsErrors() {
        try (EngineSession s = open()) {
            assertError(s, "select x / 0::float8 + 1::float8 from (values (1.0::float8)) v(x)", "22012", "division by zero");
            assertError(s, "select x * 1e300::float8 * 1::float8 from (values (1e300::float8)) v(x)", "22003",
                    "value out of range: overflow");
            assertError(s, "select x * 1e-300::float8 - 0::float8 from (values (1e-300::float8)) v(x)", "22003",
                    "value out of range: underflow");
            assertEquals("NaN", one(s, "select x / 0::float8 + 1::float8 from (values ('NaN'::float8)) v(x)"));
            assertEquals("Infinity", one(s, "select x * 2::float8 + 1::float8 from (values ('Infinity'::float8)) v(x)"));
        }
    }

    @Test
    void arithmeticCastToRealReachesArrayAggUnboxedWithTheBoxedResults() {
        try (EngineSession s = open()) {
            // a written text round trip keeps the boxed path: both columns must be equal, NULLs kept in place
            assertEquals(List.of(List.of("{3,NULL,0,NaN,5}", "{3,NULL,0,NaN,5}")),
                    rows(s, "select array_agg((u * 2::float8 + 1::float8)::float4)::text,"
                            + " array_agg(((u * 2::float8 + 1::float8)::text)::float4)::text"
                            + " from unnest(array[1, null, -0.5, 'NaN', 2]::float4[]) u"));
            assertEquals(List.of(java.util.Arrays.asList((String) null)),
                    rows(s, "select array_agg((u * 2::float8)::float4) filter (where u > 5) from unnest(array[1, 2]::float4[]) u"));
            assertEquals(List.of(List.of("{NULL,2}")),
                    rows(s, "select array_agg((u * 2::float8)::float4)::text from unnest(array[null, 1]::float4[]) u"));
            assertError(s, "select array_agg((u * 1e300::float8)::float4) from unnest(array[1, 2]::float4[]) u", "22003",
                    "value out of range: overflow");
            // one random() per element, in element order, as on the boxed path
            run(s, "select setseed(0.25)");
            String boxed = one(s, "select array_agg(((u * random())::text)::float4)::text from unnest(array[1, 2, 3]::float4[]) u");
            run(s, "select setseed(0.25)");
            assertEquals(boxed, one(s, "select array_agg((u * random())::float4)::text from unnest(array[1, 2, 3]::float4[]) u"));
        }
    }

    @Test
    void compiledKernelsKeepNullsErrorsAndValues() {
        try (EngineSession s = open()) {
            // 30,000 evaluations: the first run on the tree, the rest compiled; every value recomputed here
            List<List<String>> rows = rows(s, "select g, ((g * 1.5::float8 + g / 7::float8) - g * 0.25::float8) / 3::float8"
                    + " from generate_series(1, 30000) g order by g");
            for (List<String> r : rows) {
                double g = Double.parseDouble(r.get(0));
                double expected = FloatArithmetic.div(FloatArithmetic.sub(FloatArithmetic.add(g * 1.5, g / 7.0), g * 0.25), 3.0);
                assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(Double.parseDouble(r.get(1))), "g = " + g);
            }
            assertEquals("25000", one(s, "select count(x) from (select (case when g % 2 = 0 then null else g end)::float8"
                    + " * 2::float8 + 1::float8 x from generate_series(1, 50000) g) s"));
            assertError(s, "select g / (g - 40000)::float8 + 1::float8 from generate_series(1, 50000) g", "22012",
                    "division by zero");
            // left operand before right, as PostgreSQL evaluates arguments, on the tree walk and once compiled
            run(s, "select setseed(0.125)");
            List<List<String>> values = rows(s, "select random() - random() * 2::float8 from generate_series(1, 30000)");
            PgRandom random = new PgRandom();
            random.setSeed(0.125);
            for (List<String> r : values) {
                double left = random.random();
                double expected = FloatArithmetic.sub(left, FloatArithmetic.mul(random.random(), 2.0));
                assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(Double.parseDouble(r.get(0))));
            }
        }
    }
}
