package io.pgsight.sql.pgcatalog;

import io.pgsight.sql.catalog.Catalog;
import io.pgsight.sql.spi.PgType;

/**
 * Resolves the type spellings system relations use. Catalog-only types the engine lacks map to the
 * closest type it has: int2vector to int2[], oidvector to oid[], pg_node_tree to text, aclitem[] to
 * text[]. {@code "char"} is the one-byte type 18, not character(1).
 */
final class ColumnTypes {
    private ColumnTypes() {
    }

    static PgType resolve(Catalog c, String spelling) {
        return switch (spelling) {
            case "char" -> c.typeByOid(18);
            case "char[]" -> c.arrayOf(c.typeByOid(18));
            case "int2vector" -> c.typeByOid(22) != null ? c.typeByOid(22) : c.typeByName("int2[]");
            case "oidvector" -> c.typeByOid(30) != null ? c.typeByOid(30) : c.typeByName("oid[]");
            case "pg_node_tree" -> c.typeByName("text");
            case "aclitem[]" -> c.typeByName("text[]");
            default -> c.typeByName(spelling);
        };
    }
}
