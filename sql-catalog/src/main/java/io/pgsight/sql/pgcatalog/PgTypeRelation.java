package io.pgsight.sql.pgcatalog;

import io.pgsight.sql.catalog.Catalog;
import io.pgsight.sql.spi.PgType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** pg_type: every type in the catalog, with an array type row for each type that has one. */
final class PgTypeRelation extends SystemRelation {
    PgTypeRelation() {
        super("pg_catalog", "pg_type", 1247, "oid oid", "typname name", "typnamespace oid", "typowner oid",
                "typlen int2", "typbyval bool", "typtype char", "typcategory char", "typispreferred bool",
                "typisdefined bool", "typdelim char", "typrelid oid", "typsubscript regproc", "typelem oid",
                "typarray oid", "typinput regproc", "typoutput regproc", "typreceive regproc", "typsend regproc",
                "typmodin regproc", "typmodout regproc", "typanalyze regproc", "typalign char", "typstorage char",
                "typnotnull bool", "typbasetype oid", "typtypmod int4", "typndims int4", "typcollation oid",
                "typdefaultbin pg_node_tree", "typdefault text", "typacl aclitem[]");
    }

    /** array_in, array_out, array_recv, array_send: every array type's I/O functions. */
    private static final int[] ARRAY_IO = {750, 751, 2400, 2401};

    /** All types by OID, arrays included (creating the array types the catalog makes on demand). */
    static Map<Integer, PgType> allTypes(Catalog c) {
        Map<Integer, PgType> all = new LinkedHashMap<>();
        for (PgType t : List.copyOf(c.types())) {
            all.put(t.oid(), t);
        }
        for (PgType t : List.copyOf(all.values())) {
            if (t.arrayOid() != 0 && c.elementOf(t) == null && !all.containsKey(t.arrayOid())) {
                PgType a = c.arrayOf(t);
                if (a != null) {
                    all.put(a.oid(), a);
                }
            }
        }
        return all;
    }

    @Override
    public List<Object[]> rows(CatalogContext ctx) {
        Catalog c = ctx.catalog();
        List<Object[]> out = new ArrayList<>();
        BuiltinReference ref = BuiltinReference.get();
        for (PgType t : allTypes(c).values()) {
            PgType elem = c.elementOf(t);
            boolean pseudo = t.category() == 'P';
            BuiltinReference.RefType known = ref.types().get(t.oid());
            int[] io = known != null ? new int[] {known.input(), known.output(), known.receive(), known.send()}
                    : elem != null ? ARRAY_IO : new int[4];
            out.add(new Object[] {t.oid(), t.name(), ctx.typeNamespace(t), CatalogContext.SUPERUSER_OID, t.length(),
                    TypeFacts.byValue(t), TypeFacts.typtype(t), String.valueOf(elem != null ? 'A' : t.category()),
                    t.preferred(), true, ",", 0, 0, elem == null ? 0 : elem.oid(), elem != null ? 0 : t.arrayOid(),
                    io[0], io[1], io[2], io[3], 0, 0, 0, TypeFacts.align(t), pseudo ? "p" : TypeFacts.storage(t), false, 0, -1, 0,
                    TypeFacts.collation(elem != null ? elem : t), null, null, null});
        }
        java.util.Set<Integer> seen = allTypes(c).keySet();
        for (BuiltinReference.RefType t : BuiltinReference.get().types().values()) {
            if (!seen.contains(t.oid())) {
                out.add(new Object[] {t.oid(), t.name(), CatalogContext.PG_CATALOG, CatalogContext.SUPERUSER_OID,
                        (short) t.length(), t.byValue(), t.typtype(), t.category(), t.preferred(), true, ",", 0, 0,
                        t.element(), t.array(), t.input(), t.output(), t.receive(), t.send(), 0, 0, 0, t.align(), t.storage(), false, 0, -1, 0,
                        t.collation(), null, null, null});
            }
        }
        return out;
    }
}
