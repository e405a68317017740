package io.pgsight.sql.pgcatalog;

import io.pgsight.sql.catalog.AggregateEntry;
import io.pgsight.sql.catalog.CastEntry;
import io.pgsight.sql.catalog.OperatorClassEntry;
import io.pgsight.sql.catalog.AccessMethodEntry;
import io.pgsight.sql.catalog.Sequence;
import io.pgsight.sql.spi.CastContext;
import io.pgsight.sql.spi.OperatorClassDef;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** pg_database, pg_collation, pg_tablespace, pg_language, pg_cast, pg_aggregate, pg_sequence, pg_opclass, pg_opfamily, pg_amop. */
final class SmallCatalogs {
    private SmallCatalogs() {
    }

    static SystemRelation pgDatabase() {
        return new ComputedRelation("pg_catalog", "pg_database", 1262, ctx -> {
            List<Object[]> out = new ArrayList<>();
            for (Map.Entry<String, Integer> d : ctx.exec().session().databaseOids().entrySet()) {
                boolean template = d.getKey().startsWith("template");
                out.add(new Object[] {d.getValue(), d.getKey(), CatalogContext.SUPERUSER_OID, 6, "c", template,
                        !d.getKey().equals("template0"), -1, 0, 0, 1663, "C.UTF-8", "C.UTF-8", null, null,
                        template ? CatalogContext.textArray(List.of("=c/postgres", "postgres=CTc/postgres")) : null});
            }
            return out;
        }, "oid oid", "datname name", "datdba oid", "encoding int4", "datlocprovider char", "datistemplate bool",
                "datallowconn bool", "datconnlimit int4", "datfrozenxid int4", "datminmxid int4", "dattablespace oid",
                "datcollate text", "datctype text", "daticulocale text", "datcollversion text", "datacl aclitem[]");
    }

    static SystemRelation pgCollation() {
        return new ComputedRelation("pg_catalog", "pg_collation", 3456, ctx -> List.of(
                new Object[] {100, "default", CatalogContext.PG_CATALOG, CatalogContext.SUPERUSER_OID, "d", true, -1, null, null, null, null},
                new Object[] {950, "C", CatalogContext.PG_CATALOG, CatalogContext.SUPERUSER_OID, "c", true, -1, "C", "C", null, null},
                new Object[] {951, "POSIX", CatalogContext.PG_CATALOG, CatalogContext.SUPERUSER_OID, "c", true, -1, "POSIX", "POSIX", null, null}),
                "oid oid", "collname name", "collnamespace oid", "collowner oid", "collprovider char",
                "collisdeterministic bool", "collencoding int4", "collcollate text", "collctype text",
                "colliculocale text", "collversion text");
    }

    static SystemRelation pgTablespace() {
        return new ComputedRelation("pg_catalog", "pg_tablespace", 1213, ctx -> List.of(
                new Object[] {1663, "pg_default", CatalogContext.SUPERUSER_OID, null, null},
                new Object[] {1664, "pg_global", CatalogContext.SUPERUSER_OID, null, null}),
                "oid oid", "spcname name", "spcowner oid", "spcacl aclitem[]", "spcoptions text[]");
    }

    static SystemRelation pgLanguage() {
        return new ComputedRelation("pg_catalog", "pg_language", 2612, ctx -> List.of(
                new Object[] {PgProc.LANG_INTERNAL, "internal", CatalogContext.SUPERUSER_OID, false, false, 0, 0, 2246, null},
                new Object[] {PgProc.LANG_C, "c", CatalogContext.SUPERUSER_OID, false, false, 0, 0, 2247, null},
                new Object[] {PgProc.LANG_SQL, "sql", CatalogContext.SUPERUSER_OID, false, true, 0, 0, 2248, null},
                // handler OIDs as PostgreSQL 15 has them (plpgsql_call_handler, _inline_handler, _validator):
                // psql's \\dL lists the languages with a call handler
                new Object[] {PgProc.LANG_PLPGSQL, "plpgsql", CatalogContext.SUPERUSER_OID, true, true, 13_560, 13_561,
                    13_562, null}),
                "oid oid", "lanname name", "lanowner oid", "lanispl bool", "lanpltrusted bool", "lanplcallfoid oid",
                "laninline oid", "lanvalidator oid", "lanacl aclitem[]");
    }

    static SystemRelation pgCast() {
        return new ComputedRelation("pg_catalog", "pg_cast", 2605, ctx -> {
            List<Object[]> out = new ArrayList<>();
            for (CastEntry c : ctx.catalog().allCasts()) {
                String context = c.context() == CastContext.IMPLICIT ? "i" : c.context() == CastContext.ASSIGNMENT ? "a" : "e";
                out.add(new Object[] {c.oid(), c.source().oid(), c.target().oid(), 0, context, c.body() == null ? "b" : "f"});
            }
            return out;
        }, "oid oid", "castsource oid", "casttarget oid", "castfunc oid", "castcontext char", "castmethod char");
    }

