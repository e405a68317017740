package io.pgsight.sql.plpgsql.exec;

import io.pgsight.sql.spi.PgType;

import java.util.List;

/** The value of a RECORD variable: a row with its column names and types ({@link Shape}). */
record PlRow(Shape shape, Object[] values) {
    /** Column names and types; equal shapes let compiled expressions be reused. */
    record Shape(List<String> names, List<PgType> types) {
        int indexOf(String name) {
            return names.indexOf(name);
        }
    }
}
