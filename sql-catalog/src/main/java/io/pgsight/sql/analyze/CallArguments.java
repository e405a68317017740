package io.pgsight.sql.analyze;

import io.pgsight.sql.catalog.FunctionEntry;
import io.pgsight.sql.spi.PgType;

import java.util.ArrayList;
import java.util.List;

/**
 * How the arguments of one call site fit a candidate function: positional arguments first, then named ones
 * ({@code f(1, b => 2)}), with argument defaults filling the positions left out. PostgreSQL's rules: a named
 * argument must name an input parameter not already given, and every position left out must have a default.
 *
 * @param positions for each written argument, the candidate's parameter position it binds to
 */
record CallArguments(int[] positions) {
    /** The fit of the written arguments ({@code names}: null for positional ones) to {@code f}, or null. */
    static CallArguments fit(FunctionEntry f, List<String> names) {
        int n = f.argumentTypes().size();
        if (names.size() > n) {
            return null;
        }
        int[] pos = new int[names.size()];
        boolean[] given = new boolean[n];
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            int p = name == null ? i : f.argumentNames().indexOf(name);
            if (p < 0 || given[p]) {
                return null;
            }
            pos[i] = p;
            given[p] = true;
        }
        int firstDefault = n - f.argumentDefaults().size();
        for (int p = 0; p < firstDefault; p++) {
            if (!given[p]) {
                return null;
            }
        }
        return new CallArguments(pos);
    }

    /** Whether the call is the plain positional form that needs no mapping. */
    boolean positional(FunctionEntry f) {
        for (int i = 0; i < positions.length; i++) {
            if (positions[i] != i) {
                return false;
            }
        }
        return positions.length == f.argumentTypes().size();
    }

    /** The candidate's declared types in the order of the written arguments (what overload resolution compares). */
    List<PgType> signature(FunctionEntry f) {
        List<PgType> sig = new ArrayList<>();
        for (int p : positions) {
            sig.add(f.argumentTypes().get(p));
        }
        return sig;
    }

    /** The full argument list in parameter order: the written (coerced) arguments, defaults for the rest. */
    List<TExpr> complete(FunctionEntry f, List<TExpr> written) {
        int n = f.argumentTypes().size();
        TExpr[] all = new TExpr[n];
        for (int i = 0; i < positions.length; i++) {
            all[positions[i]] = written.get(i);
        }
        int firstDefault = n - f.argumentDefaults().size();
        for (int p = 0; p < n; p++) {
            if (all[p] == null) {
                all[p] = f.argumentDefaults().get(p - firstDefault);
            }
        }
        return List.of(all);
    }
}
