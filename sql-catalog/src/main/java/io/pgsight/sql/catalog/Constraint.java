package io.pgsight.sql.catalog;

import java.util.List;

/** A pg_constraint row: primary key, unique, foreign key or check. Columns are attnums. */
public sealed interface Constraint {
    String name();

    List<Integer> columns();

    record PrimaryKey(String name, List<Integer> columns, String indexName) implements Constraint {
    }

    record Unique(String name, List<Integer> columns, String indexName) implements Constraint {
    }

    /** FOREIGN KEY (columns) REFERENCES referenced(referencedColumns). */
    record ForeignKey(String name, List<Integer> columns, int referencedTableOid, List<Integer> referencedColumns,
                      String onDelete, String onUpdate) implements Constraint {
    }

    record Check(String name, List<Integer> columns, String sql, io.pgsight.sql.analyze.TExpr expr) implements Constraint {
    }
}
