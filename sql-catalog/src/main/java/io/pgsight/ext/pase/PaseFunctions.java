package io.pgsight.ext.pase;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.spi.ExtensionRegistry;
import io.pgsight.sql.spi.FunctionDef;
import io.pgsight.sql.spi.OperatorDef;
import io.pgsight.sql.spi.PgArray;
import io.pgsight.sql.spi.ScalarFunction;
import java.util.List;

/** pase's constructors, distance functions and operators. */
final class PaseFunctions {
    private PaseFunctions() {
    }

    static void register(ExtensionRegistry r) {
        // pase(x, int DEFAULT 0, int DEFAULT 0): the SPI has no defaults, so each arity is its own overload
        for (String source : new String[] {"real[]", "text"}) {
            ScalarFunction body = source.equals("text") ? PaseFunctions::fromBase64 : PaseFunctions::fromArray;
            r.function(FunctionDef.scalar("pase", List.of(source), PaseType.NAME, body));
            r.function(FunctionDef.scalar("pase", List.of(source, "integer"), PaseType.NAME, body));
            r.function(FunctionDef.scalar("pase", List.of(source, "integer", "integer"), PaseType.NAME, body));
        }
        r.function(FunctionDef.scalar("g_pase_distance", List.of("real[]", PaseType.NAME), "real",
                (ctx, a) -> PaseDistance.distance(PaseDistance.elements((PgArray) a[0]), (PaseValue) a[1], false)));
        r.function(FunctionDef.scalar("g_pase_distance_3", List.of("text", PaseType.NAME), "real",
                (ctx, a) -> PaseDistance.distance(PaseBase64.floats((String) a[0]), (PaseValue) a[1], true)));
        r.operator(new OperatorDef("<?>", "real[]", PaseType.NAME, "g_pase_distance", "<?>", null, null));
        r.operator(new OperatorDef("<#>", "real[]", PaseType.NAME, "g_pase_distance", "<#>", null, null));
        r.operator(new OperatorDef("<!>", "text", PaseType.NAME, "g_pase_distance_3", "<!>", null, null));
    }

    private static int intArg(Object[] a, int i) {
        return a.length > i ? (Integer) a[i] : 0;
    }

    static PaseValue fromArray(io.pgsight.sql.spi.FunctionContext ctx, Object[] a) {
        PgArray array = (PgArray) a[0];
        if (array.length() > PaseValue.MAX_DIM) {
            throw new SqlException("54000", "pase have more than limit dimensions.");
        }
        return PaseValue.wrap(PaseDistance.elements(array), intArg(a, 1), intArg(a, 2));
    }

    static PaseValue fromBase64(io.pgsight.sql.spi.FunctionContext ctx, Object[] a) {
        float[] x = PaseBase64.floats((String) a[0]);
        if (x.length > PaseValue.MAX_DIM) {
            throw new SqlException("54000", "pase have more than limit dimensions[" + PaseValue.MAX_DIM + "].");
        }
        return PaseValue.wrap(x, intArg(a, 1), intArg(a, 2));
    }
}
