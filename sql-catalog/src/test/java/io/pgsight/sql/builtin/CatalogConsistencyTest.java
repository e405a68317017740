package io.pgsight.sql.builtin;

import io.pgsight.sql.spi.AggregateDef;
import io.pgsight.sql.spi.CastDef;
import io.pgsight.sql.spi.FunctionDef;
import io.pgsight.sql.spi.OperatorDef;
import io.pgsight.sql.spi.PgType;
import io.pgsight.sql.spi.ScalarFunction;
import io.pgsight.sql.spi.SetReturningFunction;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every name the catalog refers to is registered, OIDs are unique, and bodies fit their kind. */
class CatalogConsistencyTest {
    private final RecordingRegistry r = RecordingRegistry.catalog();

    private void typeExists(String name, List<String> problems, String where) {
        String n = name.startsWith("variadic ") ? name.substring("variadic ".length()) : name;
        if (!r.types.containsKey(n)) {
            problems.add(where + ": unknown type " + name);
        }
    }

    @Test
    void referencesResolve() {
        List<String> problems = new ArrayList<>();
        for (FunctionDef f : r.functions) {
            String where = "function " + f.name() + f.argumentTypes();
            f.argumentTypes().forEach(t -> typeExists(t, problems, where));
            typeExists(f.returnType(), problems, where);
            boolean bodyFits = f.returnsSet() ? f.body() instanceof SetReturningFunction
                    : f.body() instanceof ScalarFunction || f.body() instanceof io.pgsight.sql.builtin.window.WindowFunction;
            if (!bodyFits) {
                problems.add(where + ": body does not match returnsSet");
            }
        }
        for (OperatorDef o : r.operators) {
            List<String> args = new ArrayList<>();
            if (o.leftType() != null) {
                args.add(o.leftType());
            }
            args.add(o.rightType());
            boolean found = r.functions.stream().anyMatch(f -> f.name().equals(o.functionName())
                    && f.argumentTypes().equals(args));
            if (!found) {
                problems.add("operator " + o.symbol() + args + ": no function " + o.functionName());
            }
        }
        for (CastDef c : r.casts) {
            typeExists(c.sourceType(), problems, "cast");
            typeExists(c.targetType(), problems, "cast");
        }
        for (AggregateDef a : r.aggregates) {
            a.argumentTypes().forEach(t -> typeExists(t, problems, "aggregate " + a.name()));
            typeExists(a.returnType(), problems, "aggregate " + a.name());
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void oidsAreUniqueAndArraysPointBack() {
        Set<Integer> oids = new HashSet<>();
        for (PgType t : r.types.values()) {
            assertTrue(oids.add(t.oid()), "duplicate oid " + t.oid() + " (" + t.name() + ")");
            if (t.arrayOid() != 0) {
                PgType a = r.type("_" + t.name());
                assertEquals(t.arrayOid(), a.oid());
                assertEquals(t.oid(), a.elementOid());
            }
        }
    }

    @Test
    void operatorsAreUniquePerSignature() {
        Set<String> seen = new HashSet<>();
        for (OperatorDef o : r.operators) {
            assertTrue(seen.add(o.symbol() + " " + o.leftType() + " " + o.rightType()), "duplicate operator " + o);
        }
        Set<String> casts = new HashSet<>();
        for (CastDef c : r.casts) {
            assertTrue(casts.add(c.sourceType() + "->" + c.targetType()), "duplicate cast " + c);
        }
    }
}
