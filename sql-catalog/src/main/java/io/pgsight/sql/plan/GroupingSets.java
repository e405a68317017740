package io.pgsight.sql.plan;

import io.pgsight.sql.ast.Expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Expands GROUP BY with ROLLUP, CUBE and GROUPING SETS into the list of grouping sets PostgreSQL
 * forms: each element contributes its sets and the elements combine as a cross product
 * ({@code GROUP BY a, ROLLUP (b, c)} is (a, b, c), (a, b), (a)).
 */
final class GroupingSets {
    /** PostgreSQL refuses more (54001 "too many grouping sets present (maximum 4096)"). */
    private static final int MAX_SETS = 4096;

    private GroupingSets() {
    }

    /** The grouping sets, or null when GROUP BY has no ROLLUP/CUBE/GROUPING SETS element. */
    static List<List<Expr>> expand(List<Expr> groupBy) {
        if (groupBy.stream().noneMatch(e -> e instanceof Expr.GroupingSet)) {
            return null;
        }
        List<List<Expr>> product = List.of(List.of());
        for (Expr e : groupBy) {
            List<List<Expr>> next = new ArrayList<>();
            for (List<Expr> before : product) {
                for (List<Expr> set : setsOf(e, true)) {
                    List<Expr> joined = new ArrayList<>(before);
                    joined.addAll(set);
                    next.add(joined);
                }
            }
            if (next.size() > MAX_SETS) {
                throw new io.pgsight.sql.api.SqlException("54001", "too many grouping sets present (maximum 4096)");
            }
            product = next;
        }
        return product;
    }

    private static List<List<Expr>> setsOf(Expr e, boolean topLevel) {
        if (e instanceof Expr.GroupingSet g) {
            return switch (g.kind()) {
                case ROLLUP -> rollup(g.items());
                case CUBE -> cube(g.items());
                case SETS -> {
                    List<List<Expr>> out = new ArrayList<>();
                    for (Expr item : g.items()) {
                        out.addAll(setsOf(item, false));
                    }
                    yield out;
                }
            };
        }
        if (!topLevel && e instanceof Expr.RowConstructor r && !r.explicitRow()) {
            return List.of(r.fields()); // (a, b) inside GROUPING SETS is one set of two columns; () is empty
        }
        if (e instanceof Expr.RowConstructor r && r.fields().isEmpty()) {
            return List.of(List.of());
        }
        return List.of(List.of(e));
    }

    /** ROLLUP (g1, ..., gn): (g1..gn), (g1..gn-1), ..., (). */
    private static List<List<Expr>> rollup(List<Expr> items) {
        List<List<Expr>> out = new ArrayList<>();
        for (int k = items.size(); k >= 0; k--) {
            List<Expr> set = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                set.addAll(columns(items.get(i)));
            }
            out.add(set);
        }
        return out;
    }

    /** CUBE (g1, ..., gn): every subset, larger ones first. */
    private static List<List<Expr>> cube(List<Expr> items) {
        int n = items.size();
        if (n > 12) {
            throw new io.pgsight.sql.api.SqlException("54001", "CUBE is limited to 12 elements");
        }
        List<List<Expr>> out = new ArrayList<>();
        for (int size = n; size >= 0; size--) {
            for (int mask = (1 << n) - 1; mask >= 0; mask--) {
                if (Integer.bitCount(mask) != size) {
                    continue;
                }
                List<Expr> set = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if ((mask & (1 << (n - 1 - i))) != 0) {
                        set.addAll(columns(items.get(i)));
                    }
                }
                out.add(set);
            }
        }
        return out;
    }

    /** An element of ROLLUP/CUBE: (a, b) groups its columns together. */
    private static List<Expr> columns(Expr item) {
        return item instanceof Expr.RowConstructor r && !r.explicitRow() ? r.fields() : List.of(item);
    }
}
