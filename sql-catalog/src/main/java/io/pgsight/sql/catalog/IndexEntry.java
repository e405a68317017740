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

    public IndexEntry withInstance(IndexInstance i) {
        return new IndexEntry(oid, name, tableOid, accessMethod, keyColumns, expressions, operatorClasses, unique, primary,
                options, i);
    }

    public IndexEntry withOid(int o) {
        return new IndexEntry(o, name, tableOid, accessMethod, keyColumns, expressions, operatorClasses, unique, primary,
                options, instance);
    }

    public boolean isEqualityIndex() {
        return instance instanceof EqualityIndex;
    }
}
