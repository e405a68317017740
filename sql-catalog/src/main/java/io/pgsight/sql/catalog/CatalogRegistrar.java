package io.pgsight.sql.catalog;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.settings.SettingCatalog;
import io.pgsight.sql.spi.AccessMethodDef;
import io.pgsight.sql.spi.AggregateDef;
import io.pgsight.sql.spi.CastDef;
import io.pgsight.sql.spi.ExtensionRegistry;
import io.pgsight.sql.spi.FunctionDef;
import io.pgsight.sql.spi.OperatorClassDef;
import io.pgsight.sql.spi.OperatorDef;
import io.pgsight.sql.spi.PgType;
import io.pgsight.sql.spi.ScalarFunction;
import io.pgsight.sql.spi.SetReturningFunction;
import io.pgsight.sql.spi.SettingDef;

import java.util.ArrayList;
import java.util.List;

/**
 * The catalog's face towards one extension's {@code register} call: every object lands in
 * {@code schema} tagged with the extension's name, so DROP EXTENSION can find it again. Built-in
 * objects (extension "pg_catalog") keep the OIDs their types declare.
 */
public final class CatalogRegistrar implements ExtensionRegistry {
    private final Catalog catalog;
    private final String schema;
    private final String extension;
    private final SettingCatalog settings;

    public CatalogRegistrar(Catalog catalog, String schema, String extension, SettingCatalog settings) {
        this.catalog = catalog;
        this.schema = schema;
        this.extension = extension;
        this.settings = settings;
    }

    /** Whether a type of this name is registered (lets optional registrations skip cleanly). */
    public boolean hasType(String name) {
        return catalog.typeByName(name) != null;
    }

    private boolean builtin() {
        return "pg_catalog".equals(extension);
    }

    private PgType type(String name) {
        PgType t = catalog.typeByName(name);
        if (t == null) {
            throw new SqlException("42704", "type \"" + name + "\" does not exist");
        }
        return t;
    }

    private List<PgType> types(List<String> names) {
        List<PgType> out = new ArrayList<>();
        for (String n : names) {
            out.add(type(n));
        }
        return out;
    }

    @Override
    public void type(PgType t) {
        Catalog.schemaChanged();
        catalog.typesByOid.put(t.oid(), t);
        catalog.typesByName.put(t.name(), t);
        if (!builtin()) {
            catalog.typeExtension.put(t.oid(), extension);
        }
        if (t.comment() != null) {
            catalog.setComment("type:" + t.oid(), t.comment());
        }
    }

    @Override
    public void function(FunctionDef f) {
        Catalog.schemaChanged();
        FunctionBody body;
        if (f.body() instanceof ScalarFunction s) {
            body = new FunctionBody.NativeScalar(s);
        } else if (f.body() instanceof SetReturningFunction s) {
            body = new FunctionBody.NativeSet(s);
        } else if (f.body() instanceof FunctionBody b) {
            body = b;
        } else if (f.body() != null) {
            body = new FunctionBody.Window(f.body());
        } else {
            throw new IllegalArgumentException("function " + f.name() + " has no usable body");
        }
        List<FunctionEntry.OutColumn> out = new ArrayList<>();
        for (String oc : f.outColumns()) {
            int colon = oc.indexOf(':');
            out.add(new FunctionEntry.OutColumn(oc.substring(0, colon), type(oc.substring(colon + 1))));
        }
        List<String> argNames = new ArrayList<>();
        for (int i = 0; i < f.argumentTypes().size(); i++) {
            argNames.add("");
        }
        boolean variadic = false;
        List<String> argTypes = new ArrayList<>(f.argumentTypes());
        if (!argTypes.isEmpty() && argTypes.get(argTypes.size() - 1).startsWith("variadic ")) {
            variadic = true;
            argTypes.set(argTypes.size() - 1, argTypes.get(argTypes.size() - 1).substring(9));
        }
        catalog.putFunction(new FunctionEntry(catalog.newOid(), schema, f.name(), types(argTypes), argNames,
                type(f.returnType()), f.returnsSet(), f.strict(), f.volatility(), body, out,
                builtin() ? null : extension, f.comment(), variadic));
    }

