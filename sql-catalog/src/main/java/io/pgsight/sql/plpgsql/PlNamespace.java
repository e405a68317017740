package io.pgsight.sql.plpgsql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The compile-time namespace of a PL/pgSQL body, as the parser walks it: the variables each block and loop
 * declares (whether CONSTANT) and the labels that enclose the current statement. It lets the parser reject what
 * PostgreSQL rejects when it compiles the body: assignments to unknown or constant variables, EXIT outside a loop,
 * unknown labels.
 */
final class PlNamespace {
    /** One level: a block, a loop, an exception handler, or the routine's parameters. */
    private record Frame(String label, boolean loop, Map<String, Boolean> variables) {
    }

    private final List<Frame> frames = new ArrayList<>();

    void push(String label, boolean loop) {
        frames.add(new Frame(label, loop, new HashMap<>()));
    }

    void pop() {
        frames.remove(frames.size() - 1);
    }

    void declare(String name, boolean constant) {
        frames.get(frames.size() - 1).variables().put(name, constant);
    }

    /** Whether {@code name} (a variable, or {@code label.variable}) is visible; null when unknown, else CONSTANT. */
    Boolean lookup(String name, String qualifier) {
        for (int i = frames.size() - 1; i >= 0; i--) {
            Frame f = frames.get(i);
            if (qualifier == null || qualifier.equals(f.label())) {
                Boolean c = f.variables().get(name);
                if (c != null) {
                    return c;
                }
            }
        }
        return null;
    }

    boolean inLoop() {
        for (Frame f : frames) {
            if (f.loop()) {
                return true;
            }
        }
        return false;
    }

    /** For a label: null when no enclosing block or loop has it, else whether it labels a loop. */
    Boolean labelIsLoop(String label) {
        for (int i = frames.size() - 1; i >= 0; i--) {
            if (label.equals(frames.get(i).label())) {
                return frames.get(i).loop();
            }
        }
        return null;
    }
}
