package io.pgsight.sql.analyze;

import io.pgsight.sql.catalog.Catalog;
import io.pgsight.sql.catalog.PseudoType;
import io.pgsight.sql.spi.CastContext;
import io.pgsight.sql.spi.PgType;

import java.util.ArrayList;
import java.util.List;

/**
 * Overload resolution after PostgreSQL's func_select_candidate: exact matches first, then candidates
 * reachable by implicit coercion, narrowed by exact-match count, preferred types, and the category
 * of unknown-typed arguments (string preferred).
 */
final class Resolver {
    private final Catalog catalog;
    private final Coercion coercion;

    Resolver(Catalog catalog, Coercion coercion) {
        this.catalog = catalog;
        this.coercion = coercion;
    }

    /** Index of the chosen candidate among {@code candidates} (arg type lists), -1 none, -2 ambiguous. */
    int choose(List<List<PgType>> candidates, List<PgType> actual) {
        int n = actual.size();
        List<Integer> viable = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            List<PgType> c = candidates.get(i);
            if (c.size() != n) {
                continue;
            }
            boolean exact = true;
            for (int k = 0; k < n; k++) {
                if (c.get(k).oid() != actual.get(k).oid()) {
                    exact = false;
                }
            }
            if (exact) {
                return i;
            }
        }
        // one unknown, other known: try the known type on both sides (binary operators)
        if (n == 2) {
            PgType a = actual.get(0);
            PgType b = actual.get(1);
            PgType known = unknown(a) && !unknown(b) ? b : unknown(b) && !unknown(a) ? a : null;
            if (known != null) {
                for (int i = 0; i < candidates.size(); i++) {
                    List<PgType> c = candidates.get(i);
                    if (c.size() == 2 && c.get(0).oid() == known.oid() && c.get(1).oid() == known.oid()) {
                        return i;
                    }
                }
            }
        }
        for (int i = 0; i < candidates.size(); i++) {
            List<PgType> c = candidates.get(i);
            if (c.size() != n || !polymorphicConsistent(c, actual)) {
                continue;
            }
            boolean ok = true;
            for (int k = 0; k < n && ok; k++) {
                ok = coercion.can(actual.get(k), c.get(k), CastContext.IMPLICIT);
            }
            if (ok) {
                viable.add(i);
            }
        }
        if (viable.size() <= 1) {
            return viable.isEmpty() ? -1 : viable.get(0);
        }
        // most exact matches
        viable = keepMax(viable, i -> {
            int s = 0;
            for (int k = 0; k < n; k++) {
                if (candidates.get(i).get(k).oid() == actual.get(k).oid()) {
                    s++;
                }
            }
            return s;
        });
        if (viable.size() == 1) {
            return viable.get(0);
        }
        // most preferred types where coercion is needed
        viable = keepMax(viable, i -> {
            int s = 0;
            for (int k = 0; k < n; k++) {
                PgType t = candidates.get(i).get(k);
                if (t.oid() != actual.get(k).oid() && t.preferred()) {
                    s++;
                }
            }
            return s;
        });
        if (viable.size() == 1) {
            return viable.get(0);
        }
        // unknown arguments: prefer the string category, then preferred types
        boolean anyUnknown = false;
        for (PgType t : actual) {
            anyUnknown |= unknown(t);
        }
        if (anyUnknown) {
            List<Integer> v2 = new ArrayList<>(viable);
            for (int k = 0; k < n; k++) {
                if (!unknown(actual.get(k))) {
                    continue;
                }
                final int kk = k;
                boolean anyString = v2.stream().anyMatch(i -> candidates.get(i).get(kk).category() == 'S');
                if (anyString) {
                    v2.removeIf(i -> candidates.get(i).get(kk).category() != 'S');
                }
                List<Integer> pref = v2.stream().filter(i -> candidates.get(i).get(kk).preferred()).toList();
                if (!pref.isEmpty()) {
                    v2 = new ArrayList<>(pref);
                }
            }
            if (v2.size() == 1) {
                return v2.get(0);
            }
            if (!v2.isEmpty()) {
                viable = v2;
            }
        }
        // unknowns assumed to be of the (single) known argument type
        PgType knownType = null;
        boolean mixed = false;
        for (PgType t : actual) {
            if (!unknown(t)) {
                if (knownType != null && knownType.oid() != t.oid()) {
                    mixed = true;
                }
                knownType = t;
            }
        }
        if (anyUnknown && knownType != null && !mixed) {
            List<PgType> assumed = new ArrayList<>();
            for (PgType t : actual) {
                assumed.add(unknown(t) ? knownType : t);
            }
            List<Integer> fit = new ArrayList<>();
            for (int i : viable) {
                List<PgType> c = candidates.get(i);
                boolean ok = polymorphicConsistent(c, assumed);
                for (int k = 0; k < n && ok; k++) {
                    ok = coercion.can(assumed.get(k), c.get(k), CastContext.IMPLICIT);
                }
                if (ok) {
                    fit.add(i);
                }
            }
            if (fit.size() == 1) {
                return fit.get(0);
            }
        }
        // all-polymorphic or identical ties: pick the one with fewest pseudo-types
        List<Integer> concrete = keepMax(viable, i -> {
            int s = 0;
            for (PgType t : candidates.get(i)) {
                if (!(PseudoType.is(t))) {
                    s++;
                }
            }
            return s;
        });
        return concrete.size() == 1 ? concrete.get(0) : -2;
    }

    private boolean polymorphicConsistent(List<PgType> c, List<PgType> actual) {
        PgType elem = null;
        for (int k = 0; k < c.size(); k++) {
            PgType t = c.get(k);
            PgType a = actual.get(k);
            if (unknown(a)) {
                continue;
            }
            PgType e = null;
            if (t.oid() == PseudoType.ANYELEMENT || t.oid() == PseudoType.ANYNONARRAY
                    || t.oid() == PseudoType.ANYCOMPATIBLE) {
                e = a;
                if (t.oid() == PseudoType.ANYNONARRAY && catalog.elementOf(a) != null) {
                    return false;
                }
            } else if (t.oid() == PseudoType.ANYARRAY || t.oid() == PseudoType.ANYCOMPATIBLEARRAY) {
                e = catalog.elementOf(a);
                if (e == null) {
                    return false;
                }
            }
            if (e != null) {
                if (elem != null && elem.oid() != e.oid()) {
                    return false;
                }
                elem = e;
            }
        }
        return true;
    }

    private static List<Integer> keepMax(List<Integer> l, java.util.function.ToIntFunction<Integer> score) {
        int best = Integer.MIN_VALUE;
        List<Integer> out = new ArrayList<>();
        for (int i : l) {
            int s = score.applyAsInt(i);
            if (s > best) {
                best = s;
                out.clear();
            }
            if (s == best) {
                out.add(i);
            }
        }
        return out;
    }

    static boolean unknown(PgType t) {
        return t.oid() == PseudoType.UNKNOWN;
    }
}
