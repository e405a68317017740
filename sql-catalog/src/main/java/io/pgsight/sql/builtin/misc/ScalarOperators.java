package io.pgsight.sql.builtin.misc;

import io.pgsight.sql.builtin.CatalogWriter;
import io.pgsight.sql.builtin.ComparisonFamily;
import io.pgsight.sql.builtin.types.ValueOrder;

import java.util.Arrays;

/** Comparisons of boolean, bytea and oid; bytea concatenation. */
public final class ScalarOperators {
    private ScalarOperators() {
    }

    public static void register(CatalogWriter w) {
        ComparisonFamily.register(w, "bool", "bool", (a, b) -> Boolean.compare((Boolean) a, (Boolean) b),
                ComparisonFamily.names("bool", "btboolcmp"));
        ComparisonFamily.register(w, "bytea", "bytea", ValueOrder::compare, ComparisonFamily.names("bytea", "byteacmp"));
        ComparisonFamily.register(w, "oid", "oid", (a, b) -> Integer.compareUnsigned((Integer) a, (Integer) b),
                ComparisonFamily.names("oid", "btoidcmp"));
        w.op("||", "bytea", "bytea", "byteacat", "bytea", (ctx, a) -> {
            byte[] x = (byte[]) a[0];
            byte[] y = (byte[]) a[1];
            io.pgsight.sql.exec.StatementMemory.checkAllocation((long) x.length + y.length + 4);
            byte[] r = Arrays.copyOf(x, x.length + y.length);
            System.arraycopy(y, 0, r, x.length, y.length);
            return r;
        });
    }
}
