package io.pgsight.sql.ast;

/** A case-folded name with the position where it was written (column lists, aliases, constraint names...). */
public record Identifier(String name, int location) {
    @Override
    public String toString() {
        return name;
    }
}
