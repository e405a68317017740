package io.pgsight.sql.pgcatalog;

import io.pgsight.sql.catalog.Catalog;
import io.pgsight.sql.catalog.OperatorEntry;
import io.pgsight.sql.spi.PgType;

import java.util.ArrayList;
import java.util.List;

/** pg_operator: every operator, with its implementing function as oprcode. */
final class PgOperator extends SystemRelation {
    PgOperator() {
        super("pg_catalog", "pg_operator", 2617, "oid oid", "oprname name", "oprnamespace oid", "oprowner oid",
                "oprkind char", "oprcanmerge bool", "oprcanhash bool", "oprleft oid", "oprright oid", "oprresult oid",
                "oprcom oid", "oprnegate oid", "oprcode regproc", "oprrest regproc", "oprjoin regproc");
    }

    @Override
    public List<Object[]> rows(CatalogContext ctx) {
        Catalog c = ctx.catalog();
        List<Object[]> out = new ArrayList<>();
        List<OperatorEntry> all = c.allOperators();
        for (OperatorEntry o : all) {
            out.add(new Object[] {o.oid(), o.symbol(), ctx.schemaOid(o.schema()), CatalogContext.SUPERUSER_OID,
                    o.left() == null ? "l" : "b", false, false, o.left() == null ? 0 : o.left().oid(), o.right().oid(),
                    o.resultType().oid(), partner(all, o, o.commutator(), true), partner(all, o, o.negator(), false),
                    o.function().oid(), 0, 0});
        }
        for (BuiltinReference.RefOperator r : BuiltinReference.get().operators()) {
            if (!implemented(all, r)) {
                out.add(new Object[] {r.oid(), r.name(), CatalogContext.PG_CATALOG, CatalogContext.SUPERUSER_OID,
                        r.kind(), false, false, r.left(), r.right(), r.result(), r.commutator(), r.negator(), 0, 0, 0});
            }
        }
        return out;
    }

    /** Whether the engine registers an operator of this name and argument types (then it shows its own row). */
    static boolean implemented(List<OperatorEntry> all, BuiltinReference.RefOperator r) {
        for (OperatorEntry o : all) {
            if (o.symbol().equals(r.name()) && (o.left() == null ? 0 : o.left().oid()) == r.left()
                    && o.right().oid() == r.right()) {
                return true;
            }
        }
        return false;
    }

    /** OID of the commutator (argument types swapped) or negator (same types) named {@code symbol}. */
    private static int partner(List<OperatorEntry> all, OperatorEntry o, String symbol, boolean swap) {
        if (symbol == null || o.left() == null) {
            return 0;
        }
        PgType l = swap ? o.right() : o.left();
        PgType r = swap ? o.left() : o.right();
        for (OperatorEntry x : all) {
            if (x.symbol().equals(symbol) && x.left() != null && x.left().oid() == l.oid() && x.right().oid() == r.oid()) {
                return x.oid();
            }
        }
        return 0;
    }
}
