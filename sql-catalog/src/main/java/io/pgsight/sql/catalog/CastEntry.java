package io.pgsight.sql.catalog;

import io.pgsight.sql.spi.CastContext;
import io.pgsight.sql.spi.CastFunction;
import io.pgsight.sql.spi.PgType;

/** A pg_cast row; a null {@code body} means binary-coercible (the value passes unchanged). */
public record CastEntry(int oid, PgType source, PgType target, CastContext context, String functionName,
                        CastFunction body, String extension) {
}
