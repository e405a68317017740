package io.pgsight.sql.ast;

import java.util.List;

/**
 * One key of CREATE INDEX: a column {@code c} or an expression {@code (expr)} / function call, with optional
 * collation, operator class (with its own options), ordering and nulls placement.
 *
 * @param column     the column name, or null for an expression key
 * @param expr       the expression, or null for a column key
 * @param opclass    the operator class name ({@code vector_l2_ops}), or null
 */
public record IndexElem(Identifier column, Expr expr, QualifiedName collation, QualifiedName opclass,
                        List<Option> opclassOptions, SortItem.Direction direction, SortItem.NullsOrder nulls,
                        int location) {
    public IndexElem {
        opclassOptions = List.copyOf(opclassOptions);
    }
}
