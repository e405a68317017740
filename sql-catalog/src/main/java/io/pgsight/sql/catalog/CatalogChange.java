package io.pgsight.sql.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one DDL statement changed in a catalog, kept so that a rollback (of the statement, its savepoint or
 * its transaction block) can put the catalog back. Catalog entries are immutable values in maps and a
 * table's shape is one immutable value, so the change is the set of map entries and shapes that differ
 * before and after the statement; rows stay in the storage objects those entries point to (DROP and
 * TRUNCATE keep the old table object, so putting it back brings back every row and index).
 *
 * <p>Taking a change back touches only what the statement changed, and only where the catalog still
 * holds what the statement left (list-valued entries, such as a name's function overloads, element by
 * element), so other sessions' DDL on other objects in between is kept.
 */
public final class CatalogChange {
    private record MapEdit(Map<Object, Object> map, Object key, Object before, Object after) {
    }

    private record ShapeEdit(Table table, Table.Shape before, Table.Shape after) {
    }

    private final List<MapEdit> maps;
    private final List<ShapeEdit> shapes;
    private final Map<String, Integer> schemaMap;

    private CatalogChange(List<MapEdit> maps, List<ShapeEdit> shapes, Map<String, Integer> schemaMap) {
        this.maps = maps;
        this.shapes = shapes;
        this.schemaMap = schemaMap;
    }

    /** The catalog as a statement found it; {@link #since} compares it with the catalog afterwards. */
    public static final class Before {
        private final Catalog catalog;
        private final List<Map<Object, Object>> live;
        private final List<Map<Object, Object>> copies = new ArrayList<>();
        private final Map<Table, Table.Shape> shapes = new IdentityHashMap<>();

        private Before(Catalog c) {
            this.catalog = c;
            this.live = tracked(c);
            for (Map<Object, Object> m : live) {
                copies.add(Map.copyOf(m));
            }
            for (Table t : c.relations()) {
                shapes.put(t, t.shape());
            }
        }
    }

    public static Before capture(Catalog c) {
        return new Before(c);
    }

    /** What changed since {@code before} was captured. */
    public static CatalogChange since(Before before) {
        List<MapEdit> edits = new ArrayList<>();
        for (int i = 0; i < before.live.size(); i++) {
            Map<Object, Object> now = before.live.get(i);
            Map<Object, Object> then = before.copies.get(i);
            int changedBefore = edits.size();
            for (Map.Entry<Object, Object> e : then.entrySet()) {
                Object b = now.get(e.getKey());
                if (b != e.getValue()) {
                    edits.add(new MapEdit(now, e.getKey(), e.getValue(), b));
                }
            }
            if (now.size() != then.size() || edits.size() > changedBefore) { // else no key was added
                for (Map.Entry<Object, Object> e : now.entrySet()) {
                    if (!then.containsKey(e.getKey())) {
                        edits.add(new MapEdit(now, e.getKey(), null, e.getValue()));
                    }
                }
            }
        }
        List<ShapeEdit> shapeEdits = new ArrayList<>();
        Set<Table> tables = Collections.newSetFromMap(new IdentityHashMap<>());
        tables.addAll(before.shapes.keySet());
        tables.addAll(before.catalog.relations());
        for (Table t : tables) {
            Table.Shape then = before.shapes.get(t);
            if (then != null && then != t.shape()) {
                shapeEdits.add(new ShapeEdit(t, then, t.shape()));
            }
        }
        return new CatalogChange(edits, shapeEdits, before.catalog.schemas);
    }

    public boolean isEmpty() {
        return maps.isEmpty() && shapes.isEmpty();
    }

    /** Tables this change made, removed, replaced or reshaped (old and new objects alike). */
    public Set<Table> tables() {
        Set<Table> out = Collections.newSetFromMap(new IdentityHashMap<>());
        for (MapEdit e : maps) {
            if (e.before() instanceof Table t) {
                out.add(t);
            }
            if (e.after() instanceof Table t) {
                out.add(t);
            }
        }
        for (ShapeEdit s : shapes) {
            out.add(s.table());
        }
        return out;
    }

    /** Schemas this change created or dropped. */
    public List<String> schemas() {
        List<String> out = new ArrayList<>();
        for (MapEdit e : maps) {
            if (e.map() == (Map<?, ?>) schemaMap) {
                out.add((String) e.key());
            }
        }
        return out;
    }

    /** Sequences this change made or replaced (their state is logged after the statement at commit). */
    public List<Sequence> sequences() {
        List<Sequence> out = new ArrayList<>();
        for (MapEdit e : maps) {
            if (e.after() instanceof Sequence s) {
                out.add(s);
            }
        }
        return out;
    }

    /** Puts back what the change replaced, latest edit first. */
    public void undo() {
        for (int i = shapes.size() - 1; i >= 0; i--) {
            ShapeEdit s = shapes.get(i);
            if (s.table().shape() == s.after()) {
                s.table().setShape(s.before());
            }
        }
        for (int i = maps.size() - 1; i >= 0; i--) {
            MapEdit e = maps.get(i);
            e.map().compute(e.key(), (k, current) -> restored(current, e.before(), e.after()));
        }
        Catalog.schemaChanged();
    }

    @SuppressWarnings("unchecked")
    private static Object restored(Object current, Object before, Object after) {
        if (current == after) {
            return before;
        }
        if (before instanceof List<?> || after instanceof List<?>) {
            // overloads of one name: take out what the statement added, put back what it removed
            List<Object> was = before == null ? List.of() : (List<Object>) before;
            List<Object> left = after == null ? List.of() : (List<Object>) after;
            List<Object> out = new ArrayList<>(current == null ? List.of() : (List<Object>) current);
            out.removeIf(x -> containsSame(left, x) && !containsSame(was, x));
            for (Object x : was) {
                if (!containsSame(left, x) && !containsSame(out, x)) {
                    out.add(x);
                }
            }
            return out.isEmpty() ? null : List.copyOf(out);
        }
        return current; // another session changed it since: theirs stays
    }

    private static boolean containsSame(List<Object> l, Object x) {
        for (Object y : l) {
            if (y == x) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<Object, Object>> tracked(Catalog c) {
        List<Map<?, ?>> all = List.of(c.schemas, c.relations, c.relationsByOid(), c.sequences, c.typesByOid,
                c.typesByName, c.typeExtension, c.functions, c.operators, c.casts, c.aggregates, c.accessMethods,
                c.operatorClasses, c.extensions, c.comments, c.relOptionsMap());
        List<Map<Object, Object>> out = new ArrayList<>();
        for (Map<?, ?> m : all) {
            out.add((Map<Object, Object>) Objects.requireNonNull(m));
        }
        return out;
    }
}
