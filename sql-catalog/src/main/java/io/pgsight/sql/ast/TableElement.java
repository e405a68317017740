package io.pgsight.sql.ast;

import java.util.List;

/** An element of CREATE TABLE (...): a column definition or a table constraint. */
public sealed interface TableElement {
    int location();

    /**
     * {@code name type [COLLATE c] [constraints...]}. {@code serial}/{@code bigserial} stay type names: the
     * analyzer expands them like PostgreSQL does.
     */
    record ColumnDef(String name, TypeName type, QualifiedName collation, List<Constraint> constraints, int location)
            implements TableElement {
        public ColumnDef {
            constraints = List.copyOf(constraints);
        }
    }

    /** A table constraint: {@code [CONSTRAINT n] PRIMARY KEY (..) | UNIQUE (..) | FOREIGN KEY .. | CHECK (..)}. */
    record TableConstraint(Constraint constraint, int location) implements TableElement {
    }

    /** {@code LIKE source [INCLUDING ALL ...]} (options kept as words). */
    record Like(QualifiedName source, List<String> options, int location) implements TableElement {
        public Like {
            options = List.copyOf(options);
        }
    }
}
