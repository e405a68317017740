package io.pgsight.sql.spi;

/**
 * A cast from {@code sourceType} to {@code targetType}. {@code functionName} is what pg_cast shows
 * (null for a binary-coercible cast, in which case {@code body} may just return the value).
 */
public record CastDef(String sourceType, String targetType, CastContext context, String functionName,
                      CastFunction body) {
}
