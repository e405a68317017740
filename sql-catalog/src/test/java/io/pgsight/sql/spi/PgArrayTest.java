package io.pgsight.sql.spi;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Compact float4[] storage and shared bound arrays must not change what an array value says. */
class PgArrayTest {
    @Test
    void sharedBoundsStayPrivate() {
        PgArray a = PgArray.ofFloat4(new float[] {1, 2, 3});
        PgArray b = new PgArray(700, new int[] {3}, new int[] {1}, new Object[] {1f, 2f, 3f});
        int[] dims = a.dimensions();
        dims[0] = 99;
        int[] lower = a.lowerBounds();
        lower[0] = -5;
        assertArrayEquals(new int[] {3}, b.dimensions());
        assertArrayEquals(new int[] {1}, b.lowerBounds());
        assertEquals(3, a.dimension(0));
        assertEquals(1, a.lowerBound(0));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
    }

    @Test
    void boundsOutsideTheSharedRangeAreKeptAsGiven() {
        int[] dims = {2, 2};
        int[] lower = {0, -3};
        PgArray a = new PgArray(23, dims, lower, new Object[] {1, 2, 3, 4});
        assertArrayEquals(new int[] {2, 2}, a.dimensions());
        assertArrayEquals(new int[] {0, -3}, a.lowerBounds());
        PgArray big = new PgArray(23, new int[] {5000}, new int[] {-7}, new Object[5000]);
        assertEquals(5000, big.dimension(0));
        assertEquals(-7, big.lowerBound(0));
        assertNotEquals(a, big);
    }

    @Test
    void float4SharedIsTheStorageAndCopyIsNot() {
        float[] values = {4, 5, 6};
        PgArray a = PgArray.ofFloat4(values);
        assertSame(values, a.float4Shared());
        assertNotSame(values, a.float4Copy());
        assertArrayEquals(values, a.float4Copy());
        assertNull(PgArray.of(23, 1, 2).float4Shared());
        assertNull(new PgArray(700, new int[] {2}, new int[] {1}, new Object[] {1f, null}).float4Shared());
    }
}
