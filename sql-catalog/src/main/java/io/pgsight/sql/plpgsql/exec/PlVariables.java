package io.pgsight.sql.plpgsql.exec;

import io.pgsight.sql.spi.PgType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables of one PL/pgSQL call. Slot {@code k} is SQL parameter {@code $k+1} of every embedded statement, so
 * the value array is passed to the executor as is. Blocks push and pop scopes; slots are allocated like a stack, so a
 * given statement always sees the same slots and its compiled SQL stays valid.
 */
final class PlVariables {
    Object[] values = new Object[16];
    PgType[] types = new PgType[16];
    int[] typmods = new int[16];
    boolean[] constant = new boolean[16];
    boolean[] notNull = new boolean[16];
    String[] names = new String[16];
    int size;
    private final List<Map<String, Integer>> scopes = new ArrayList<>();
    /** The label of each scope (a block's or loop's label, the function's name for its parameters), or null. */
    private final List<String> labels = new ArrayList<>();

    void pushScope() {
        pushScope(null);
    }

    void pushScope(String label) {
        scopes.add(new HashMap<>());
        labels.add(label);
    }

    /** Drops the innermost scope and frees its slots. */
    void popScope(int sizeBefore) {
        scopes.remove(scopes.size() - 1);
        labels.remove(labels.size() - 1);
        for (int i = sizeBefore; i < size; i++) {
            values[i] = null;
        }
        size = sizeBefore;
    }

    int declare(String name, PgType type, int typmod) {
        if (size == values.length) {
            int n = size * 2;
            values = Arrays.copyOf(values, n);
            types = Arrays.copyOf(types, n);
            typmods = Arrays.copyOf(typmods, n);
            constant = Arrays.copyOf(constant, n);
            notNull = Arrays.copyOf(notNull, n);
            names = Arrays.copyOf(names, n);
        }
        int slot = size++;
        types[slot] = type;
        typmods[slot] = typmod;
        constant[slot] = false;
        notNull[slot] = false;
        names[slot] = name;
        values[slot] = null;
        if (name != null) {
            scopes.get(scopes.size() - 1).put(name, slot);
        }
        return slot;
    }

    /** Another name for an existing slot (ALIAS FOR). */
    void declareAlias(String name, int slot) {
        scopes.get(scopes.size() - 1).put(name, slot);
    }

    /** The slot a name refers to in the current scope, or -1. */
    int lookup(String name) {
        for (int i = scopes.size() - 1; i >= 0; i--) {
            Integer s = scopes.get(i).get(name);
            if (s != null) {
                return s;
            }
        }
        return -1;
    }

    /**
     * Every visible name with its slot (inner scopes hide outer ones), and {@code label.name} for the variables of
     * labelled scopes ({@code <<outer>> ... outer.x}, {@code f.x} for a parameter of function f).
     */
    Map<String, Integer> visible() {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < scopes.size(); i++) {
            m.putAll(scopes.get(i));
            String label = labels.get(i);
            if (label != null) {
                scopes.get(i).forEach((n, slot) -> m.put(label + "." + n, slot));
            }
        }
        return m;
    }
}
