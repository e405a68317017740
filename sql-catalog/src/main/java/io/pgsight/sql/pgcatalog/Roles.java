package io.pgsight.sql.pgcatalog;

import java.util.ArrayList;
import java.util.List;

/**
 * pg_roles, pg_authid and pg_user: the bootstrap superuser owns everything; a session user of another
 * name (authentication is trust) appears as a second superuser so lookups of it succeed.
 */
final class Roles {
    /** The predefined role owning the public schema (PostgreSQL 15). */
    static final int DATABASE_OWNER_OID = 6171;
    private Roles() {
    }

    static List<Object[]> users(CatalogContext ctx) {
        List<Object[]> out = new ArrayList<>();
        out.add(new Object[] {CatalogContext.SUPERUSER_OID, CatalogContext.SUPERUSER});
        out.add(new Object[] {DATABASE_OWNER_OID, "pg_database_owner"});
        String me = ctx.exec().session().user();
        if (me != null && !me.equals(CatalogContext.SUPERUSER)) {
            out.add(new Object[] {ctx.oids().oid("role:" + me), me});
        }
        return out;
    }

    static String nameOf(CatalogContext ctx, int oid) {
        for (Object[] u : users(ctx)) {
            if ((int) u[0] == oid) {
                return (String) u[1];
            }
        }
        return null;
    }

    static SystemRelation pgRoles() {
        return new ComputedRelation("pg_catalog", "pg_roles", 4001, ctx -> {
            List<Object[]> out = new ArrayList<>();
            for (Object[] u : users(ctx)) {
                boolean su = (int) u[0] != DATABASE_OWNER_OID;
                out.add(new Object[] {u[1], su, true, su, su, su, su, -1, "********", null, su, null, u[0]});
            }
            return out;
        }, "rolname name", "rolsuper bool", "rolinherit bool", "rolcreaterole bool", "rolcreatedb bool",
                "rolcanlogin bool", "rolreplication bool", "rolconnlimit int4", "rolpassword text",
                "rolvaliduntil timestamptz", "rolbypassrls bool", "rolconfig text[]", "oid oid");
    }

    static SystemRelation pgAuthid() {
        return new ComputedRelation("pg_catalog", "pg_authid", 1260, ctx -> {
            List<Object[]> out = new ArrayList<>();
            for (Object[] u : users(ctx)) {
                out.add(new Object[] {u[0], u[1], true, true, true, true, true, true, true, -1, null, null});
            }
            return out;
        }, "oid oid", "rolname name", "rolsuper bool", "rolinherit bool", "rolcreaterole bool", "rolcreatedb bool",
                "rolcanlogin bool", "rolreplication bool", "rolbypassrls bool", "rolconnlimit int4", "rolpassword text",
                "rolvaliduntil timestamptz");
    }

    static SystemRelation pgUser() {
        return new ComputedRelation("pg_catalog", "pg_user", 12_000, ctx -> {
            List<Object[]> out = new ArrayList<>();
            for (Object[] u : users(ctx)) {
                out.add(new Object[] {u[1], u[0], true, true, true, true, "********", null, null});
            }
            return out;
        }, "usename name", "usesysid oid", "usecreatedb bool", "usesuper bool", "userepl bool", "usebypassrls bool",
                "passwd text", "valuntil timestamptz", "useconfig text[]");
    }
}
