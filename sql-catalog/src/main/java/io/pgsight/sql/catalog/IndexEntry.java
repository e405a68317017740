package io.pgsight.sql.catalog;

import io.pgsight.sql.spi.IndexInstance;

import java.util.List;

/**
 * A pg_index row with its live structure. Keys are column attnums or, for an expression index,
 * 0 with the analysed expression in {@code expressions}.
 */
public record IndexEntry(int oid, String name, int tableOid, String accessMethod, List<Integer> keyColumns,
                         List<io.pgsight.sql.analyze.TExpr> expressions, List<OperatorClassEntry> operatorClasses, boolean unique,
                         boolean primary, Object options, IndexInstance instance) {
    public IndexEntry {
        keyColumns = List.copyOf(keyColumns);
        expressions = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(expressions));
        operatorClasses = List.copyOf(operatorClasses);
    }

    public boolean isEqualityIndex() {
        return instance instanceof EqualityIndex;
    }
}
