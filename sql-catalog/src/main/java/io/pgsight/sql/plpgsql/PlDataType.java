package io.pgsight.sql.plpgsql;

import io.pgsight.sql.ast.QualifiedName;
import io.pgsight.sql.ast.TypeName;

/**
 * The declared type of a PL/pgSQL variable.
 *
 * @param kind      TYPE (an ordinary type name), PERCENT_TYPE ({@code tab.col%TYPE} / {@code var%TYPE}),
 *                  ROWTYPE ({@code tab%ROWTYPE}), RECORD
 * @param type      the parsed type for TYPE, else null
 * @param reference the referenced name for PERCENT_TYPE and ROWTYPE, else null
 * @param text      the type as written
 */
public record PlDataType(Kind kind, TypeName type, QualifiedName reference, String text, int location) {
    public enum Kind { TYPE, PERCENT_TYPE, ROWTYPE, RECORD }
}
