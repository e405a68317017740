package io.pgsight.sql.builtin;

import io.pgsight.sql.builtin.aggregate.BasicAggregates;
import io.pgsight.sql.builtin.aggregate.CollectingAggregates;
import io.pgsight.sql.builtin.aggregate.StatisticalAggregates;
import io.pgsight.sql.builtin.array.ArrayFunctions;
import io.pgsight.sql.builtin.array.ArrayOperators;
import io.pgsight.sql.builtin.datetime.DateTimeFunctions;
import io.pgsight.sql.builtin.misc.BitFunctions;
import io.pgsight.sql.builtin.misc.FileFunctions;
import io.pgsight.sql.builtin.misc.SizeFunctions;
import io.pgsight.sql.builtin.misc.SystemFunctions;
import io.pgsight.sql.builtin.misc.UuidFunctions;
import io.pgsight.sql.builtin.srf.SeriesFunctions;
import io.pgsight.sql.builtin.string.ByteaFunctions;
import io.pgsight.sql.builtin.string.FormatFunction;
import io.pgsight.sql.builtin.string.QuoteFunctions;
import io.pgsight.sql.builtin.string.RegexFunctions;
import io.pgsight.sql.builtin.string.TextFunctions;
import io.pgsight.sql.builtin.window.WindowFunctions;
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
        TextFunctions.register(w);
        RegexFunctions.register(w);
        ByteaFunctions.register(w);
        QuoteFunctions.register(w);
        FormatFunction.register(w);
        ArrayFunctions.register(w);
        DateTimeFunctions.register(w);
        SeriesFunctions.register(w);
        SystemFunctions.register(w);
        SizeFunctions.register(w);
        UuidFunctions.register(w);
        BitFunctions.register(w);
        FileFunctions.register(w);
        BasicAggregates.register(w);
        StatisticalAggregates.register(w);
        CollectingAggregates.register(w);
        WindowFunctions.register(w);
        io.pgsight.sql.builtin.json.JsonOperators.register(w);
        io.pgsight.sql.builtin.json.JsonFunctions.register(w);
        io.pgsight.sql.builtin.json.path.JsonPathFunctions.register(w);
        io.pgsight.sql.builtin.json.JsonBuild.register(w);
        io.pgsight.sql.builtin.json.JsonAggregates.register(w);
        io.pgsight.sql.builtin.json.JsonCasts.register(w);
        io.pgsight.sql.builtin.json.JsonbGinIndexes.register(w);
    }
}
