package io.pgsight.sql.ast;

import java.util.List;

/**
 * A column or table constraint, PostgreSQL-style: one record for all kinds, fields unused by a kind are
 * null/empty. Column constraints have no {@code columns} (the column is implied); table constraints list them.
 *
 * @param name          {@code CONSTRAINT name}, else null
 * @param kind          which constraint
 * @param columns       key columns (table PRIMARY KEY/UNIQUE/FOREIGN KEY)
 * @param expr          CHECK condition, DEFAULT value, or GENERATED ALWAYS AS (expr) STORED expression
 * @param refTable      REFERENCES table
 * @param refColumns    REFERENCES table (cols); empty means the referenced table's primary key
 * @param onDelete      referential action for ON DELETE, null when not given (NO ACTION)
 * @param onUpdate      referential action for ON UPDATE, null when not given (NO ACTION)
 * @param matchFull     MATCH FULL
 * @param deferrable    DEFERRABLE
 * @param initiallyDeferred INITIALLY DEFERRED
 * @param noInherit     CHECK ... NO INHERIT
 * @param identityAlways GENERATED ALWAYS AS IDENTITY (true) vs BY DEFAULT (false), for IDENTITY
 * @param options       WITH (...) index options of PRIMARY KEY/UNIQUE, or identity sequence options
 * @param nullsNotDistinct UNIQUE NULLS NOT DISTINCT
 * @param location      position of CONSTRAINT or of the constraint keyword
 */
public record Constraint(String name, ConstraintKind kind, List<Identifier> columns, Expr expr,
                         QualifiedName refTable, List<Identifier> refColumns, ReferentialAction onDelete,
                         ReferentialAction onUpdate, boolean matchFull, boolean deferrable, boolean initiallyDeferred,
                         boolean noInherit, boolean identityAlways, List<Option> options, boolean nullsNotDistinct,
                         int location) {
    public Constraint {
        columns = List.copyOf(columns);
        refColumns = List.copyOf(refColumns);
        options = List.copyOf(options);
    }

    public static Constraint simple(String name, ConstraintKind kind, List<Identifier> columns, Expr expr,
                                    int location) {
        return new Constraint(name, kind, columns, expr, null, List.of(), null, null, false, false, false, false,
                false, List.of(), false, location);
    }

    public enum ConstraintKind { NULL, NOT_NULL, DEFAULT, CHECK, PRIMARY_KEY, UNIQUE, FOREIGN_KEY, IDENTITY, GENERATED }

    public enum ReferentialAction { NO_ACTION, RESTRICT, CASCADE, SET_NULL, SET_DEFAULT }
}
