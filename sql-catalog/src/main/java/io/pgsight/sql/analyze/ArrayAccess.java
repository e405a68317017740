package io.pgsight.sql.analyze;

import io.pgsight.sql.exec.EvalContext;
import io.pgsight.sql.spi.PgArray;

import java.util.ArrayList;
import java.util.List;

/** Array subscripting and slicing with PostgreSQL's rules (out of range reads as NULL / empty). */
final class ArrayAccess {
    private ArrayAccess() {
    }

    static Object subscript(PgArray a, List<TExpr> lowers, List<TExpr> uppers, boolean slice, EvalContext c) {
        int nd = a.dimensionCount();
        if (!slice) {
            if (uppers.size() != nd || nd == 0) {
                return null;
            }
            int offset = 0;
            for (int d = 0; d < nd; d++) {
                Object v = uppers.get(d).eval(c);
                if (v == null) {
                    return null;
                }
                int idx = ((Number) v).intValue() - a.lowerBound(d);
                if (idx < 0 || idx >= a.dimension(d)) {
                    return null;
                }
                offset = offset * a.dimension(d) + idx;
            }
            return a.get(offset);
        }
        if (nd == 0) {
            return a;
        }
        if (nd == 1) {
            int lb = a.lowerBound(0);
            int lo = lowers.get(0) == null ? lb : ((Number) lowers.get(0).eval(c)).intValue();
            int hi = uppers.get(0) == null ? lb + a.dimension(0) - 1 : ((Number) uppers.get(0).eval(c)).intValue();
            lo = Math.max(lo, lb);
            hi = Math.min(hi, lb + a.dimension(0) - 1);
            List<Object> out = new ArrayList<>();
            for (int i = lo; i <= hi; i++) {
                out.add(a.get(i - lb));
            }
            return PgArray.of(a.elementTypeOid(), out.toArray());
        }
        return a;
    }
}