    @Override
    public void operator(OperatorDef o) {
        Catalog.schemaChanged();
        PgType left = o.leftType() == null ? null : type(o.leftType());
        PgType right = type(o.rightType());
        FunctionEntry fn = null;
        for (FunctionEntry f : catalog.functions(o.functionName())) {
            List<PgType> a = f.argumentTypes();
            if (left == null ? (a.size() == 1 && a.get(0).oid() == right.oid())
                    : (a.size() == 2 && a.get(0).oid() == left.oid() && a.get(1).oid() == right.oid())) {
                fn = f;
            }
        }
        if (fn == null) {
            throw new IllegalArgumentException("operator " + o.symbol() + " refers to missing function "
                    + o.functionName() + "(" + o.leftType() + ", " + o.rightType() + ")");
        }
        OperatorEntry e = new OperatorEntry(catalog.newOid(), schema, o.symbol(), left, right, fn, o.commutator(),
                o.negator(), builtin() ? null : extension, o.comment());
        catalog.operators.compute(o.symbol(), (k, l) -> {
            List<OperatorEntry> n = new ArrayList<>(l == null ? List.of() : l);
            n.removeIf(x -> sameType(x.left(), e.left()) && x.right().oid() == e.right().oid());
            n.add(e);
            return List.copyOf(n);
        });
    }

    private static boolean sameType(PgType a, PgType b) {
        return a == null ? b == null : b != null && a.oid() == b.oid();
    }

    @Override
    public void cast(CastDef c) {
        Catalog.schemaChanged();
        PgType s = type(c.sourceType());
        PgType t = type(c.targetType());
        catalog.casts.put(((long) s.oid() << 32) | (t.oid() & 0xffffffffL),
                new CastEntry(catalog.newOid(), s, t, c.context(), c.functionName(), c.body(),
                        builtin() ? null : extension));
    }

    @Override
    public void aggregate(AggregateDef a) {
        Catalog.schemaChanged();
        AggregateEntry e = new AggregateEntry(catalog.newOid(), schema, a.name(), types(a.argumentTypes()),
                type(a.returnType()), a.strict(), a.newState(), builtin() ? null : extension, a.comment());
        catalog.aggregates.compute(a.name(), (k, l) -> {
            List<AggregateEntry> n = new ArrayList<>(l == null ? List.of() : l);
            n.removeIf(x -> x.argumentTypes().equals(e.argumentTypes()));
            n.add(e);
            return List.copyOf(n);
        });
    }

    @Override
    public void setting(SettingDef s) {
        Catalog.schemaChanged();
        settings.register(s);
    }

    @Override
    public void accessMethod(AccessMethodDef am) {
        Catalog.schemaChanged();
        catalog.accessMethods.put(am.name(), new AccessMethodEntry(catalog.newOid(), am.name(), am.implementation(),
                builtin() ? null : extension, am.comment()));
    }

    @Override
    public void operatorClass(OperatorClassDef oc) {
        Catalog.schemaChanged();
        OperatorClassEntry e = new OperatorClassEntry(catalog.newOid(), oc.name(), oc.accessMethod(),
                type(oc.indexedType()), oc.isDefault(), oc.operators(), oc.implementation(), oc,
                builtin() ? null : extension);
        catalog.operatorClasses.compute(oc.accessMethod(), (k, l) -> {
            List<OperatorClassEntry> n = new ArrayList<>(l == null ? List.of() : l);
            n.removeIf(x -> x.name().equals(e.name()));
            n.add(e);
            return List.copyOf(n);
        });
    }

    /** Removes everything {@code ext} registered (DROP EXTENSION). */
    public static void unregister(Catalog c, String ext) {
        Catalog.schemaChanged();
        c.typeExtension.entrySet().removeIf(en -> {
            if (en.getValue().equals(ext)) {
                PgType t = c.typesByOid.remove(en.getKey());
                if (t != null) {
                    c.typesByName.remove(t.name());
                    if (t.arrayOid() != 0) {
                        PgType arr = c.typesByOid.remove(t.arrayOid());
                        if (arr != null) {
                            c.typesByName.remove(arr.name());
                        }
                    }
                }
                return true;
            }
            return false;
        });
        c.functions.replaceAll((k, l) -> List.copyOf(l.stream().filter(f -> !ext.equals(f.extension())).toList()));
        c.functions.values().removeIf(List::isEmpty);
        c.operators.replaceAll((k, l) -> List.copyOf(l.stream().filter(f -> !ext.equals(f.extension())).toList()));
        c.operators.values().removeIf(List::isEmpty);
        c.aggregates.replaceAll((k, l) -> List.copyOf(l.stream().filter(f -> !ext.equals(f.extension())).toList()));
        c.aggregates.values().removeIf(List::isEmpty);
        c.operatorClasses.replaceAll((k, l) -> List.copyOf(l.stream().filter(f -> !ext.equals(f.extension())).toList()));
        c.operatorClasses.values().removeIf(List::isEmpty);
        c.casts.values().removeIf(x -> ext.equals(x.extension()));
        c.accessMethods.values().removeIf(x -> ext.equals(x.extension()));
        c.extensions.remove(ext);
    }

    public static void recordExtension(Catalog c, ExtensionEntry e) {
        Catalog.schemaChanged();
        c.extensions.put(e.name(), e);
    }
}
