package io.pgsight.sql.builtin.types;

import io.pgsight.sql.api.SqlException;

/** The refusal PostgreSQL gives for a modifier on a type that takes none. */
final class BaseTypeModifiers {
    private BaseTypeModifiers() {
    }

    static int refuse(String typeName) {
        throw new SqlException("42601", "type modifier is not allowed for type \"" + typeName + "\"");
    }
}
