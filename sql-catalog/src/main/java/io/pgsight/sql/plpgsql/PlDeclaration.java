package io.pgsight.sql.plpgsql;

import io.pgsight.sql.ast.QualifiedName;

import java.util.List;

/**
 * One entry of a DECLARE section: a variable {@code name [CONSTANT] type [COLLATE c] [NOT NULL] [:= expr]}, an
 * alias {@code name ALIAS FOR $1}, or a bound cursor {@code name CURSOR [(args)] FOR query}.
 *
 * @param defaultValue the initial value expression, or null
 * @param aliasFor     the aliased name ({@code $1} or a variable) for ALIAS, else null
 * @param cursorQuery  the query of a bound cursor, else null
 * @param cursorArgs   the cursor's argument declarations (empty when none)
 */
public record PlDeclaration(String name, Kind kind, boolean constant, PlDataType type, QualifiedName collation,
                            boolean notNull, PlExpr defaultValue, String aliasFor, PlExpr cursorQuery,
                            List<PlDeclaration> cursorArgs, int location, int line) {
    public PlDeclaration {
        cursorArgs = List.copyOf(cursorArgs);
    }

    public enum Kind { VARIABLE, ALIAS, CURSOR }
}
