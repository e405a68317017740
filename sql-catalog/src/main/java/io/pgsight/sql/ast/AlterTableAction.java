package io.pgsight.sql.ast;

import java.util.List;

/** One action of ALTER TABLE (several may be separated by commas; RENAME forms stand alone). */
public sealed interface AlterTableAction {
    int location();

    /** {@code ADD [COLUMN] [IF NOT EXISTS] coldef}. */
    record AddColumn(TableElement.ColumnDef column, boolean ifNotExists, int location) implements AlterTableAction {
    }

    /** {@code DROP [COLUMN] [IF EXISTS] name [CASCADE|RESTRICT]}. */
    record DropColumn(Identifier column, boolean ifExists, boolean cascade, int location) implements AlterTableAction {
    }

    /** {@code ADD table_constraint}. */
    record AddConstraint(Constraint constraint, int location) implements AlterTableAction {
    }

    /** {@code DROP CONSTRAINT [IF EXISTS] name [CASCADE|RESTRICT]}. */
    record DropConstraint(Identifier name, boolean ifExists, boolean cascade, int location) implements AlterTableAction {
    }

    /** {@code ALTER [COLUMN] c [SET DATA] TYPE t [COLLATE c] [USING expr]}. */
    record AlterColumnType(Identifier column, TypeName type, QualifiedName collation, Expr using, int location)
            implements AlterTableAction {
    }

    /** {@code ALTER [COLUMN] c SET DEFAULT expr} ({@code expr} non-null) or {@code DROP DEFAULT} (null). */
    record AlterColumnDefault(Identifier column, Expr defaultValue, int location) implements AlterTableAction {
    }

    /** {@code ALTER [COLUMN] c SET NOT NULL} ({@code notNull}) or {@code DROP NOT NULL}. */
    record AlterColumnNullability(Identifier column, boolean notNull, int location) implements AlterTableAction {
    }

    /** {@code RENAME [COLUMN] a TO b}. */
    record RenameColumn(Identifier column, Identifier newName, int location) implements AlterTableAction {
    }

    /** {@code RENAME CONSTRAINT a TO b}. */
    record RenameConstraint(Identifier constraint, Identifier newName, int location) implements AlterTableAction {
    }

    /** {@code RENAME TO b}. */
    record RenameTable(Identifier newName, int location) implements AlterTableAction {
    }

    /** {@code SET SCHEMA s}. */
    record SetSchema(Identifier schema, int location) implements AlterTableAction {
    }

    /** {@code OWNER TO role}. */
    record OwnerTo(Identifier owner, int location) implements AlterTableAction {
    }

    /**
     * An action accepted but not modelled ({@code SET (fillfactor = 70)}, {@code ALTER COLUMN c SET STATISTICS n},
     * {@code ENABLE TRIGGER ...}, ...): its source text, so the engine can ignore or reject it by name.
     */
    record Other(String text, List<Option> options, int location) implements AlterTableAction {
        public Other {
            options = List.copyOf(options);
        }
    }
}
