package io.pgsight.sql.pgcatalog;

import io.pgsight.sql.catalog.AggregateEntry;
import io.pgsight.sql.catalog.Catalog;
import io.pgsight.sql.catalog.FunctionBody;
import io.pgsight.sql.catalog.FunctionEntry;
import io.pgsight.sql.spi.PgType;

import java.util.ArrayList;
import java.util.List;

/** pg_proc: functions (built-in, extension, user-defined) and aggregates. */
final class PgProc extends SystemRelation {
    static final int LANG_INTERNAL = 12;
    static final int LANG_C = 13;
    static final int LANG_SQL = 14;
    static final int LANG_PLPGSQL = 13_563;

    PgProc() {
        super("pg_catalog", "pg_proc", 1255, "oid oid", "proname name", "pronamespace oid", "proowner oid",
                "prolang oid", "procost float4", "prorows float4", "provariadic oid", "prosupport regproc",
                "prokind char", "prosecdef bool", "proleakproof bool", "proisstrict bool", "proretset bool",
                "provolatile char", "proparallel char", "pronargs int2", "pronargdefaults int2", "prorettype oid",
                "proargtypes oidvector", "proallargtypes oid[]", "proargmodes char[]", "proargnames text[]",
                "proargdefaults pg_node_tree", "protrftypes oid[]", "prosrc text", "probin text",
                "prosqlbody pg_node_tree", "proconfig text[]", "proacl aclitem[]");
    }

    @Override
    public List<Object[]> rows(CatalogContext ctx) {
        Catalog c = ctx.catalog();
        List<Object[]> out = new ArrayList<>();
        for (FunctionEntry f : c.allFunctions()) {
            String kind = f.body() instanceof FunctionBody.Window ? "w" : f.procedure() ? "p" : "f";
            int lang;
            String src;
            if (f.body() instanceof FunctionBody.Sql s) {
                lang = LANG_SQL;
                src = s.source();
            } else if (f.body() instanceof FunctionBody.Procedural p) {
                lang = LANG_PLPGSQL;
                src = p.source();
            } else {
                lang = f.extension() == null ? LANG_INTERNAL : LANG_C;
                src = f.name();
            }
            List<Integer> args = f.argumentTypes().stream().map(PgType::oid).toList();
            boolean named = f.argumentNames().stream().anyMatch(n -> n != null && !n.isEmpty());
            int variadic = 0;
            if (f.variadic() && !args.isEmpty()) {
                PgType last = f.argumentTypes().get(args.size() - 1);
                PgType elem = c.elementOf(last);
                variadic = elem != null ? elem.oid() : last.oid();
            }
            // user-defined functions are PARALLEL UNSAFE unless declared otherwise (not kept here)
            String parallel = lang == LANG_SQL || lang == LANG_PLPGSQL ? "u" : "s";
            out.add(row(f.oid(), f.name(), ctx.schemaOid(f.schema()), lang, variadic, kind, f.strict(), f.returnsSet(),
                    volatility(f.volatility()), parallel, args, f.returnType().oid(),
                    named ? CatalogContext.textArray(f.argumentNames()) : null, src, f.argumentDefaults().size()));
        }
        for (AggregateEntry a : c.allAggregates()) {
            out.add(row(a.oid(), a.name(), ctx.schemaOid(a.schema()), LANG_INTERNAL, 0, "a", a.strict(), false, "i", "s",
                    a.argumentTypes().stream().map(PgType::oid).toList(), a.resultType().oid(), null, "aggregate_dummy", 0));
        }
        return out;
    }

    static String volatility(io.pgsight.sql.spi.Volatility v) {
        return switch (v) {
            case IMMUTABLE -> "i";
            case STABLE -> "s";
            case VOLATILE -> "v";
        };
    }

    private static Object[] row(int oid, String name, int ns, int lang, int variadic, String kind, boolean strict,
                                boolean set, String vol, String parallel, List<Integer> args, int ret, Object argNames,
                                String src, int defaults) {
        return new Object[] {oid, name, ns, CatalogContext.SUPERUSER_OID, lang, 1f, set ? 1000f : 0f, variadic, 0, kind,
                false, false, strict, set, vol, parallel, (short) args.size(), (short) defaults, ret, CatalogContext.oidvector(args),
                null, null, argNames, null, null, src, lang == LANG_C ? "$libdir/" + name : null, null, null, null};
    }
}
