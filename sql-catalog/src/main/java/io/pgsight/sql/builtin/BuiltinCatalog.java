package io.pgsight.sql.builtin;

import io.pgsight.sql.builtin.array.ArrayOperators;
import io.pgsight.sql.builtin.cast.NumericCasts;
import io.pgsight.sql.builtin.datetime.DateTimeOperators;
import io.pgsight.sql.builtin.misc.ScalarOperators;
import io.pgsight.sql.builtin.numeric.FloatOperators;
import io.pgsight.sql.builtin.numeric.IntegerOperators;
import io.pgsight.sql.builtin.numeric.MathFunctions;
import io.pgsight.sql.builtin.numeric.NumericOperators;
import io.pgsight.sql.builtin.string.StringOperators;
import io.pgsight.sql.builtin.types.BuiltinTypes;
import io.pgsight.sql.spi.Extension;
import io.pgsight.sql.spi.ExtensionRegistry;

/**
 * pg_catalog's contents (types, operators, casts, functions, aggregates, window functions) registered
 * through the same SPI as extensions. Not listed in META-INF/services: the engine installs it into every
 * database when the database is created.
 */
public final class BuiltinCatalog implements Extension {
    @Override
    public String name() {
        return "pg_catalog";
    }

    @Override
    public String version() {
        return "15.20";
    }

    @Override
    public String comment() {
        return "system catalog schema";
    }

    @Override
    public void register(ExtensionRegistry registry) {
        BuiltinTypes.register(registry);
        CatalogWriter w = new CatalogWriter(registry);
        IntegerOperators.register(w);
        FloatOperators.register(w);
        NumericOperators.register(w);
        MathFunctions.register(w);
        NumericCasts.register(w);
        StringOperators.register(w);
        ScalarOperators.register(w);
        DateTimeOperators.register(w);
        ArrayOperators.register(w);
    }
}
