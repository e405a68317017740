package io.pgsight.sql.catalog;

import io.pgsight.sql.spi.PgType;

/**
 * A pg_attribute row. {@code attnum} is 1-based and also the slot in stored rows; a dropped column
 * keeps its slot. {@code missingValue} is what rows stored before ADD COLUMN read (attmissingval).
 * {@code defaultSql} is the DEFAULT expression's text, analysed where used.
 */
public record Column(String name, int attnum, PgType type, int typmod, boolean notNull, String defaultSql,
                     boolean dropped, Object missingValue, io.pgsight.sql.analyze.TExpr defaultExpr) {
    public Column withNotNull(boolean n) {
        return new Column(name, attnum, type, typmod, n, defaultSql, dropped, missingValue, defaultExpr);
    }

    public Column asDropped() {
        return new Column("........pg.dropped." + attnum + "........", attnum, type, typmod, false, null, true, null, null);
    }

    public Column withDefault(String d, io.pgsight.sql.analyze.TExpr e) {
        return new Column(name, attnum, type, typmod, notNull, d, dropped, missingValue, e);
    }

    public Column withType(PgType t) {
        return new Column(name, attnum, t, typmod, notNull, defaultSql, dropped, missingValue, defaultExpr);
    }
}
