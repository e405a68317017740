package io.pgsight.sql.ast;

import java.util.List;

/** A possibly qualified name such as {@code t}, {@code public.t} or {@code db.public.t}; parts are case-folded. */
public record QualifiedName(List<String> parts, int location) {
    public QualifiedName {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("empty name");
        }
    }

    public static QualifiedName of(String name, int location) {
        return new QualifiedName(List.of(name), location);
    }

    /** The last part: the object's own name. */
    public String name() {
        return parts.get(parts.size() - 1);
    }

    /** The part before the name (usually the schema), or null when unqualified. */
    public String schema() {
        return parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
    }

    /** The parts joined with dots, unquoted: {@code public.t}. */
    public String dotted() {
        return String.join(".", parts);
    }

    @Override
    public String toString() {
        return dotted();
    }
}
