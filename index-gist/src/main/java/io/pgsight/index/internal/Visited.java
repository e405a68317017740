package io.pgsight.index.internal;

/** The set of nodes a graph search has seen. */
public interface Visited {
    /** Adds the id; true when it was not present. */
    boolean add(int id);

    int size();

    void clear();
}
