package io.pgsight.sql.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AccumulatorTest {
    @Test
    void numericAverageUsesDivisionScale() {
        NumericAccumulator a = new NumericAccumulator();
        for (long v : new long[] {220, 180, 410, 300, 96}) {
            a.add(v);
        }
        assertEquals("1206", a.sum().toString());
        assertEquals("241.2000000000000000", a.avg().toString());
        NumericAccumulator b = new NumericAccumulator();
        b.add(1);
        b.add(2);
        b.add(2);
        assertEquals("1.6666666666666667", b.avg().toString());
        NumericAccumulator prices = new NumericAccumulator();
        for (String p : new String[] {"32.50", "28.00", "45.90", "43.99", "21.95"}) {
            prices.add(PgNumeric.parse(p));
        }
        assertEquals("172.34", prices.sum().toString());
        assertEquals("34.4680000000000000", prices.avg().toString());
        assertNull(new NumericAccumulator().sum());
    }

    @Test
    void numericVarianceAndStddev() {
        NumericAccumulator a = new NumericAccumulator();
        for (long v : new long[] {1, 2, 3, 4}) {
            a.add(v);
        }
        assertEquals("1.6666666666666667", a.varianceSample().toString());
        assertEquals("1.2500000000000000", a.variancePopulation().toString());
        assertEquals("1.2909944487358056", a.stddevSample().toString());
        assertEquals("1.1180339887498948", a.stddevPopulation().toString());
        NumericAccumulator one = new NumericAccumulator();
        one.add(5);
        assertNull(one.varianceSample());
        assertEquals("0", one.variancePopulation().toString());
    }

    @Test
    void floatAverage() {
        FloatAccumulator a = new FloatAccumulator();
        a.add(1);
        a.add(2);
        a.add(2);
        assertEquals("1.6666666666666667", FloatFormat.float8Out(a.avg()));
        FloatAccumulator b = new FloatAccumulator();
        for (double v : new double[] {1, 2, 3, 4}) {
            b.add(v);
        }
        assertEquals("1.6666666666666667", FloatFormat.float8Out(b.varianceSample()));
        assertEquals("1.2909944487358056", FloatFormat.float8Out(b.stddevSample()));
    }
}
