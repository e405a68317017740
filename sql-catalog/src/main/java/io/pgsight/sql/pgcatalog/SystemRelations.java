package io.pgsight.sql.pgcatalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The system relations by schema-qualified name. Unqualified names find pg_catalog's relations first,
 * as PostgreSQL's implicit search path puts pg_catalog ahead of public; information_schema needs the
 * schema written out.
 */
public final class SystemRelations {
    private static final Map<String, SystemRelation> BY_NAME;

    static {
        List<SystemRelation> all = new ArrayList<>(List.of(new PgNamespace(), new PgClass(), new PgAttribute(),
                new PgAttrdef(), new PgTypeRelation(), new PgIndex(), new PgAm(), new PgConstraint(), new PgExtension(),
                new PgDescription(), new PgDepend(), new PgProc(), new PgOperator(), Roles.pgRoles(), Roles.pgAuthid(), Roles.pgUser(),
                SmallCatalogs.pgDatabase(), SmallCatalogs.pgCollation(), SmallCatalogs.pgTablespace(),
                SmallCatalogs.pgLanguage(), SmallCatalogs.pgCast(), SmallCatalogs.pgAggregate(),
                SmallCatalogs.pgSequence(), SmallCatalogs.pgOpclass(), SmallCatalogs.pgOpfamily(), SmallCatalogs.pgAmop(),
                PgSettings.relation(), CatalogViews.pgTables(), CatalogViews.pgViews(), CatalogViews.pgIndexes(),
                CatalogViews.pgSequences(), InformationSchema.schemata(), InformationSchema.tables(),
                InformationSchema.columns()));
        all.addAll(EmptyCatalogs.all());
        Map<String, SystemRelation> m = new LinkedHashMap<>();
        for (SystemRelation r : all) {
            m.put(r.schema() + "." + r.name(), r);
        }
        BY_NAME = Collections.unmodifiableMap(m);
    }

    private SystemRelations() {
    }

    public static List<SystemRelation> all() {
        return List.copyOf(BY_NAME.values());
    }

    /** The relation {@code schema.name}, or for an unqualified name pg_catalog's; null when there is none. */
    public static SystemRelation find(String schema, String name) {
        return BY_NAME.get((schema == null ? "pg_catalog" : schema) + "." + name);
    }

    public static SystemRelation byOid(int oid) {
        for (SystemRelation r : BY_NAME.values()) {
            if (r.oid() == oid) {
                return r;
            }
        }
        return null;
    }
}
