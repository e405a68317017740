package io.pgsight.sql.pgcatalog;

import io.pgsight.sql.catalog.Catalog;
import io.pgsight.sql.catalog.Column;
import io.pgsight.sql.catalog.Table;
import io.pgsight.sql.spi.PgType;

import java.util.ArrayList;
import java.util.List;

/** information_schema.schemata, .tables and .columns over the catalog (sql_identifier etc. as name/text). */
final class InformationSchema {
    private InformationSchema() {
    }

    static SystemRelation schemata() {
        return new ComputedRelation("information_schema", "schemata", 13_100, ctx -> {
            List<Object[]> out = new ArrayList<>();
            for (String s : ctx.catalog().schemaNames()) {
                out.add(new Object[] {ctx.catalog().database(), s, CatalogContext.SUPERUSER, null, null, null, null});
            }
            return out;
        }, "catalog_name name", "schema_name name", "schema_owner name", "default_character_set_catalog name",
                "default_character_set_schema name", "default_character_set_name name", "sql_path text");
    }

    static SystemRelation tables() {
        return new ComputedRelation("information_schema", "tables", 13_101, ctx -> {
            List<Object[]> out = new ArrayList<>();
            Catalog c = ctx.catalog();
            for (Table t : c.relations()) {
                boolean view = t.kind() == Table.Kind.VIEW;
                out.add(new Object[] {c.database(), t.schema(), t.name(), view ? "VIEW" : "BASE TABLE", null, null, null,
                        null, null, "YES", "NO", null});
            }
            for (SystemRelation r : SystemRelations.all()) {
                out.add(new Object[] {c.database(), r.schema(), r.name(), "BASE TABLE", null, null, null, null, null,
                        "NO", "NO", null});
            }
            return out;
        }, "table_catalog name", "table_schema name", "table_name name", "table_type text",
                "self_referencing_column_name name", "reference_generation text", "user_defined_type_catalog name",
                "user_defined_type_schema name", "user_defined_type_name name", "is_insertable_into text",
                "is_typed text", "commit_action text");
    }

    static SystemRelation columns() {
        return new ComputedRelation("information_schema", "columns", 13_102, ctx -> {
            List<Object[]> out = new ArrayList<>();
            Catalog c = ctx.catalog();
            for (Table t : c.relations()) {
                for (Column col : t.liveColumns()) {
                    PgType type = col.type();
                    boolean user = c.typeExtension(type.oid()) != null;
                    String dataType = user ? "USER-DEFINED" : (c.elementOf(type) != null ? "ARRAY" : c.formatType(type));
                    Integer charMax = (type.oid() == 1043 || type.oid() == 1042) && col.typmod() >= 4 ? col.typmod() - 4 : null;
                    out.add(new Object[] {c.database(), t.schema(), t.name(), col.name(), col.attnum(),
                            col.defaultSql(), col.notNull() ? "NO" : "YES",
                            dataType, charMax, null, null, null, null, null, null,
                            user ? c.database() : c.database(), user ? ctx.extensionSchema(c.typeExtension(type.oid())) : "pg_catalog",
                            type.name(), "NO", "NEVER", "YES"});
                }
            }
            return out;
        }, "table_catalog name", "table_schema name", "table_name name", "column_name name", "ordinal_position int4",
                "column_default text", "is_nullable text", "data_type text", "character_maximum_length int4",
                "character_octet_length int4", "numeric_precision int4", "numeric_precision_radix int4",
                "numeric_scale int4", "datetime_precision int4", "interval_type text", "udt_catalog name",
                "udt_schema name", "udt_name name", "is_identity text", "is_generated text", "is_updatable text");
    }
}
