package io.pgsight.sql.analyze;

import io.pgsight.sql.catalog.AggregateEntry;

import java.util.ArrayList;
import java.util.List;

/** Aggregate calls found while analysing one query level's select list, HAVING and ORDER BY. */
public final class AggCollector {
    /** One aggregate call: input expressions are evaluated against the input rows. */
    public record AggCall(AggregateEntry aggregate, List<TExpr> args, boolean star, boolean distinct, TExpr filter,
                          List<TExpr> orderBy, List<Boolean> orderDesc) {
    }

    private final List<AggCall> calls = new ArrayList<>();

    public int add(AggCall c) {
        int i = calls.indexOf(c);
        if (i >= 0) {
            return i;
        }
        calls.add(c);
        return calls.size() - 1;
    }

    public List<AggCall> calls() {
        return calls;
    }
}