    static SystemRelation pgAggregate() {
        return new ComputedRelation("pg_catalog", "pg_aggregate", 2600, ctx -> {
            List<Object[]> out = new ArrayList<>();
            for (AggregateEntry a : ctx.catalog().allAggregates()) {
                out.add(new Object[] {a.oid(), "n", (short) 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false, false, "r", "r", 0,
                        0, 0, 0, 0, null, null});
            }
            return out;
        }, "aggfnoid regproc", "aggkind char", "aggnumdirectargs int2", "aggtransfn regproc", "aggfinalfn regproc",
                "aggcombinefn regproc", "aggserialfn regproc", "aggdeserialfn regproc", "aggmtransfn regproc",
                "aggminvtransfn regproc", "aggmfinalfn regproc", "aggfinalextra int4", "aggmfinalextra int4",
                "aggfinalextra_b bool", "aggmfinalextra_b bool", "aggfinalmodify char", "aggmfinalmodify char",
                "aggsortop oid", "aggtranstype oid", "aggtransspace int4", "aggmtranstype oid", "aggmtransspace int4",
                "agginitval text", "aggminitval text");
    }

    static SystemRelation pgSequence() {
        return new ComputedRelation("pg_catalog", "pg_sequence", 2224, ctx -> {
            List<Object[]> out = new ArrayList<>();
            for (Sequence s : ctx.catalog().allSequences()) {
                io.pgsight.sql.spi.PgType t = ctx.catalog().typeByName(s.dataType());
                out.add(new Object[] {s.oid(), t == null ? 20 : t.oid(), 1L, 1L, Long.MAX_VALUE, 1L, 1L, false});
            }
            return out;
        }, "seqrelid oid", "seqtypid oid", "seqstart int8", "seqincrement int8", "seqmax int8", "seqmin int8",
                "seqcache int8", "seqcycle bool");
    }

    static SystemRelation pgOpclass() {
        return new ComputedRelation("pg_catalog", "pg_opclass", 2616, ctx -> {
            List<Object[]> out = new ArrayList<>();
            for (OperatorClassEntry oc : ctx.catalog().allOperatorClasses()) {
                AccessMethodEntry am = ctx.catalog().accessMethod(oc.accessMethod());
                out.add(new Object[] {oc.oid(), am == null ? 0 : am.oid(), oc.name(),
                        ctx.schemaOid(ctx.extensionSchema(oc.extension())), CatalogContext.SUPERUSER_OID,
                        ctx.oids().oid("opf:" + oc.oid()), oc.indexedType().oid(), oc.isDefault(), 0});
            }
            return out;
        }, "oid oid", "opcmethod oid", "opcname name", "opcnamespace oid", "opcowner oid", "opcfamily oid",
                "opcintype oid", "opcdefault bool", "opckeytype oid");
    }

    static SystemRelation pgOpfamily() {
        return new ComputedRelation("pg_catalog", "pg_opfamily", 2753, ctx -> {
            List<Object[]> out = new ArrayList<>();
            for (OperatorClassEntry oc : ctx.catalog().allOperatorClasses()) {
                AccessMethodEntry am = ctx.catalog().accessMethod(oc.accessMethod());
                out.add(new Object[] {ctx.oids().oid("opf:" + oc.oid()), am == null ? 0 : am.oid(), oc.name(),
                        ctx.schemaOid(ctx.extensionSchema(oc.extension())), CatalogContext.SUPERUSER_OID});
            }
            return out;
        }, "oid oid", "opfmethod oid", "opfname name", "opfnamespace oid", "opfowner oid");
    }

    static SystemRelation pgAmop() {
        return new ComputedRelation("pg_catalog", "pg_amop", 2602, ctx -> {
            List<Object[]> out = new ArrayList<>();
            for (OperatorClassEntry oc : ctx.catalog().allOperatorClasses()) {
                AccessMethodEntry am = ctx.catalog().accessMethod(oc.accessMethod());
                for (OperatorClassDef.Member m : oc.members()) {
                    int strategy = m.strategy();
                    int opOid = 0;
                    for (io.pgsight.sql.catalog.OperatorEntry o : ctx.catalog().operators(m.symbol())) {
                        if (o.left() != null && o.left().oid() == oc.indexedType().oid()) {
                            opOid = o.oid();
                        }
                    }
                    int family = ctx.oids().oid("opf:" + oc.oid());
                    out.add(new Object[] {ctx.oids().oid("amop:" + oc.oid() + ":" + strategy), family,
                            oc.indexedType().oid(), oc.indexedType().oid(), (short) strategy, m.ordering() ? "o" : "s",
                            opOid, am == null ? 0 : am.oid(), m.ordering() ? 1976 : 0});
                }
            }
            return out;
        }, "oid oid", "amopfamily oid", "amoplefttype oid", "amoprighttype oid", "amopstrategy int2",
                "amoppurpose char", "amopopr oid", "amopmethod oid", "amopsortfamily oid");
    }
}
