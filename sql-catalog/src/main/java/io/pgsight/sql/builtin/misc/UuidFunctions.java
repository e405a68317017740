package io.pgsight.sql.builtin.misc;

import io.pgsight.sql.builtin.CatalogWriter;
import io.pgsight.sql.builtin.ComparisonFamily;
import io.pgsight.sql.builtin.types.UuidType;
import io.pgsight.sql.spi.Volatility;

import java.util.UUID;

/** uuid comparisons and gen_random_uuid() (version 4). */
public final class UuidFunctions {
    private UuidFunctions() {
    }

    public static void register(CatalogWriter w) {
        ComparisonFamily.register(w, "uuid", "uuid", (a, b) -> UuidType.compare((UUID) a, (UUID) b),
                "uuid_eq", "uuid_ne", "uuid_lt", "uuid_le", "uuid_gt", "uuid_ge", "uuid_cmp");
        w.fn("gen_random_uuid", "uuid", true, Volatility.VOLATILE, (ctx, a) -> UUID.randomUUID());
    }
}
