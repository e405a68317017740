package io.pgsight.sql.ast;

import java.util.List;

/** An item of a FROM clause (or of UPDATE ... FROM, DELETE ... USING). */
public sealed interface FromItem {
    int location();

    /** {@code [ONLY] name [*] [[AS] alias [(cols)]]}. */
    record Table(QualifiedName name, boolean only, Alias alias, int location) implements FromItem {
    }

    /** {@code [LATERAL] (query) [AS] alias [(cols)]}; the alias may be null (allowed since PostgreSQL 16 only). */
    record Subquery(Query query, boolean lateral, Alias alias, int location) implements FromItem {
    }

    /**
     * A table function: {@code [LATERAL] f(args) [WITH ORDINALITY] [[AS] alias [(cols)]]} or
     * {@code ROWS FROM (f(..), g(..))} ({@code rowsFrom} set, several functions).
     *
     * @param columnDefs a column definition list {@code AS t(a int, b text)} for functions returning record; empty
     *                   otherwise (then alias column names are in {@code alias})
     */
    record Function(List<Expr> functions, boolean rowsFrom, boolean withOrdinality, boolean lateral, Alias alias,
                    List<TableElement.ColumnDef> columnDefs, int location) implements FromItem {
        public Function {
            functions = List.copyOf(functions);
            columnDefs = List.copyOf(columnDefs);
        }
    }

    /**
     * {@code left [NATURAL] {[INNER] | LEFT [OUTER] | RIGHT [OUTER] | FULL [OUTER] | CROSS} JOIN right
     * [ON cond | USING (cols) [AS alias]]}, or a parenthesized join with an alias.
     *
     * @param on        the ON condition, else null
     * @param using     USING columns (empty when absent)
     * @param usingAlias {@code USING (..) AS name}, else null
     * @param alias     {@code (a JOIN b ON ..) AS j}, else null
     * @param location  position of the JOIN keyword group
     */
    record Join(JoinType type, boolean natural, FromItem left, FromItem right, Expr on, List<Identifier> using,
                String usingAlias, Alias alias, int location) implements FromItem {
        public Join {
            using = List.copyOf(using);
        }
    }

    enum JoinType { INNER, LEFT, RIGHT, FULL, CROSS }
}
